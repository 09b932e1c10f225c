// How the data viewer shows a record's bytes: as UTF-8 text, as indented JSON, or as a hex dump with offsets.

/** The bytes rendered as `format`: `text`, `json` or `hex`. */
export function renderData(bytes, format) {
  if (format === "hex") return hexDump(bytes);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (format === "json") {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return `(not JSON) ${text}`;
    }
  }
  return text;
}

/** 16 bytes per line: offset, hex bytes, and the printable ASCII characters. */
export function hexDump(bytes) {
  const lines = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.slice(offset, offset + 16);
    const hexes = Array.from(row, (b) => b.toString(16).padStart(2, "0")).join(" ");
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    lines.push(`${offset.toString(16).padStart(8, "0")}  ${hexes.padEnd(47)}  ${ascii}`);
  }
  return lines.join("\n");
}
