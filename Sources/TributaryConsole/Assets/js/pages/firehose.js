// Firehose: every delivery stream with its source, destination, buffering and delivery counters, refreshed live.
import { call } from "../api.js";
import { attempt, h, replace, table, when } from "../dom.js";
import { deliveryCounters, destinationOf, bufferingText, sourceOf } from "../delivery.js";
import { readMetrics } from "../metrics.js";

const REFRESH_MS = 2000;

async function describeAll() {
  const names = [];
  let input = {};
  for (;;) {
    const page = await call("firehose", "ListDeliveryStreams", input);
    names.push(...page.DeliveryStreamNames);
    if (!page.HasMoreDeliveryStreams) break;
    input = { ExclusiveStartDeliveryStreamName: names.at(-1) };
  }
  return Promise.all(names.map((name) =>
    call("firehose", "DescribeDeliveryStream", { DeliveryStreamName: name }).then((a) => a.DeliveryStreamDescription)));
}

export function renderDeliveryStreams(view, _params, life) {
  const list = h("div", { id: "delivery-stream-list" }, h("p", { class: "hint" }, "Loading…"));
  const status = h("div");
  replace(view, h("h1", {}, "Firehose delivery streams"), status, list);
  const refresh = async () => {
    if (!life.active()) return;
    const loaded = await attempt(status, () => Promise.all([describeAll(), readMetrics()]));
    if (loaded && life.active()) {
      const [streams, samples] = loaded;
      replace(list, table(["Name", "Status", "Source", "Destination", "Buffering", "Delivered", "Failed attempts", "Last delivery"],
        streams.map((stream) => {
          const destination = destinationOf(stream);
          const counters = deliveryCounters(samples, stream.DeliveryStreamName);
          return [
            h("a", { href: `#/firehose/${encodeURIComponent(stream.DeliveryStreamName)}` }, stream.DeliveryStreamName),
            h("span", { class: `status ${stream.DeliveryStreamStatus.toLowerCase()}` }, stream.DeliveryStreamStatus),
            sourceOf(stream),
            h("span", {}, `${destination.kind} `, h("span", { class: "mono small" }, destination.target)),
            bufferingText(destination.buffering),
            h("span", { class: "delivered", "data-stream": stream.DeliveryStreamName }, String(counters.delivered)),
            String(counters.failedAttempts),
            counters.lastDelivery ? when(counters.lastDelivery) : "Not yet",
          ];
        }), { class: "list" }));
    }
    setTimeout(refresh, REFRESH_MS);
  };
  refresh();
}
