// The server's Prometheus metrics (GET /metrics), read by the pages' live charts and counters. Counters such as
// IncomingRecords{StreamName="orders"} become per-second rates by difference between two readings.

/** Parses the Prometheus text exposition into `[{name, labels, value}]`. */
export function parseMetrics(text) {
  const samples = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = /^([^{\s]+)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = {};
    for (const [, name, value] of (match[2] ?? "").matchAll(/([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[name] = value.replace(/\\(.)/g, (_, c) => (c === "n" ? "\n" : c));
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/**
 * The value of metric `name` whose labels include `labels` (0 when it has never been emitted). Names are
 * CloudWatch's (`DeliveryToS3.Records`); Prometheus spells their dots as underscores.
 */
export function valueOf(samples, name, labels) {
  const exported = name.replaceAll(".", "_");
  const found = samples.find((sample) => sample.name === exported &&
    Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  return found ? found.value : 0;
}

export async function readMetrics() {
  const response = await fetch("/metrics", { cache: "no-store" });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return parseMetrics(await response.text());
}

/**
 * Polls /metrics every `intervalMs` while `isActive()` holds, and hands `onReading` the per-second rate of each
 * counter in `names` (for the metrics carrying `labels`) and their totals.
 */
export function watchRates({ names, labels, intervalMs = 2000, isActive, onReading }) {
  let previous = null;
  const tick = async () => {
    if (!isActive()) return;
    try {
      const samples = await readMetrics();
      const now = performance.now();
      const totals = Object.fromEntries(names.map((name) => [name, valueOf(samples, name, labels)]));
      const rates = {};
      for (const name of names) {
        rates[name] = previous ? Math.max(0, totals[name] - previous.totals[name]) / ((now - previous.at) / 1000) : 0;
      }
      previous = { at: now, totals };
      onReading({ rates, totals, samples });
    } catch {
      // A missed reading only leaves a gap in the chart.
    }
    setTimeout(tick, intervalMs);
  };
  tick();
}
