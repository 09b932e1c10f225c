// Calls to the four services' public APIs, exactly as an AWS SDK makes them: AWS JSON 1.1 with X-Amz-Target for
// Data Streams, Firehose and Analytics, REST-JSON paths for Video. Signed when the user has signed in.
import { sign } from "./sigv4.js";
import { currentCredentials } from "./session.js";

const TARGET_PREFIX = {
  kinesis: "Kinesis_20131202",
  firehose: "Firehose_20150804",
  kinesisanalytics: "KinesisAnalytics_20150814",
};

/** An error answered by a service: AWS's error type (`ResourceNotFoundException`), its message and HTTP status. */
export class ApiError extends Error {
  constructor(type, message, status) {
    super(message ? `${type}: ${message}` : type);
    this.type = type;
    this.detail = message;
    this.status = status;
  }

  /** Whether signing in (again) would help. */
  get needsCredentials() {
    return [
      "MissingAuthenticationTokenException", "UnrecognizedClientException", "InvalidSignatureException",
      "IncompleteSignatureException", "AccessDeniedException", "ExpiredTokenException",
    ].includes(this.type);
  }
}

/** Listeners told about every failed call that credentials could fix (the sign-in banner listens). */
export const credentialProblems = new EventTarget();

async function send(service, path, headers, body) {
  const credentials = currentCredentials();
  let outgoing = { ...headers, host: location.host };
  if (credentials) {
    outgoing = sign({ method: "POST", path, headers: outgoing, body, credentials, service, region: credentials.region });
  }
  delete outgoing.host; // the browser sends it, and refuses to let scripts set it
  const response = await fetch(path, { method: "POST", headers: outgoing, body });
  const text = await response.text();
  const answer = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const rawType = response.headers.get("x-amzn-ErrorType") || answer.__type || answer.code || `HTTP ${response.status}`;
    const type = rawType.split(":")[0].split("#").pop();
    const error = new ApiError(type, answer.message || answer.Message || "", response.status);
    if (error.needsCredentials) credentialProblems.dispatchEvent(new CustomEvent("problem", { detail: error }));
    throw error;
  }
  return answer;
}

/** Calls `operation` of a JSON service (`kinesis`, `firehose`, `kinesisanalytics`) with `input`. */
export function call(service, operation, input = {}) {
  return send(service, "/", {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": `${TARGET_PREFIX[service]}.${operation}`,
  }, JSON.stringify(input));
}

/** Calls a Kinesis Video operation by its REST path (`/listStreams`, `/getHLSStreamingSessionURL`). */
export function video(path, input = {}) {
  return send("kinesisvideo", path, { "content-type": "application/json" }, JSON.stringify(input));
}

/** Bytes of a base64 string (record data). */
export function base64Bytes(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Base64 of a string's UTF-8 bytes. */
export function base64OfText(text) {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(""));
}
