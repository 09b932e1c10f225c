// Video Streams: every Kinesis video stream with its status, media type, retention, creation time and version;
// create one, delete one.
import { video } from "../api.js";
import { attempt, deleteButton, h, replace, table, when } from "../dom.js";

async function listStreams() {
  const streams = [];
  let input = {};
  for (;;) {
    const page = await video("/listStreams", input);
    streams.push(...page.StreamInfoList);
    if (!page.NextToken) return streams;
    input = { NextToken: page.NextToken };
  }
}

function retention(hours) {
  return hours ? `${hours} h` : "None (not stored)";
}

export function renderVideoStreams(view, _params, life) {
  const list = h("div", { id: "video-stream-list" }, h("p", { class: "hint" }, "Loading…"));
  const status = h("div");
  const refresh = async () => {
    const streams = await attempt(status, listStreams);
    if (!streams || !life.active()) return;
    replace(list, table(["Name", "Status", "Media type", "Retention", "Created", "Version", ""],
      streams.map((s) => [
        h("a", { href: `#/video/${encodeURIComponent(s.StreamName)}` }, s.StreamName),
        h("span", { class: `status ${s.Status.toLowerCase()}`, "data-stream": s.StreamName }, s.Status),
        s.MediaType ?? "—",
        retention(s.DataRetentionInHours),
        when(s.CreationTime),
        h("span", { class: "mono small" }, s.Version),
        deleteButton(s.StreamName, status, () => video("/deleteStream", { StreamARN: s.StreamARN }), refresh),
      ]), { class: "list" }));
    // Streams move from CREATING to ACTIVE and from DELETING to gone on their own: follow them while any moves.
    if (streams.some((s) => s.Status !== "ACTIVE")) setTimeout(() => life.active() && refresh(), 1000);
  };

  const retentionField = h("input", { name: "retention", type: "number", min: 0, required: true, value: 24,
                                      "aria-label": "Retention in hours" });
  const form = h("form", { class: "inline-form", id: "create-video-stream", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const input = { StreamName: data.get("name").trim(), DataRetentionInHours: Number(data.get("retention")) };
    const done = await attempt(status, () => video("/createStream", input), `Creating ${input.StreamName}.`);
    if (done !== undefined) { form.reset(); refresh(); }
  } },
  h("input", { name: "name", placeholder: "Stream name", required: true, "aria-label": "Stream name" }),
  h("label", { class: "hint" }, "Retention (hours) ", retentionField),
  h("button", { class: "primary", type: "submit" }, "Create video stream"));

  replace(view, h("h1", {}, "Video Streams"), h("section", { class: "card" }, form,
    h("p", { class: "hint" }, "Playback needs a retention above 0 hours: a stream that keeps nothing has nothing to replay.")),
  status, list);
  refresh();
}
