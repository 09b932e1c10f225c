// An HLS player for a Kinesis Video stream, over Media Source Extensions: GetHLSStreamingSessionURL (fMP4), the
// master playlist (its CODECS pick the SourceBuffer), the media playlist, the EXT-X-MAP init fragment, then each
// media fragment in order into one SourceBuffer (the server's single variant carries video and audio muxed).
//
// Times: the session asks for PRODUCER_TIMESTAMP with EXT-X-PROGRAM-DATE-TIME on every fragment. The server writes
// each fragment's `tfdt` as its producer timestamp, so the first fragment's date, taken off as the SourceBuffer's
// timestampOffset, makes the video's timeline start near 0; a fragment's place on it is its date minus that anchor.
//
// Bounds: at most AHEAD_SECONDS are fetched ahead of the playhead, anything older than BEHIND_SECONDS is removed,
// and the known-fragment list keeps only what lies ahead of that, so a page left open on a live stream stays flat.
import { ApiError, video } from "./api.js";
import { h, notice, replace } from "./dom.js";
import { parseMaster, parseMedia, resolve } from "./hls-playlist.js";

const TICK_MS = 500;
const AHEAD_SECONDS = 30;
const BEHIND_SECONDS = 60;
const TRIM_SLACK_SECONDS = 10; // removed in slices of at least this much, not a sliver every tick
const LIVE_START_FRAGMENTS = 3; // a LIVE session starts this many fragments before the live edge, as hls.js does
const GAP_JUMP_SECONDS = 2; // a stalled playhead jumps a hole in the buffer up to this long
const ON_DEMAND_WINDOW_SECONDS = 3600;
const ON_DEMAND_FRAGMENTS_MAX = 5000; // the model's maximum: an hour of one-second fragments fits
const SESSION_EXPIRES_SECONDS = 43200; // the model's maximum (12 hours); a LIVE session is renewed when it fails

const MODES = [["LIVE", "Live"], ["ON_DEMAND", "Last hour (on demand)"]];

// ------------------------------------------------------------------------------------------------- fetching

/** GETs a session resource by its path and query (the session URL names this same server). */
async function fetchResource(path, as) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    const type = (response.headers.get("x-amzn-ErrorType") || `HTTP ${response.status}`).split(":")[0];
    throw new ApiError(type, body.message || body.Message || "", response.status);
  }
  return as === "text" ? response.text() : new Uint8Array(await response.arrayBuffer());
}

async function sessionPath(streamName, mode) {
  const input = {
    StreamName: streamName, PlaybackMode: mode, ContainerFormat: "FRAGMENTED_MP4",
    HLSFragmentSelector: { FragmentSelectorType: "PRODUCER_TIMESTAMP" },
    DisplayFragmentTimestamp: "ALWAYS", Expires: SESSION_EXPIRES_SECONDS,
  };
  if (mode === "ON_DEMAND") {
    const now = Date.now() / 1000;
    input.HLSFragmentSelector.TimestampRange = { StartTimestamp: now - ON_DEMAND_WINDOW_SECONDS, EndTimestamp: now };
    input.MaxMediaPlaylistFragmentResults = ON_DEMAND_FRAGMENTS_MAX;
  }
  const { HLSStreamingSessionURL: url } = await video("/getHLSStreamingSessionURL", input);
  return resolve(url, location.href);
}

// ------------------------------------------------------------------------------------------------- buffer

function waitUpdate(buffer) {
  return new Promise((resolve, reject) => {
    const done = () => { buffer.removeEventListener("error", failed); resolve(); };
    const failed = () => { buffer.removeEventListener("updateend", done); reject(new Error("The SourceBuffer failed to take the media.")); };
    buffer.addEventListener("updateend", done, { once: true });
    buffer.addEventListener("error", failed, { once: true });
  });
}

function ranges(timeRanges) {
  return Array.from({ length: timeRanges.length }, (_, i) => [timeRanges.start(i), timeRanges.end(i)]);
}

/** The end of the buffered range holding `time`, or `time` when it is not buffered. */
function bufferedEnd(element, time) {
  return ranges(element.buffered).find(([start, end]) => start <= time + 0.1 && time < end)?.[1] ?? time;
}

// ------------------------------------------------------------------------------------------------- playback

/** The session's master playlist, read: the MSE type of its variant and the path of its media playlist. */
async function openSession(streamName, mode) {
  const path = await sessionPath(streamName, mode);
  const master = parseMaster(await fetchResource(path, "text"), new URL(path, location.href));
  return { ...master, mime: `video/mp4; codecs="${master.codecs}"` };
}

async function readMediaPlaylist(mediaPath) {
  return parseMedia(await fetchResource(mediaPath, "text"), new URL(mediaPath, location.href));
}

/**
 * One playback of a session into `element`, from `start()` until `isCurrent()` turns false (the page closed or the
 * mode changed), when it releases its MediaSource. `state` is what the status line shows.
 *
 * `known` holds the fragments listed and not yet played past, in sequence order; `next` is the sequence number of
 * the next one to append. Seeking outside what is buffered moves `next` to the fragment holding the new time.
 */
class Playback {
  constructor(element, streamName, mode, isCurrent) {
    Object.assign(this, { element, streamName, mode, isCurrent });
    this.state = { mode, codecs: "—", appended: 0, phase: "starting", anchor: null };
    this.source = new MediaSource();
    this.onSeeking = () => this.seek(element.currentTime);
  }

  async start(show) {
    show(this.state);
    const session = await openSession(this.streamName, this.mode);
    this.state.codecs = session.codecs;
    if (!MediaSource.isTypeSupported(session.mime)) {
      throw new Error(`This browser cannot play ${session.mime} through Media Source Extensions.`);
    }
    this.mediaPath = session.mediaPath;
    this.objectUrl = URL.createObjectURL(this.source);
    this.element.src = this.objectUrl;
    this.element.addEventListener("seeking", this.onSeeking);
    try {
      await new Promise((resolve) => this.source.addEventListener("sourceopen", resolve, { once: true }));
      this.buffer = this.source.addSourceBuffer(session.mime);
      this.playlist = await readMediaPlaylist(this.mediaPath);
      this.buffer.appendBuffer(await fetchResource(this.playlist.mapPath));
      await waitUpdate(this.buffer);
      this.known = this.playlist.segments.slice(this.mode === "LIVE" ? -LIVE_START_FRAGMENTS : 0);
      this.next = this.known[0]?.sequence ?? 0;
      this.refreshedAt = performance.now();
      while (this.isCurrent()) {
        await this.step();
        this.state.phase = phaseOf(this.element, this.source);
        show(this.state);
        await new Promise((resolve) => setTimeout(resolve, TICK_MS));
      }
    } finally {
      this.release();
    }
  }

  async step() {
    if (this.mode === "LIVE" && performance.now() - this.refreshedAt >= this.playlist.targetSeconds * 1000) {
      await this.refresh();
    }
    const segment = this.known.find((entry) => entry.sequence >= this.next);
    const now = this.element.currentTime;
    if (segment && !this.buffer.updating && bufferedEnd(this.element, now) - now < AHEAD_SECONDS) {
      await this.append(segment);
    } else if (!segment && this.playlist.complete && this.source.readyState === "open" && !this.buffer.updating) {
      this.source.endOfStream();
    }
    await this.trim();
    jumpGap(this.element);
  }

  /** Re-reads a LIVE media playlist and keeps the fragments it lists after the last one known. */
  async refresh() {
    this.refreshedAt = performance.now();
    try {
      this.playlist = await readMediaPlaylist(this.mediaPath);
    } catch {
      // An expired session or a restarted server: a new session goes on with the same sequence numbers.
      this.mediaPath = (await openSession(this.streamName, this.mode)).mediaPath;
      this.playlist = await readMediaPlaylist(this.mediaPath);
    }
    const last = this.known.at(-1)?.sequence ?? this.next - 1;
    this.known.push(...this.playlist.segments.filter((segment) => segment.sequence > last));
  }

  async append(segment) {
    if (this.state.anchor === null) {
      this.state.anchor = segment.date;
      this.buffer.timestampOffset = -segment.date;
    }
    const bytes = await fetchResource(segment.path);
    if (!this.isCurrent()) return;
    const now = this.element.currentTime;
    try {
      this.buffer.appendBuffer(bytes);
      await waitUpdate(this.buffer);
      this.next = segment.sequence + 1;
      this.state.appended++;
    } catch (error) {
      if (error.name !== "QuotaExceededError") throw error;
      // The browser's buffer is full: free what was played and append the same fragment at the next step.
      if (now > 1) { this.buffer.remove(0, now - 1); await waitUpdate(this.buffer); }
      return;
    }
    if (this.element.paused && this.state.appended === 1) {
      this.element.currentTime = Math.max(now, this.element.buffered.length ? this.element.buffered.start(0) : 0);
      // A refused autoplay leaves the video paused, which the status line shows; its controls can start it.
      this.element.play().catch(() => {});
    }
  }

  /** Removes what lies more than BEHIND_SECONDS behind the playhead, and forgets the fragments it held. */
  async trim() {
    const played = this.element.currentTime - BEHIND_SECONDS;
    const buffered = this.buffer.buffered;
    if (this.buffer.updating || !buffered.length || buffered.start(0) >= played - TRIM_SLACK_SECONDS) return;
    this.buffer.remove(0, played);
    await waitUpdate(this.buffer);
    this.known = this.known.filter((entry) => entry.sequence >= this.next || this.place(entry) + entry.duration > played);
  }

  seek(time) {
    if (!this.known || bufferedEnd(this.element, time) !== time) return;
    const target = this.known.findLast((segment) => this.place(segment) <= time) ?? this.known[0];
    if (target) this.next = target.sequence;
  }

  /** A fragment's start on the video's timeline. */
  place(segment) {
    return segment.date - this.state.anchor;
  }

  release() {
    this.element.removeEventListener("seeking", this.onSeeking);
    // A newer playback (the mode changed) may already own the element: release only this one's source.
    if (this.element.src === this.objectUrl) {
      this.element.pause();
      this.element.removeAttribute("src");
      this.element.load();
    }
    URL.revokeObjectURL(this.objectUrl);
  }
}

/** Moves a playhead stuck before a short hole in the buffer (fragments that do not quite touch) past it. */
function jumpGap(element) {
  if (element.paused || element.readyState > HTMLMediaElement.HAVE_CURRENT_DATA) return;
  const ahead = ranges(element.buffered).find(([start]) => start > element.currentTime);
  if (ahead && ahead[0] - element.currentTime <= GAP_JUMP_SECONDS) element.currentTime = ahead[0];
}

function phaseOf(element, source) {
  if (element.error) return `error: ${element.error.message || element.error.code}`;
  if (source.readyState === "ended" && element.ended) return "ended";
  if (element.paused) return "paused";
  return element.readyState > HTMLMediaElement.HAVE_CURRENT_DATA ? "playing" : "waiting for media";
}

function clock(seconds) {
  return new Date(seconds * 1000).toLocaleTimeString([], { hour12: false });
}

/**
 * The player card of `streamName`: a mode selector (LIVE, or ON_DEMAND over the last hour), the muted video and a
 * status line whose parts have stable ids (`player-mode-shown`, `player-codec`, `player-buffered`, `player-time`,
 * `player-segments`, `player-state`). Playback stops when `life.active()` turns false.
 */
export function hlsPlayer(streamName, life) {
  const element = h("video", { id: "video-player", class: "video-player", muted: true, autoplay: true, playsinline: true, controls: true });
  element.muted = true; // the attribute alone does not mute a created element; autoplay needs muted
  const part = (id) => h("span", { id }, "—");
  const parts = Object.fromEntries(["player-mode-shown", "player-codec", "player-buffered", "player-time",
    "player-segments", "player-state"].map((id) => [id, part(id)]));
  const problem = h("div", { id: "player-error" });
  let generation = 0;

  let shown = null;
  const show = (state) => {
    shown = state;
    const buffered = ranges(element.buffered).map(([start, end]) => `${start.toFixed(1)}–${end.toFixed(1)} s`);
    const at = element.currentTime;
    parts["player-mode-shown"].textContent = state.mode;
    parts["player-codec"].textContent = state.codecs;
    parts["player-buffered"].textContent = buffered.join(", ") || "nothing";
    parts["player-time"].textContent = `${at.toFixed(1)} s${state.anchor === null ? "" : ` (${clock(state.anchor + at)})`}`;
    parts["player-segments"].textContent = String(state.appended);
    parts["player-state"].textContent = state.phase;
  };

  element.addEventListener("timeupdate", () => shown && show(shown));

  const start = async (mode) => {
    const mine = ++generation;
    replace(problem);
    try {
      await new Playback(element, streamName, mode, () => mine === generation && life.active()).start(show);
    } catch (error) {
      if (mine !== generation || !life.active()) return;
      parts["player-state"].textContent = "stopped";
      // No media to play is the stream's state, not a failure.
      const nothing = ["ResourceNotFoundException", "NoDataRetentionException"].includes(error.type);
      const hint = nothing && mode === "LIVE"
        ? " A live session needs a fragment received in the last 30 seconds: choose the last hour, or send video and reload."
        : "";
      replace(problem, notice(nothing ? "info" : "error", error.message + hint));
    }
  };

  const selector = h("select", { id: "player-mode", "aria-label": "Playback mode", onchange: () => start(selector.value) },
    MODES.map(([value, label]) => h("option", { value }, label)));
  start("LIVE");
  return h("section", { class: "card player" },
    h("div", { class: "player-head" }, h("h2", {}, "Player"), selector),
    element,
    h("p", { class: "player-status mono small", id: "player-status" },
      "mode ", parts["player-mode-shown"], " · codecs ", parts["player-codec"], " · buffered ", parts["player-buffered"],
      " · time ", parts["player-time"], " · fragments appended ", parts["player-segments"], " · ", parts["player-state"]),
    problem);
}
