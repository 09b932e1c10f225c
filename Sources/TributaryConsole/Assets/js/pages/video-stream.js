// One video stream: its settings (DescribeStream), an HLS player (live or the last hour) and the timeline of its
// recent fragments.
import { video } from "../api.js";
import { attempt, facts, h, notice, replace, when } from "../dom.js";
import { fragmentTimeline } from "../fragment-timeline.js";
import { hlsPlayer } from "../hls-player.js";

export async function renderVideoStream(view, [name], life) {
  const status = h("div");
  replace(view, h("p", { class: "breadcrumbs" }, h("a", { href: "#/video" }, "Video Streams"), " / ", name),
    h("h1", {}, name), status);
  const answer = await attempt(status, () => video("/describeStream", { StreamName: name }));
  if (!answer || !life.active()) return;
  const stream = answer.StreamInfo;
  const settings = h("section", { class: "card" }, facts([
    ["ARN", h("span", { class: "mono" }, stream.StreamARN)],
    ["Status", h("span", { class: `status ${stream.Status.toLowerCase()}`, id: "video-stream-status" }, stream.Status)],
    ["Media type", stream.MediaType],
    ["Device", stream.DeviceName],
    ["Retention", stream.DataRetentionInHours ? `${stream.DataRetentionInHours} hours` : "None: fragments are not stored"],
    ["KMS key", h("span", { class: "mono" }, stream.KmsKeyId)],
    ["Version", h("span", { class: "mono" }, stream.Version)],
    ["Created", when(stream.CreationTime)],
  ]));
  if (stream.Status !== "ACTIVE") {
    view.append(settings, notice("info", `The stream is ${stream.Status}; reload once it is ACTIVE to play it.`));
    return;
  }
  view.append(h("div", { class: "video-layout" }, hlsPlayer(name, life), h("div", {}, settings, fragmentTimeline(name, life))));
}
