// A video stream's recent fragments as an SVG timeline: ListFragments over the last ten minutes by producer
// timestamp (every page), each fragment a bar placed at its ProducerTimestamp and as wide as its duration, with its
// number, size and timestamps in a hover title. The scale runs from the first fragment (or at least SPAN_MIN_SECONDS
// back) to now, so a stream that started a minute ago is not a sliver at the edge. Redrawn every few seconds while
// the page is open.
import { video } from "./api.js";
import { attempt, bytes, h, replace, svg } from "./dom.js";

const WINDOW_SECONDS = 600;
const SPAN_MIN_SECONDS = 60;
const TICK_CHOICES_SECONDS = [10, 30, 60, 120, 300];
const TICKS_MAX = 6;
const REFRESH_MS = 3000;
const PAGE_RESULTS = 1000; // ListFragments' model maximum
const PAGES_MAX = 20; // ten minutes of fragments this short would be far fewer; bounds a runaway paging
const WIDTH = 1000;
const HEIGHT = 56;

async function listFragments(streamName, startSeconds, endSeconds) {
  const fragments = [];
  const input = {
    StreamName: streamName, MaxResults: PAGE_RESULTS,
    FragmentSelector: {
      FragmentSelectorType: "PRODUCER_TIMESTAMP",
      TimestampRange: { StartTimestamp: startSeconds, EndTimestamp: endSeconds },
    },
  };
  for (let page = 0; page < PAGES_MAX; page++) {
    const answer = await video("/listFragments", input);
    fragments.push(...answer.Fragments);
    if (!answer.NextToken) break;
    input.NextToken = answer.NextToken;
  }
  return fragments;
}

function time(seconds) {
  const date = new Date(seconds * 1000);
  return `${date.toLocaleTimeString([], { hour12: false })}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/** Where the drawing starts and how many seconds it spans, ending now. */
function scaleOf(fragments, startSeconds, endSeconds) {
  const first = Math.min(endSeconds - SPAN_MIN_SECONDS, ...fragments.map((fragment) => fragment.ProducerTimestamp));
  const from = Math.max(startSeconds, first - (endSeconds - first) * 0.02);
  return { from, span: endSeconds - from };
}

function bar(fragment, { from, span }) {
  const x = ((fragment.ProducerTimestamp - from) / span) * WIDTH;
  const width = Math.max(1, (fragment.FragmentLengthInMilliseconds / 1000 / span) * WIDTH);
  return svg("rect", { class: "fragment", x: x.toFixed(2), y: 10, width: width.toFixed(2), height: HEIGHT - 20,
                       "data-fragment": fragment.FragmentNumber },
  svg("title", {}, [
    `Fragment ${fragment.FragmentNumber}`,
    `${bytes(fragment.FragmentSizeInBytes)}, ${fragment.FragmentLengthInMilliseconds} ms`,
    `Producer ${time(fragment.ProducerTimestamp)}`,
    `Server ${time(fragment.ServerTimestamp)}`,
  ].join("\n")));
}

/** The time labels under the bars, at round wall-clock times, at most TICKS_MAX of them. */
function axis({ from, span }) {
  const step = TICK_CHOICES_SECONDS.find((choice) => span / choice <= TICKS_MAX) ?? TICK_CHOICES_SECONDS.at(-1);
  const labels = [];
  for (let tick = Math.ceil(from / step) * step; tick <= from + span; tick += step) {
    const left = ((tick - from) / span) * 100;
    labels.push(h("span", { style: `left:${left.toFixed(2)}%` }, new Date(tick * 1000).toLocaleTimeString([], { hour12: false })));
  }
  return labels;
}

/**
 * The timeline card of `streamName` (`#fragment-timeline`, bars `rect.fragment` with `data-fragment` numbers, a
 * count in `#timeline-summary`), refreshed every REFRESH_MS until `life.active()` turns false.
 */
export function fragmentTimeline(streamName, life) {
  const plot = svg("svg", { id: "fragment-timeline", class: "timeline", viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
                            preserveAspectRatio: "none", role: "img", "aria-label": "Fragments of the last 10 minutes" });
  const labels = h("div", { class: "timeline-axis" });
  const summary = h("p", { id: "timeline-summary", class: "hint" }, "Loading…");
  const status = h("div");

  const refresh = async () => {
    if (!life.active()) return;
    const endSeconds = Date.now() / 1000;
    const startSeconds = endSeconds - WINDOW_SECONDS;
    const fragments = await attempt(status, () => listFragments(streamName, startSeconds, endSeconds));
    if (!life.active()) return;
    if (fragments) {
      const scale = scaleOf(fragments, startSeconds, endSeconds);
      plot.replaceChildren(svg("line", { class: "now", x1: WIDTH, y1: 0, x2: WIDTH, y2: HEIGHT }),
        ...fragments.map((fragment) => bar(fragment, scale)));
      replace(labels, axis(scale));
      const total = fragments.reduce((sum, fragment) => sum + fragment.FragmentSizeInBytes, 0);
      summary.textContent = fragments.length
        ? `${fragments.length} fragment${fragments.length === 1 ? "" : "s"}, ${bytes(total)}, in the last 10 minutes (by producer timestamp).`
        : `No fragments in the last 10 minutes. Send some with: tributary video put --stream ${streamName} video.mkv`;
    }
    setTimeout(refresh, REFRESH_MS);
  };
  refresh();
  return h("section", { class: "card" }, h("h2", {}, "Fragments"), plot, labels, summary, status);
}
