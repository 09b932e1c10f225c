#!/usr/bin/env python3
"""Prints Swift known-answer fixtures for TributaryAuth's chunk-signed bodies (STREAMING-AWS4-HMAC-SHA256-PAYLOAD).

botocore signs the request (its canonical request takes the declared x-amz-content-sha256 as the payload hash) and
botocore's own SigV4Auth.signature (the signing-key chain and HMAC) signs each chunk over the string to sign of AWS's
"Transferring Payload in Multiple Chunks": AWS4-HMAC-SHA256-PAYLOAD, time, scope, previous signature, SHA-256 of
the empty string, SHA-256 of the chunk. The first fixture is that document's own example; its published signatures
are checked here before anything is printed. Run: python3 scripts/sigv4-chunk-known-answers.py > \
    Tests/TributaryAuthTests/Authentication/SignedChunkKnownAnswers.swift
"""
import datetime
import hashlib
from urllib.parse import urlsplit

import botocore
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

STREAMING = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
EMPTY_HASH = hashlib.sha256(b"").hexdigest()

# The AWS document's example: its credentials, time, request and the signatures it publishes.
DOC_CREDENTIALS = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
DOC_TIME = datetime.datetime(2013, 5, 24, 0, 0, 0)
DOC_SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"
DOC_CHUNK_SIGNATURES = [
    "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
    "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
    "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
]

# A PutMedia as a chunk-signing producer would send it to this server.
VIDEO_CREDENTIALS = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
VIDEO_TIME = datetime.datetime(2015, 8, 30, 12, 36, 0)
HOST = "127.0.0.1:4567"


def sign(auth, moment, method, url, headers):
    """Signs with botocore at `moment`; the request as sent, botocore's texts and its (seed) signature."""
    botocore.auth.get_current_datetime = lambda: moment
    request = AWSRequest(method=method, url=url, data=b"")
    for name, value in headers:
        request.headers[name] = value
    recorded = {}
    canonical_request, string_to_sign = auth.canonical_request, auth.string_to_sign

    def record_canonical(req):
        recorded["canonical"] = canonical_request(req)
        return recorded["canonical"]

    def record_string_to_sign(req, canonical):
        recorded["stringToSign"] = string_to_sign(req, canonical)
        return recorded["stringToSign"]

    auth.canonical_request, auth.string_to_sign = record_canonical, record_string_to_sign
    auth.add_auth(request)
    seed = request.headers["Authorization"].rsplit("Signature=", 1)[1]
    parts = urlsplit(request.url)
    sent = [("Host", parts.netloc)] + list(request.headers.items())
    return request, {"method": method, "path": parts.path, "query": parts.query, "headers": sent,
                     "canonical": recorded["canonical"], "stringToSign": recorded["stringToSign"], "seed": seed}


def chunk_signatures(auth, request, seed, chunks):
    """Each chunk's signature, chained from the seed, made by botocore's signing-key chain and HMAC."""
    amz_date = request.context["timestamp"]
    scope = auth.credential_scope(request)
    previous, signatures = seed, []
    for data in chunks:
        string_to_sign = "\n".join(["AWS4-HMAC-SHA256-PAYLOAD", amz_date, scope, previous, EMPTY_HASH,
                                    hashlib.sha256(data).hexdigest()])
        previous = auth.signature(string_to_sign, request)
        signatures.append(previous)
    return signatures


def swift_string(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def swift_bytes(data):
    if not data:
        return "[]"
    if data and data == data[:1] * len(data):
        return f"Array(repeating: 0x{data[0]:02x}, count: {len(data)})"
    return f"Array({swift_string(data.decode())}.utf8)"


def emit(name, doc, credentials, service, case, chunks, signatures):
    headers = ",\n".join(
        f"                (name: {swift_string(n)}, value: {swift_string(v)})" for n, v in case["headers"])
    chunk_lines = ",\n".join(
        f"            (data: {swift_bytes(data)},\n             signature: {swift_string(signature)})"
        for data, signature in zip(chunks, signatures))
    return f"""    /// {doc}
    static let {name} = SignedChunkKnownAnswer(
        accessKeyId: {swift_string(credentials.access_key)}, secretAccessKey: {swift_string(credentials.secret_key)},
        service: {swift_string(service)}, amzDate: {swift_string(case["amzDate"])},
        request: SigV4KnownAnswer(
            method: {swift_string(case["method"])}, path: {swift_string(case["path"])},
            query: {swift_string(case["query"])},
            headers: [
{headers},
            ],
            body: "",
            canonicalRequest: {swift_string(case["canonical"])},
            stringToSign: {swift_string(case["stringToSign"])}),
        chunks: [
{chunk_lines},
        ])"""


doc_chunks = [b"a" * 65536, b"a" * 1024, b""]
doc_auth = SigV4Auth(DOC_CREDENTIALS, "s3", "us-east-1")
doc_request, doc_case = sign(doc_auth, DOC_TIME, "PUT", "https://s3.amazonaws.com/examplebucket/chunkObject.txt", [
    ("x-amz-date", DOC_TIME.strftime("%Y%m%dT%H%M%SZ")), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
    ("x-amz-content-sha256", STREAMING), ("Content-Encoding", "aws-chunked"),
    ("x-amz-decoded-content-length", "66560"), ("Content-Length", "66824")])
doc_signatures = chunk_signatures(doc_auth, doc_request, doc_case["seed"], doc_chunks)
assert doc_case["seed"] == DOC_SEED, doc_case["seed"]
assert doc_signatures == DOC_CHUNK_SIGNATURES, doc_signatures
doc_case["amzDate"] = doc_request.context["timestamp"]

video_chunks = [b"EBML header, segment and tracks", b"cluster one: timecode and simple blocks " * 3,
                b"x", b""]
video_auth = SigV4Auth(VIDEO_CREDENTIALS, "kinesisvideo", "us-east-1")
video_request, video_case = sign(video_auth, VIDEO_TIME, "POST", f"http://{HOST}/putMedia", [
    ("x-amzn-stream-name", "front-door"), ("x-amzn-fragment-timecode-type", "ABSOLUTE"),
    ("x-amzn-producer-start-timestamp", "1440938160.000"), ("x-amz-content-sha256", STREAMING)])
video_signatures = chunk_signatures(video_auth, video_request, video_case["seed"], video_chunks)
video_case["amzDate"] = video_request.context["timestamp"]

print(f"""// Generated by scripts/sigv4-chunk-known-answers.py with botocore {botocore.__version__}; do not edit by hand.

/// Chunk-signed bodies whose request botocore signed and whose chunks botocore's signing-key chain and HMAC signed:
/// the AWS document's example (its published signatures, checked by the script) and a PutMedia to this server.
enum SignedChunkKnownAnswers {{""")
fixtures = [
    emit("documentationExample", "AWS's PUT Object example: a 64 KiB chunk, a 1 KiB chunk and the final chunk.",
         DOC_CREDENTIALS, "s3", doc_case, doc_chunks, doc_signatures),
    emit("putMedia", "A PutMedia body in three chunks of Matroska-like text and the final chunk.",
         VIDEO_CREDENTIALS, "kinesisvideo", video_case, video_chunks, video_signatures),
]
print("\n\n".join(fixtures))
print("}")
