"""Abuse limits: connection count, idle and slow-request timeouts, body and header bounds.

The server here runs with small limits so that each one is reached in a second or two: at most 8 connections,
idle connections closed after 3 s, a request head due within 1.5 s of its first byte, a body within 3 s of its
head. A body larger than its operation allows is refused with the 413 that AWS's front end answers (botocore
reports it as error code "413"), before it is read when its Content-Length declares it, as soon as the bound is
passed when it is sent chunked; a head over 16 KiB gets 400 and the connection closes.
Long answers (SubscribeToShard) are never cut by these timeouts.
"""

from __future__ import annotations

import http.client
import socket
import time

import pytest
import requests
from botocore.exceptions import ClientError

from support import (
    BotoSubscription, create_stream, force_delete_and_wait, make_client, register_active_consumer, signed_headers,
)

CONNECTIONS_MAX = 8
IDLE_TIMEOUT_SECONDS = 3.0
HEAD_TIMEOUT_SECONDS = 1.5
BODY_TIMEOUT_SECONDS = 3.0


@pytest.fixture(scope="module")
def limited(flagged_server):
    return flagged_server(
        "--max-connections", str(CONNECTIONS_MAX), "--idle-timeout-ms", str(int(IDLE_TIMEOUT_SECONDS * 1000)),
        "--request-head-timeout-ms", str(int(HEAD_TIMEOUT_SECONDS * 1000)),
        "--request-body-timeout-ms", str(int(BODY_TIMEOUT_SECONDS * 1000)))


@pytest.fixture(scope="module")
def kinesis_limited(limited):
    return make_client(limited.endpoint)


def connect(server) -> socket.socket:
    return socket.create_connection((server.host, server.port), timeout=5)


def closed_by_server(sock: socket.socket, within_seconds: float) -> bool:
    """Whether the server closes `sock` within the time (reading and dropping whatever it sends first)."""
    deadline = time.monotonic() + within_seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        sock.settimeout(left)
        try:
            if sock.recv(65536) == b"":
                return True
        except socket.timeout:
            return False
        except OSError:
            return True


def seconds_until_closed(sock: socket.socket, limit_seconds: float, drip: bytes | None = None,
                         interval_seconds: float = 0.25) -> float | None:
    """Sends `drip` every interval (when given) until the server closes the connection; the time it took, or None
    when it was still open after `limit_seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < limit_seconds:
        if drip is not None:
            try:
                sock.sendall(drip)
            except OSError:
                return time.monotonic() - started
        if closed_by_server(sock, interval_seconds):
            return time.monotonic() - started
    return None


def list_streams_request(endpoint: str) -> bytes:
    body = b"{}"
    headers = signed_headers(endpoint, "ListStreams", body)
    head = "POST / HTTP/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return (head + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body


def test_connections_past_the_maximum_are_closed_at_once(limited):
    held = []
    try:
        refused = None
        for _ in range(CONNECTIONS_MAX + 2):
            sock = connect(limited)
            if closed_by_server(sock, 0.15):
                refused = sock
                break
            held.append(sock)
        assert refused is not None, f"{len(held)} connections were all kept open"
        assert 1 <= len(held) <= CONNECTIONS_MAX
        assert closed_by_server(connect(limited), 0.3), "still full, a further connection is closed too"
    finally:
        for sock in held:
            sock.close()
    time.sleep(0.3)
    sock = connect(limited)
    sock.sendall(list_streams_request(limited.endpoint))
    sock.settimeout(5)
    assert sock.recv(12).startswith(b"HTTP/1.1 200"), "a place freed by a closed connection is taken again"
    sock.close()


def test_a_slow_header_sender_is_disconnected(limited):
    sock = connect(limited)
    sock.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    elapsed = seconds_until_closed(sock, limit_seconds=10, drip=b"X-Slow: a\r\n")
    sock.close()
    assert elapsed is not None, "a client dribbling header fields was never disconnected"
    assert HEAD_TIMEOUT_SECONDS - 0.5 <= elapsed <= HEAD_TIMEOUT_SECONDS + 2


def test_a_slow_body_sender_is_disconnected(limited):
    sock = connect(limited)
    sock.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: Kinesis_20131202.ListStreams\r\n"
                 b"Content-Type: application/x-amz-json-1.1\r\nContent-Length: 1000\r\n\r\n{")
    elapsed = seconds_until_closed(sock, limit_seconds=12, drip=b" ")
    sock.close()
    assert elapsed is not None, "a client dribbling its body was never disconnected"
    assert BODY_TIMEOUT_SECONDS - 0.5 <= elapsed <= BODY_TIMEOUT_SECONDS + 2


def test_an_idle_connection_is_closed_after_the_idle_timeout(limited):
    sock = connect(limited)
    elapsed = seconds_until_closed(sock, limit_seconds=10)
    sock.close()
    assert elapsed is not None, "a silent connection was never closed"
    assert IDLE_TIMEOUT_SECONDS - 0.5 <= elapsed <= IDLE_TIMEOUT_SECONDS + 2


def test_a_prompt_keep_alive_client_is_not_disturbed(limited):
    with requests.Session() as session:
        for _ in range(3):
            body = b"{}"
            response = session.post(limited.endpoint + "/", data=body, timeout=10,
                                    headers=signed_headers(limited.endpoint, "ListStreams", body))
            assert response.status_code == 200, response.text
            time.sleep(IDLE_TIMEOUT_SECONDS / 3)


def test_a_control_request_over_its_bound_is_refused_with_413(limited, kinesis_limited):
    stream = create_stream(kinesis_limited, shard_count=1)
    try:
        with pytest.raises(ClientError) as raised:
            kinesis_limited.put_resource_policy(ResourceARN=stream.arn, Policy="x" * (2 << 20))
        error = raised.value.response
        assert error["ResponseMetadata"]["HTTPStatusCode"] == 413
        assert error["Error"]["Code"] == "413"
        policy = kinesis_limited.get_resource_policy(ResourceARN=stream.arn).get("Policy", "")
        assert len(policy) < 1000, "the refused policy was not stored"
        put = kinesis_limited.put_record(StreamName=stream.name, Data=b"r" * 1_000_000, PartitionKey="k")
        assert put["SequenceNumber"], "a data write of the same size is within its own, larger bound"
    finally:
        force_delete_and_wait(kinesis_limited, stream.name)


def test_a_declared_body_over_the_ceiling_is_refused_before_it_is_sent(limited):
    sock = connect(limited)
    sock.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: Kinesis_20131202.PutRecords\r\n"
                 b"Content-Type: application/x-amz-json-1.1\r\nContent-Length: 1073741824\r\n\r\n")
    sock.settimeout(5)
    answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"x-amzn-requestid" in answer.lower()
    sock.close()


def post_chunked(server, operation: str, body: bytes, piece_bytes: int = 64 << 10) -> http.client.HTTPResponse:
    """Sends `body` with Transfer-Encoding: chunked (no Content-Length), in pieces, and returns the answer."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
    pieces = (body[start:start + piece_bytes] for start in range(0, len(body), piece_bytes))
    connection.request("POST", "/", body=pieces, encode_chunked=True,
                       headers=signed_headers(server.endpoint, operation, body))
    response = connection.getresponse()
    response.content = response.read()
    connection.close()
    return response


def test_a_chunked_body_over_its_bound_is_refused_with_a_bare_413(limited):
    within = post_chunked(limited, "ListStreams", b"{}")
    assert within.status == 200, within.content
    over = post_chunked(limited, "ListStreams", b'{"Limit": 1, "ExclusiveStartStreamName": "' + b"s" * (2 << 20) + b'"}')
    assert over.status == 413, over.content
    assert over.content == b"" and over.getheader("content-length") == "0"
    assert over.getheader("x-amzn-requestid")
    assert over.getheader("connection", "").lower() == "close"


def test_a_header_too_large_is_refused_with_400(limited):
    body = b"{}"
    headers = signed_headers(limited.endpoint, "ListStreams", body)
    headers["X-Padding"] = "p" * (20 << 10)
    response = requests.post(limited.endpoint + "/", data=body, headers=headers, timeout=10)
    assert response.status_code == 400
    assert response.headers.get("connection", "").lower() == "close"
    headers["X-Padding"] = "p" * (8 << 10)
    response = requests.post(limited.endpoint + "/", data=body, headers=headers, timeout=10)
    assert response.status_code == 200, "a large head within the bound is served"


def test_a_subscription_outlives_the_idle_and_body_timeouts(kinesis_limited):
    stream = create_stream(kinesis_limited, shard_count=1)
    subscription = None
    try:
        consumer_arn = register_active_consumer(kinesis_limited, stream.arn)
        subscription = BotoSubscription(kinesis_limited, consumer_arn, stream.shard_ids[0], {"Type": "LATEST"})
        time.sleep(IDLE_TIMEOUT_SECONDS + BODY_TIMEOUT_SECONDS)
        kinesis_limited.put_record(StreamName=stream.name, Data=b"late", PartitionKey="k")
        records, _ = subscription.collect_records(1, timeout_seconds=10)
        assert [record["Data"] for record in records] == [b"late"]
    finally:
        if subscription is not None:
            subscription.close()
        force_delete_and_wait(kinesis_limited, stream.name)
