// Data Streams: every stream with its status, mode, open shards and retention; create one, delete one.
import { call } from "../api.js";
import { attempt, deleteButton, h, replace, table } from "../dom.js";

async function listStreams() {
  const names = [];
  let input = {};
  for (;;) {
    const page = await call("kinesis", "ListStreams", input);
    names.push(...page.StreamNames);
    if (!page.HasMoreStreams || !page.NextToken) break;
    input = { NextToken: page.NextToken };
  }
  return Promise.all(names.map((name) =>
    call("kinesis", "DescribeStreamSummary", { StreamName: name }).then((answer) => answer.StreamDescriptionSummary)));
}

export function renderStreams(view, _params, life) {
  const list = h("div", { id: "stream-list" }, h("p", { class: "hint" }, "Loading…"));
  const status = h("div");
  const refresh = async () => {
    const streams = await attempt(status, listStreams);
    if (!streams || !life.active()) return;
    replace(list, table(["Name", "Status", "Mode", "Open shards", "Retention", "Consumers", ""],
      streams.map((s) => [
        h("a", { href: `#/streams/${encodeURIComponent(s.StreamName)}` }, s.StreamName),
        h("span", { class: `status ${s.StreamStatus.toLowerCase()}` }, s.StreamStatus),
        s.StreamModeDetails?.StreamMode ?? "PROVISIONED",
        String(s.OpenShardCount),
        `${s.RetentionPeriodHours} h`,
        String(s.ConsumerCount ?? 0),
        deleteButton(s.StreamName, status,
          () => call("kinesis", "DeleteStream", { StreamName: s.StreamName, EnforceConsumerDeletion: true }), refresh),
      ]), { class: "list" }));
    // Streams move between CREATING, UPDATING, DELETING and ACTIVE on their own: follow them while any moves.
    if (streams.some((s) => s.StreamStatus !== "ACTIVE")) setTimeout(() => life.active() && refresh(), 1000);
  };

  const form = h("form", { class: "inline-form", id: "create-stream", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const mode = data.get("mode");
    const input = { StreamName: data.get("name").trim(), StreamModeDetails: { StreamMode: mode } };
    if (mode === "PROVISIONED") input.ShardCount = Number(data.get("shards"));
    const done = await attempt(status, () => call("kinesis", "CreateStream", input), `Creating ${input.StreamName}.`);
    if (done !== undefined) { form.reset(); refresh(); }
  } },
  h("input", { name: "name", placeholder: "Stream name", required: true, "aria-label": "Stream name" }),
  h("select", { name: "mode", "aria-label": "Capacity mode" },
    h("option", { value: "PROVISIONED" }, "Provisioned"), h("option", { value: "ON_DEMAND" }, "On-demand")),
  h("input", { name: "shards", type: "number", min: 1, value: 1, "aria-label": "Shards", title: "Shards" }),
  h("button", { class: "primary", type: "submit" }, "Create stream"));

  replace(view, h("h1", {}, "Data Streams"), h("section", { class: "card" }, form), status, list);
  refresh();
}
