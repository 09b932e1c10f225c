// The rows of one in-application stream of a running SQL application, live: polls Tributary's
// GetInApplicationStreamRecords (an extension of the Analytics API, see docs/analytics.md) and shows the newest rows
// first in a table.
import { call } from "./api.js";
import { h, replace } from "./dom.js";

const POLL_MS = 1000;
const ROWS_SHOWN_MAX = 200;

/** The application's in-application streams: its inputs', the streams its code creates, and error_stream. */
export function inAppStreamNames(app) {
  const names = new Set();
  for (const input of app.InputDescriptions ?? []) for (const name of input.InAppStreamNames ?? []) names.add(name);
  for (const [, quoted, bare] of (app.ApplicationCode ?? "").matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?STREAM\s+(?:"([^"]+)"|([A-Za-z_][\w$]*))/gi)) {
    names.add(quoted ?? bare.toUpperCase());
  }
  names.add("error_stream");
  return [...names];
}

/** A value as the SQL would print it; TIMESTAMPs come as epoch seconds and show as UTC date-times. */
function cell(value, sqlType) {
  if (value === null || value === undefined) return h("span", { class: "hint" }, "null");
  if (sqlType === "TIMESTAMP" && typeof value === "number") return new Date(value * 1000).toISOString().replace("T", " ").replace("Z", "");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** `{element, setStreams(names)}`: a stream chooser and the table of its rows. */
export function rowViewer(applicationName, names, life) {
  const chooser = h("select", { id: "in-app-stream", "aria-label": "In-application stream" });
  const state = h("p", { class: "hint", id: "rows-state" }, "Choose a stream to watch its rows.");
  const head = h("thead");
  const body = h("tbody");
  let watching = 0; // the current watch; choosing another stream ends the previous one

  async function watch(mine, stream) {
    let after;
    let count = 0;
    let types = [];
    replace(head);
    replace(body);
    while (mine === watching && life.active()) {
      const input = { ApplicationName: applicationName, InAppStreamName: stream };
      if (after !== undefined) input.AfterSequence = after;
      try {
        const page = await call("kinesisanalytics", "GetInApplicationStreamRecords", input);
        if (mine !== watching) return;
        if (!head.childElementCount) replace(head, h("tr", {}, page.Columns.map((c) => h("th", { title: c.SqlType }, c.Name))));
        types = page.Columns.map((c) => c.SqlType);
        for (const record of page.Records) {
          body.prepend(h("tr", { "data-sequence": record.Sequence }, record.Values.map((v, i) => h("td", {}, cell(v, types[i])))));
          if (body.childElementCount > ROWS_SHOWN_MAX) body.lastElementChild.remove();
          count++;
        }
        after = page.NextSequence;
        replace(state, `Watching ${stream}: ${count} row(s) since you started watching.`);
      } catch (error) {
        replace(state, h("span", { class: "notice error" }, error.message));
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  chooser.addEventListener("change", () => watch(++watching, chooser.value));
  const setStreams = (streamNames) => {
    const current = chooser.value;
    replace(chooser, h("option", { value: "" }, "Choose a stream…"), streamNames.map((n) => h("option", { value: n }, n)));
    if (streamNames.includes(current)) chooser.value = current;
  };
  setStreams(names);
  const element = h("section", { class: "card" }, h("h2", {}, "In-application stream rows"),
    h("div", { class: "inline-form" }, chooser), state,
    h("div", { class: "rows" }, h("table", { class: "list", id: "in-app-rows" }, head, body)));
  return { element, setStreams };
}
