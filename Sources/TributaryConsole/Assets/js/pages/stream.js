// One data stream: its settings, the shard map with lineage, consumers, live throughput from the metrics, a form to
// put a test record and the data viewer.
import { base64OfText, call } from "../api.js";
import { LiveChart } from "../chart.js";
import { attempt, bytes, facts, h, notice, replace, table, when } from "../dom.js";
import { watchRates } from "../metrics.js";
import { dataViewer } from "./data-viewer.js";

const HASH_SPACE = 1n << 128n;

async function listShards(streamName) {
  const shards = [];
  let input = { StreamName: streamName };
  for (;;) {
    const page = await call("kinesis", "ListShards", input);
    shards.push(...page.Shards);
    if (!page.NextToken) break;
    input = { NextToken: page.NextToken };
  }
  return shards;
}

/** The shard's hash-key range as fractions of the whole key space, for the map's bars. */
function span(shard) {
  const start = BigInt(shard.HashKeyRange.StartingHashKey);
  const end = BigInt(shard.HashKeyRange.EndingHashKey) + 1n;
  const fraction = (value) => Number((value * 100000n) / HASH_SPACE) / 1000;
  return { left: fraction(start), width: Math.max(0.4, fraction(end) - fraction(start)) };
}

function shardMap(shards) {
  const rows = shards.map((shard) => {
    const open = !shard.SequenceNumberRange.EndingSequenceNumber;
    const { left, width } = span(shard);
    return h("tr", { class: open ? "open" : "closed", "data-shard": shard.ShardId },
      h("td", {}, shard.ShardId),
      h("td", {}, h("span", { class: `status ${open ? "active" : "closed"}` }, open ? "OPEN" : "CLOSED")),
      h("td", {}, [shard.ParentShardId, shard.AdjacentParentShardId].filter(Boolean).join(" + ") || "—"),
      h("td", { class: "hash" }, h("div", { class: "keyspace", title:
        `${shard.HashKeyRange.StartingHashKey} – ${shard.HashKeyRange.EndingHashKey}` },
      h("div", { class: "range", style: `left:${left}%;width:${width}%` }))),
      h("td", { class: "mono small" }, `${shard.HashKeyRange.StartingHashKey} – ${shard.HashKeyRange.EndingHashKey}`));
  });
  return h("table", { class: "list shard-map" },
    h("thead", {}, h("tr", {}, ["Shard", "State", "Parents", "Hash key space", "Hash key range"].map((t) => h("th", {}, t)))),
    h("tbody", {}, rows));
}

function putRecordForm(streamName) {
  const result = h("div", { id: "put-result" });
  const form = h("form", { class: "form", id: "put-record", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const input = { StreamName: streamName, PartitionKey: data.get("partitionKey"), Data: base64OfText(data.get("data")) };
    if (data.get("explicitHashKey").trim()) input.ExplicitHashKey = data.get("explicitHashKey").trim();
    await attempt(result, () => call("kinesis", "PutRecord", input),
      (answer) => `Stored in ${answer.ShardId} as sequence number ${answer.SequenceNumber}.`);
  } },
  h("label", {}, "Partition key", h("input", { name: "partitionKey", required: true, value: "test" })),
  h("label", {}, "Explicit hash key (optional)", h("input", { name: "explicitHashKey" })),
  h("label", {}, "Data", h("textarea", { name: "data", rows: 4, required: true }, '{"hello": "world"}')),
  h("button", { class: "primary", type: "submit" }, "Put record"));
  return h("section", { class: "card" }, h("h2", {}, "Put a test record"), form, result);
}

export async function renderStream(view, [name], life) {
  const status = h("div");
  replace(view, h("p", { class: "breadcrumbs" }, h("a", { href: "#/streams" }, "Data Streams"), " / ", name),
    h("h1", {}, name), status);
  const loaded = await attempt(status, () => Promise.all([
    call("kinesis", "DescribeStreamSummary", { StreamName: name }),
    listShards(name),
  ]));
  if (!loaded || !life.active()) return;
  const [{ StreamDescriptionSummary: summary }, shards] = loaded;
  const consumers = await call("kinesis", "ListStreamConsumers", { StreamARN: summary.StreamARN })
    .then((answer) => answer.Consumers).catch(() => []);

  const records = new LiveChart("Records per second", ["Incoming", "Outgoing"]);
  const volume = new LiveChart("Bytes per second", ["Incoming", "Outgoing"], { format: (v) => `${bytes(Math.round(v))}/s` });
  watchRates({
    names: ["IncomingRecords", "OutgoingRecords", "IncomingBytes", "OutgoingBytes"],
    labels: { StreamName: name },
    isActive: life.active,
    onReading: ({ rates }) => {
      records.push([rates.IncomingRecords, rates.OutgoingRecords]);
      volume.push([rates.IncomingBytes, rates.OutgoingBytes]);
    },
  });

  view.append(
    h("section", { class: "card" }, facts([
      ["ARN", h("span", { class: "mono" }, summary.StreamARN)],
      ["Status", h("span", { class: `status ${summary.StreamStatus.toLowerCase()}`, id: "stream-status" }, summary.StreamStatus)],
      ["Capacity mode", summary.StreamModeDetails?.StreamMode ?? "PROVISIONED"],
      ["Open shards", String(summary.OpenShardCount)],
      ["Retention", `${summary.RetentionPeriodHours} hours`],
      ["Encryption", summary.EncryptionType === "KMS" ? `KMS (${summary.KeyId})` : "None"],
      ["Enhanced metrics", (summary.EnhancedMonitoring?.[0]?.ShardLevelMetrics ?? []).join(", ") || "None"],
      ["Created", when(summary.StreamCreationTimestamp)],
    ])),
    h("section", { class: "charts" }, records.element, volume.element),
    h("section", { class: "card" }, h("h2", {}, `Shards (${shards.length})`), shardMap(shards)),
    h("section", { class: "card" }, h("h2", {}, "Enhanced fan-out consumers"),
      table(["Name", "Status", "Registered", "ARN"], consumers.map((c) => [
        c.ConsumerName, c.ConsumerStatus, when(c.ConsumerCreationTimestamp), h("span", { class: "mono small" }, c.ConsumerARN),
      ]), { class: "list" })),
    putRecordForm(name),
    dataViewer(name, shards, life),
  );
  if (summary.StreamStatus !== "ACTIVE") {
    view.append(notice("info", `The stream is ${summary.StreamStatus}; this page shows it as it was when loaded.`));
  }
}
