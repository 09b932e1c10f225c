"""PutMedia with a chunk-signed body (`x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD`), sent as a
producer would: HTTP chunked transfer encoding carrying AWS's signed chunks, each signature chained from the request's.

A real ffmpeg upload sent this way is stored fragment by fragment and plays back; a chunk whose data was changed
after signing ends the upload with ERROR 4000 (STREAM_READ_ERROR): the fragments acknowledged before it stay
stored and readable, nothing after it is stored; a body that ends without its final chunk is an ERROR too. The
same upload declared UNSIGNED-PAYLOAD, as the Kinesis Video Java producer signs PutMedia, is accepted too.
"""

from __future__ import annotations

import datetime
import hashlib
import http.client
import json

import boto3
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from support import REGION, credentials_server, unique_name
from video.harness import create_video_stream, get_media_for_fragments, make_source, probe_video
from video.matroska import read_layout

ACCOUNT = "123456789012"
KEYS = ("AKIDUPLOADER", "uploader-secret")
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
STREAMING = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
# Small enough that every cluster spans several signed chunks.
SIGNED_CHUNK_BYTES = 4 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with credentials_server(tmp_path_factory, "chunk-signing-server", [
            {"accessKeyId": KEYS[0], "secretAccessKey": KEYS[1], "accountId": ACCOUNT, "policies": [ALLOW_ALL]}]) as process:
        yield process


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """Four one-second clusters of ffmpeg's H.264 + AAC test pattern, with their layout."""
    path = make_source(tmp_path_factory.mktemp("chunk-signing-source") / "source.mkv", seconds=4)
    data = path.read_bytes()
    return path, data, read_layout(data)


def signed_client(server, service: str):
    return boto3.session.Session().client(
        service, region_name=REGION, endpoint_url=server.endpoint, aws_access_key_id=KEYS[0],
        aws_secret_access_key=KEYS[1], config=Config(retries={"max_attempts": 0}, read_timeout=30))


def new_stream(server) -> str:
    name = unique_name("signed-cam")
    create_video_stream(signed_client(server, "kinesisvideo"), name, retention_hours=1)
    return name


def signed_request(server, stream: str, content_sha256: str) -> tuple[dict, SigV4Auth, AWSRequest]:
    """The PutMedia headers, signed by botocore now, and what chunk signing needs (botocore's signer and request)."""
    request = AWSRequest(method="POST", url=f"{server.endpoint}/putMedia", data=b"")
    request.headers["x-amzn-stream-name"] = stream
    request.headers["x-amzn-fragment-timecode-type"] = "RELATIVE"
    request.headers["x-amzn-producer-start-timestamp"] = f"{datetime.datetime.now().timestamp():.3f}"
    request.headers["X-Amz-Content-SHA256"] = content_sha256
    auth = SigV4Auth(Credentials(*KEYS), "kinesisvideo", REGION)
    auth.add_auth(request)
    headers = {name: value for name, value in request.headers.items() if name.lower() != "host"}
    return headers, auth, request


def signed_chunks(auth: SigV4Auth, request: AWSRequest, payload: bytes, tampered_chunk: int | None = None):
    """The payload in aws-chunked framing, `<hex size>;chunk-signature=<signature>\\r\\n<data>\\r\\n` per chunk,
    each signature chained from the request's, ending with the zero-size chunk. The chunk numbered
    `tampered_chunk` (0 for the first) has one byte changed after it was signed."""
    amz_date = request.context["timestamp"]
    scope = auth.credential_scope(request)
    previous = request.headers["Authorization"].rsplit("Signature=", 1)[1]
    pieces = [payload[start:start + SIGNED_CHUNK_BYTES] for start in range(0, len(payload), SIGNED_CHUNK_BYTES)]
    for number, data in enumerate(pieces + [b""]):
        string_to_sign = "\n".join(["AWS4-HMAC-SHA256-PAYLOAD", amz_date, scope, previous,
                                    hashlib.sha256(b"").hexdigest(), hashlib.sha256(data).hexdigest()])
        previous = auth.signature(string_to_sign, request)
        if number == tampered_chunk:
            data = bytes([data[0] ^ 0x01]) + data[1:]
        yield f"{len(data):x};chunk-signature={previous}\r\n".encode() + data + b"\r\n"


def put_media(server, headers: dict, body) -> list[dict]:
    """Sends the body with HTTP chunked transfer encoding (one HTTP chunk per piece) and returns every
    acknowledgement the server wrote before it ended its answer. A server that stopped reading may make the rest
    of the upload fail to send; its answer is read all the same."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        try:
            connection.request("POST", "/putMedia", body=body, headers=headers, encode_chunked=True)
        except OSError:
            pass
        response = connection.getresponse()
        assert response.status == 200, response.read()
        return [json.loads(line) for line in response.read().splitlines() if line.strip()]
    finally:
        connection.close()


def stored_fragments(server, stream: str) -> list[dict]:
    fragments = signed_client(server, "kinesis-video-archived-media").list_fragments(StreamName=stream)["Fragments"]
    return sorted(fragments, key=lambda fragment: int(fragment["FragmentNumber"]))


def played_frames(server, stream: str, fragments: list[dict], tmp_path) -> int:
    """Video frames ffprobe decodes from the fragments as GetMediaForFragmentList returns them."""
    path = get_media_for_fragments(signed_client(server, "kinesis-video-archived-media"), stream,
                                   [fragment["FragmentNumber"] for fragment in fragments], tmp_path / "played.mkv")
    return probe_video(path).frames


def event_types(acks: list[dict]) -> list[str]:
    return [ack["EventType"] for ack in acks if ack["EventType"] != "IDLE"]


def test_a_chunk_signed_upload_is_stored_and_plays_back(server, source, tmp_path):
    path, data, layout = source
    stream = new_stream(server)
    headers, auth, request = signed_request(server, stream, STREAMING)
    acks = put_media(server, headers, signed_chunks(auth, request, data))
    assert "ERROR" not in event_types(acks), acks
    persisted = [ack for ack in acks if ack["EventType"] == "PERSISTED"]
    assert len(persisted) == len(layout.clusters), acks
    fragments = stored_fragments(server, stream)
    assert [fragment["FragmentNumber"] for fragment in fragments] == [ack["FragmentNumber"] for ack in persisted]
    assert played_frames(server, stream, fragments, tmp_path) == probe_video(path).frames


def test_a_tampered_chunk_ends_the_upload_and_keeps_what_came_before(server, source, tmp_path):
    _, data, layout = source
    assert len(layout.clusters) >= 4
    stream = new_stream(server)
    headers, auth, request = signed_request(server, stream, STREAMING)
    # A chunk in the middle of the third cluster: the first two are complete before it.
    tampered = (layout.clusters[2].offset + layout.clusters[2].end) // 2 // SIGNED_CHUNK_BYTES
    assert tampered * SIGNED_CHUNK_BYTES > layout.clusters[2].offset, "the third cluster starts in an earlier chunk"
    acks = put_media(server, headers, signed_chunks(auth, request, data, tampered_chunk=tampered))
    errors = [ack for ack in acks if ack["EventType"] == "ERROR"]
    assert len(errors) == 1 and errors[0]["ErrorId"] == 4000, acks
    assert errors[0]["ErrorCode"] == "STREAM_READ_ERROR", acks
    assert acks[-1] == errors[0], "nothing is acknowledged after the ERROR"
    persisted = [ack for ack in acks if ack["EventType"] == "PERSISTED"]
    assert len(persisted) == 2, acks
    fragments = stored_fragments(server, stream)
    assert [fragment["FragmentNumber"] for fragment in fragments] == [ack["FragmentNumber"] for ack in persisted]
    expected_frames = sum(cluster.video_frames for cluster in layout.clusters[:2])
    assert played_frames(server, stream, fragments, tmp_path) == expected_frames


def test_a_body_ending_without_its_final_chunk_is_an_error_after_its_verified_fragments(server, source):
    _, data, layout = source
    stream = new_stream(server)
    headers, auth, request = signed_request(server, stream, STREAMING)
    acks = put_media(server, headers, list(signed_chunks(auth, request, data))[:-1])
    assert event_types(acks)[-1] == "ERROR" and acks[-1]["ErrorId"] == 4000, acks
    persisted = [ack for ack in acks if ack["EventType"] == "PERSISTED"]
    assert len(persisted) == len(layout.clusters), "every cluster was in verified chunks"
    assert len(stored_fragments(server, stream)) == len(persisted)


def test_an_unsigned_payload_upload_is_accepted(server, source):
    _, data, layout = source
    stream = new_stream(server)
    headers, _, _ = signed_request(server, stream, "UNSIGNED-PAYLOAD")
    pieces = [data[start:start + SIGNED_CHUNK_BYTES] for start in range(0, len(data), SIGNED_CHUNK_BYTES)]
    acks = put_media(server, headers, pieces)
    assert "ERROR" not in event_types(acks), acks
    assert len([ack for ack in acks if ack["EventType"] == "PERSISTED"]) == len(layout.clusters)
