// The two HLS playlists the console's player reads, parsed: the master playlist (which variant, with which codecs)
// and a media playlist (init fragment, fragments with sequence numbers and producer dates, whether it is complete).
// Paths come back same-origin, since the session URLs point at this server.

function attributes(text) {
  const found = {};
  for (const [, name, value] of text.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) found[name] = value.replace(/^"|"$/g, "");
  return found;
}

/** The same-origin path and query of a playlist entry, resolved against the playlist's own URL. */
export function resolve(uri, base) {
  const url = new URL(uri, base);
  return url.pathname + url.search;
}

/** The master playlist's variant: its codecs and the path of its media playlist. */
export function parseMaster(text, base) {
  const lines = text.split("\n").map((line) => line.trim());
  const index = lines.findIndex((line) => line.startsWith("#EXT-X-STREAM-INF:"));
  const uri = lines.slice(index + 1).find((line) => line && !line.startsWith("#"));
  if (index < 0 || !uri) throw new Error("The master playlist lists no variant stream.");
  const codecs = attributes(lines[index].slice("#EXT-X-STREAM-INF:".length)).CODECS;
  if (!codecs) throw new Error("The master playlist's variant has no CODECS.");
  return { codecs, mediaPath: resolve(uri, base) };
}

/** A media playlist: target duration, init fragment, whether it is complete, and its fragments with their
 * sequence numbers (EXT-X-MEDIA-SEQUENCE plus their position) and producer dates in epoch seconds. */
export function parseMedia(text, base) {
  const playlist = { targetSeconds: 1, mapPath: null, complete: false, segments: [] };
  let sequence = 0;
  let date = null;
  let duration = 0;
  for (const line of text.split("\n").map((entry) => entry.trim()).filter(Boolean)) {
    if (line.startsWith("#EXT-X-TARGETDURATION:")) playlist.targetSeconds = Number(line.split(":")[1]);
    else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) sequence = Number(line.split(":")[1]);
    else if (line.startsWith("#EXT-X-MAP:")) playlist.mapPath = resolve(attributes(line.slice(11)).URI, base);
    else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) date = Date.parse(line.slice(25)) / 1000;
    else if (line.startsWith("#EXTINF:")) duration = parseFloat(line.slice(8));
    else if (line === "#EXT-X-ENDLIST") playlist.complete = true;
    else if (!line.startsWith("#")) {
      if (date === null) throw new Error("The media playlist has a fragment without EXT-X-PROGRAM-DATE-TIME.");
      playlist.segments.push({ sequence: sequence++, path: resolve(line, base), date, duration });
      date = null;
    }
  }
  if (!playlist.mapPath) throw new Error("The media playlist has no EXT-X-MAP: it is not fragmented MP4.");
  return playlist;
}
