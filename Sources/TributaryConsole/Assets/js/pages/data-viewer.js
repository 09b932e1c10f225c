// The data viewer: reads one shard from a chosen position (TRIM_HORIZON, LATEST, a sequence number, a timestamp)
// with GetShardIterator and GetRecords, as a polling consumer would, and shows each record as text, pretty JSON or
// hex. It keeps following the shard until stopped or left.
import { base64Bytes, call } from "../api.js";
import { attempt, h, replace } from "../dom.js";
import { renderData } from "../record-format.js";

const RECORDS_SHOWN_MAX = 500;
const IDLE_POLL_MS = 1000;

export function dataViewer(streamName, shards, life) {
  const records = [];
  const list = h("ol", { class: "records", id: "records" });
  const status = h("div");
  let reading = 0; // which read is current; a new Start or Stop ends the previous one

  const shardSelect = h("select", { name: "shard", "aria-label": "Shard" },
    shards.map((s) => h("option", { value: s.ShardId }, s.ShardId + (s.SequenceNumberRange.EndingSequenceNumber ? " (closed)" : ""))));
  const positionSelect = h("select", { name: "position", "aria-label": "Starting position" },
    ["TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "AT_TIMESTAMP"].map((p) => h("option", { value: p }, p)));
  const positionValue = h("input", { name: "positionValue", placeholder: "Sequence number or date-time",
                                     "aria-label": "Sequence number or timestamp", disabled: true });
  positionSelect.addEventListener("change", () => {
    const type = positionSelect.value;
    positionValue.disabled = !type.startsWith("AT_") && !type.startsWith("AFTER_");
    positionValue.type = type === "AT_TIMESTAMP" ? "datetime-local" : "text";
    if (type === "AT_TIMESTAMP") positionValue.step = 1;
  });
  const formatSelect = h("select", { name: "format", "aria-label": "Show data as" },
    h("option", { value: "text" }, "Text"), h("option", { value: "json" }, "Pretty JSON"), h("option", { value: "hex" }, "Hex"));
  formatSelect.addEventListener("change", () => replace(list, records.map(recordItem)));

  function recordItem(record) {
    return h("li", { class: "record" },
      h("div", { class: "record-meta" },
        h("span", { class: "mono" }, record.SequenceNumber),
        h("span", {}, `key ${record.PartitionKey}`),
        h("span", {}, new Date(record.ApproximateArrivalTimestamp * 1000).toLocaleString()),
        h("span", {}, `${record.bytes.length} B`)),
      h("pre", { class: `record-data ${formatSelect.value}` }, renderData(record.bytes, formatSelect.value)));
  }

  async function read(mine) {
    const input = { StreamName: streamName, ShardId: shardSelect.value, ShardIteratorType: positionSelect.value };
    if (positionSelect.value.endsWith("SEQUENCE_NUMBER")) input.StartingSequenceNumber = positionValue.value.trim();
    if (positionSelect.value === "AT_TIMESTAMP") input.Timestamp = new Date(positionValue.value).getTime() / 1000;
    const opened = await attempt(status, () => call("kinesis", "GetShardIterator", input));
    if (!opened) return;
    let iterator = opened.ShardIterator;
    replace(status, h("p", { class: "hint", id: "viewer-state" }, `Following ${input.ShardId} from ${input.ShardIteratorType}…`));
    while (iterator && mine === reading && life.active()) {
      const page = await attempt(status, () => call("kinesis", "GetRecords", { ShardIterator: iterator, Limit: 100 }));
      if (!page || mine !== reading) return;
      for (const record of page.Records) {
        record.bytes = base64Bytes(record.Data);
        records.push(record);
        list.append(recordItem(record));
        if (records.length > RECORDS_SHOWN_MAX) { records.shift(); list.firstElementChild.remove(); }
      }
      replace(status, h("p", { class: "hint", id: "viewer-state" },
        `Following ${input.ShardId}: ${records.length} record(s) shown, ${page.MillisBehindLatest ?? 0} ms behind the tip.`));
      iterator = page.NextShardIterator;
      if (!page.Records.length) await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    }
    if (!iterator && mine === reading) replace(status, h("p", { class: "hint" }, "The shard is closed and fully read."));
  }

  const form = h("form", { class: "inline-form", id: "data-viewer", onsubmit: (event) => {
    event.preventDefault();
    records.length = 0;
    replace(list);
    read(++reading);
  } },
  shardSelect, positionSelect, positionValue, formatSelect,
  h("button", { class: "primary", type: "submit" }, "Start reading"),
  h("button", { type: "button", onclick: () => { reading++; replace(status, h("p", { class: "hint" }, "Stopped.")); } }, "Stop"));

  return h("section", { class: "card" }, h("h2", {}, "Data viewer"), form, status, list);
}
