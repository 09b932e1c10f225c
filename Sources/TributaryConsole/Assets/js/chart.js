// A live line chart in SVG: a few series over the last readings, rescaled to the largest value shown.
import { h, svg } from "./dom.js";

const COLORS = ["#2563eb", "#16a34a", "#d97706", "#db2777"];
const WIDTH = 480;
const HEIGHT = 140;

/** A chart titled `title` for the series named in `labels`; call `push(values)` with one number per series. */
export class LiveChart {
  constructor(title, labels, { points = 60, format = (v) => v.toFixed(1) } = {}) {
    this.labels = labels;
    this.points = points;
    this.format = format;
    this.history = labels.map(() => []);
    this.plot = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "chart-plot", preserveAspectRatio: "none" });
    this.legend = h("div", { class: "chart-legend" });
    this.element = h("figure", { class: "chart" }, h("figcaption", {}, title), this.plot, this.legend);
    this.draw();
  }

  push(values) {
    values.forEach((value, i) => {
      this.history[i].push(value);
      if (this.history[i].length > this.points) this.history[i].shift();
    });
    this.draw();
  }

  draw() {
    const top = Math.max(1, ...this.history.flat());
    this.plot.replaceChildren(svg("line", { x1: 0, y1: HEIGHT - 1, x2: WIDTH, y2: HEIGHT - 1, class: "axis" }));
    this.history.forEach((series, i) => {
      if (series.length < 2) return;
      const step = WIDTH / (this.points - 1);
      const offset = (this.points - series.length) * step;
      const path = series.map((value, j) =>
        `${j ? "L" : "M"}${(offset + j * step).toFixed(1)},${(HEIGHT - 2 - (value / top) * (HEIGHT - 10)).toFixed(1)}`);
      this.plot.append(svg("path", { d: path.join(" "), stroke: COLORS[i % COLORS.length], fill: "none",
                                     "stroke-width": 2, "vector-effect": "non-scaling-stroke" }));
    });
    this.legend.replaceChildren(...this.labels.map((label, i) => {
      const last = this.history[i].at(-1);
      return h("span", { class: "chart-key", style: `--key:${COLORS[i % COLORS.length]}` },
        `${label}: ${last === undefined ? "—" : this.format(last)}`);
    }));
  }
}
