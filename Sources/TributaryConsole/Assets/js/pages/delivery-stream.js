// One delivery stream: its configuration, live incoming and delivered rates, the delivery counters, its failure
// description, and a form to put a test record.
import { base64OfText, call } from "../api.js";
import { LiveChart } from "../chart.js";
import { attempt, bytes, facts, h, replace, when } from "../dom.js";
import { bufferingText, deliveryCounters, destinationOf, sourceOf } from "../delivery.js";
import { watchRates } from "../metrics.js";

function putRecordForm(name) {
  const result = h("div", { id: "firehose-put-result" });
  const form = h("form", { class: "form", id: "firehose-put", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form).get("data");
    await attempt(result, () => call("firehose", "PutRecord", {
      DeliveryStreamName: name, Record: { Data: base64OfText(data.endsWith("\n") ? data : data + "\n") },
    }), (answer) => `Accepted as record ${answer.RecordId}.`);
  } },
  h("label", {}, "Data (a newline is added when missing)", h("textarea", { name: "data", rows: 3 }, '{"hello": "firehose"}')),
  h("button", { class: "primary", type: "submit" }, "Put record"));
  return h("section", { class: "card" }, h("h2", {}, "Put a test record"), form, result);
}

export async function renderDeliveryStream(view, [name], life) {
  const status = h("div");
  replace(view, h("p", { class: "breadcrumbs" }, h("a", { href: "#/firehose" }, "Firehose"), " / ", name),
    h("h1", {}, name), status);
  const answer = await attempt(status, () => call("firehose", "DescribeDeliveryStream", { DeliveryStreamName: name }));
  if (!answer || !life.active()) return;
  const stream = answer.DeliveryStreamDescription;
  const destination = destinationOf(stream);

  const counters = h("div", { id: "delivery-counters" });
  const rates = new LiveChart("Records per second", ["Incoming", "Delivered"]);
  const names = ["IncomingRecords", "DeliveryToS3.Records", "DeliveryToHttpEndpoint.Records"];
  watchRates({
    names, labels: { DeliveryStreamName: name }, isActive: life.active,
    onReading: ({ rates: perSecond, samples }) => {
      rates.push([perSecond.IncomingRecords, perSecond["DeliveryToS3.Records"] + perSecond["DeliveryToHttpEndpoint.Records"]]);
      const now = deliveryCounters(samples, name);
      replace(counters, facts([
        ["Records received", String(now.incoming)],
        ["Records delivered", h("span", { id: "delivered-count" }, String(now.delivered))],
        ["Bytes delivered", bytes(now.deliveredBytes)],
        ["Failed delivery attempts", String(now.failedAttempts)],
        ["Last delivery", h("span", { id: "last-delivery" }, now.lastDelivery ? when(now.lastDelivery) : "Not yet")],
      ]));
    },
  });

  const failure = stream.FailureDescription;
  view.append(
    h("section", { class: "card" }, facts([
      ["ARN", h("span", { class: "mono" }, stream.DeliveryStreamARN)],
      ["Status", h("span", { class: `status ${stream.DeliveryStreamStatus.toLowerCase()}` }, stream.DeliveryStreamStatus)],
      ["Source", sourceOf(stream)],
      ["Destination", `${destination.kind} ${destination.target}`],
      ["Buffering", bufferingText(destination.buffering)],
      ["Compression", destination.compression ?? "—"],
      ["Encryption", stream.DeliveryStreamEncryptionConfiguration?.Status ?? "DISABLED"],
      ["Created", when(stream.CreateTimestamp)],
      ["Errors", failure ? `${failure.Type}: ${failure.Details}` : "None"],
    ])),
    h("section", { class: "charts" }, rates.element, h("div", { class: "card" }, h("h2", {}, "Delivery"), counters)),
    stream.DeliveryStreamType === "DirectPut" ? putRecordForm(name) : null,
  );
}
