// AWS Signature Version 4 for the console's API calls: the Authorization header a real SDK would send, computed from
// the credentials the user entered. The server verifies it exactly as it verifies boto3's.
import { hex, hmacSha256, sha256, utf8 } from "./sha256.js";

// RFC 3986 unreserved characters stay; everything else is percent-encoded, as SigV4 wants.
const encodeSegment = (segment) =>
  Array.from(utf8(segment), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9\-._~]/.test(c) ? c : "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }).join("");

/** `20261129T150405Z` and `20261129` for a Date. */
export function amzDate(now) {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  return { stamp, day: stamp.slice(0, 8) };
}

/**
 * Adds `x-amz-date` and `Authorization` to `headers` (an object with lower-case names, `host` included) for a
 * request with `body` (a string) to `path` on `service` in `region`.
 */
export function sign({ method, path, headers, body, credentials, service, region, now = new Date() }) {
  const { stamp, day } = amzDate(now);
  const signed = { ...headers, "x-amz-date": stamp };
  if (credentials.sessionToken) signed["x-amz-security-token"] = credentials.sessionToken;
  const names = Object.keys(signed).map((n) => n.toLowerCase()).sort();
  const lookup = Object.fromEntries(Object.entries(signed).map(([n, v]) => [n.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${String(lookup[n]).trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    method,
    path.split("/").map(encodeSegment).join("/"),
    "",
    canonicalHeaders,
    signedHeaders,
    hex(sha256(utf8(body))),
  ].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, hex(sha256(utf8(canonicalRequest)))].join("\n");
  let key = utf8("AWS4" + credentials.secretAccessKey);
  for (const part of [day, region, service, "aws4_request"]) key = hmacSha256(key, utf8(part));
  const signature = hex(hmacSha256(key, utf8(stringToSign)));
  signed.authorization =
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return signed;
}
