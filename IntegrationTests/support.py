"""Shared helpers for the Tributary integration tests.

Everything here talks to a running server over HTTP only: through boto3, the aws CLI or raw signed requests.
The AWS API reference and botocore's kinesis model are the specification the tests hold the server to.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import boto3
import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

REPO_ROOT = Path(__file__).resolve().parent.parent
REGION = "us-east-1"
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "secret"
TARGET_PREFIX = "Kinesis_20131202."
JSON_CONTENT_TYPE = "application/x-amz-json-1.1"

HASH_SPACE = 2**128
MAX_HASH_KEY = HASH_SPACE - 1
SEQUENCE_NUMBER_PATTERN = r"^(0|[1-9]\d{0,128})$"
SHARD_ID_PATTERN = r"^shardId-\d{12}$"

POLL_INTERVAL_SECONDS = 0.05
SERVER_START_TIMEOUT_SECONDS = 20.0
STATE_TIMEOUT_SECONDS = 15.0


def binary_path() -> Path:
    """`$TRIBUTARY_BIN`, or the release build of the repository this suite sits in."""
    configured = os.environ.get("TRIBUTARY_BIN")
    if configured:
        path = Path(configured)
        return path if path.is_absolute() else (REPO_ROOT / path)
    return REPO_ROOT / ".build" / "release" / "tributary"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout_seconds: float, interval_seconds: float = POLL_INTERVAL_SECONDS, what: str = "condition"):
    """Polls `predicate` until it returns a truthy value, which is returned; fails the test at the deadline."""
    deadline = time.monotonic() + timeout_seconds
    last = None
    while True:
        last = predicate()
        if last:
            return last
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout_seconds}s waiting for {what} (last value: {last!r})")
        time.sleep(interval_seconds)


class ServerProcess:
    """One tributary server process on its own port and data directory; can be stopped, killed and restarted."""

    def __init__(
        self,
        data_dir: Path,
        log_path: Path | None = None,
        port: int | None = None,
        state_delay_ms: int = 50,
        fsync: str | None = None,
        segment_size: int | None = None,
        host: str = "127.0.0.1",
    ):
        self.data_dir = Path(data_dir)
        self.log_path = Path(log_path) if log_path else self.data_dir.parent / f"{self.data_dir.name}.server.log"
        self.port = port or free_port()
        self.host = host
        self.state_delay_ms = state_delay_ms
        self.fsync = fsync
        self.segment_size = segment_size
        self.process: subprocess.Popen | None = None
        self._log_file = None

    @property
    def endpoint(self) -> str:
        return f"http://{self.host}:{self.port}"

    def command(self) -> list[str]:
        cmd = [
            str(binary_path()), "serve",
            "--host", self.host,
            "--port", str(self.port),
            "--data-dir", str(self.data_dir),
            "--state-delay-ms", str(self.state_delay_ms),
        ]
        if self.fsync:
            cmd += ["--fsync", self.fsync]
        if self.segment_size:
            cmd += ["--segment-size", str(self.segment_size)]
        return cmd

    def log_tail(self, characters: int = 3000) -> str:
        """The end of the log of the latest start, led by its error and crash lines (a backtrace can be long)."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        latest = text[text.rfind("=== start:"):] if "=== start:" in text else text
        markers = ("Fatal error", "runtime failure", "crashed", " error ", "Error:", "critical")
        notable = [line for line in latest.splitlines() if any(marker in line for marker in markers)]
        crash_lines = []
        lines = latest.splitlines()
        for index, line in enumerate(lines):
            if " crashed:" in line:
                crash_lines = lines[index:index + 8]
                break
        parts = []
        if notable:
            parts.append("notable lines:\n" + "\n".join(notable[:15]))
        if crash_lines:
            parts.append("crashed thread:\n" + "\n".join(crash_lines))
        parts.append("tail:\n" + latest[-characters:])
        return "\n".join(parts)

    def start(self, timeout_seconds: float = SERVER_START_TIMEOUT_SECONDS) -> None:
        binary = binary_path()
        if not binary.exists():
            pytest.fail(f"tributary binary not found at {binary} (set TRIBUTARY_BIN or build the release binary)")
        assert self.process is None or self.process.poll() is not None, "server already running"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._close_log()
        self._log_file = open(self.log_path, "ab")
        self._log_file.write(f"\n=== start: {' '.join(self.command())}\n".encode())
        self._log_file.flush()
        self.process = subprocess.Popen(
            self.command(), stdout=self._log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            cwd=str(REPO_ROOT),
        )
        deadline = time.monotonic() + timeout_seconds
        while True:
            code = self.process.poll()
            if code is not None:
                pytest.fail(f"tributary exited with {code} while starting; log tail:\n{self.log_tail()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return
            except OSError:
                pass
            if time.monotonic() >= deadline:
                self.kill9()
                pytest.fail(f"tributary did not accept connections on {self.endpoint} within {timeout_seconds}s; "
                            f"log tail:\n{self.log_tail()}")
            time.sleep(0.05)

    def stop(self, timeout_seconds: float = 15.0) -> int | None:
        """SIGTERM and wait; SIGKILL if it does not exit in time. Returns the exit code."""
        if self.process is None:
            return None
        code = self.process.poll()
        if code is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                code = self.process.wait(timeout=timeout_seconds)
            except subprocess.TimeoutExpired:
                self.process.kill()
                code = self.process.wait()
        self._close_log()
        return code

    def kill9(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self._close_log()

    def restart(self) -> None:
        self.stop()
        self.start()

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _close_log(self) -> None:
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None


# ----------------------------------------------------------------------------------------------- clients

class AwsCliError(Exception):
    """The aws CLI exited non-zero; `stderr` holds its message (with the AWS error code)."""

    def __init__(self, returncode: int, stdout: str, stderr: str):
        super().__init__(f"aws exited {returncode}: {stderr.strip()}")
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


def make_client(endpoint: str, **config_overrides):
    settings = {"retries": {"max_attempts": 0}, "connect_timeout": 5, "read_timeout": 60, **config_overrides}
    config = Config(**settings)
    return boto3.session.Session().client(
        "kinesis", region_name=REGION, endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, config=config,
    )


@dataclass
class RawResponse:
    status: int
    headers: dict
    text: str

    @property
    def json(self):
        return json.loads(self.text) if self.text else None

    @property
    def error_code(self) -> str | None:
        body = self.json
        if not isinstance(body, dict) or "__type" not in body:
            return None
        return body["__type"].split("#")[-1]

    @property
    def error_message(self) -> str | None:
        body = self.json or {}
        return body.get("message", body.get("Message"))

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


def raw_call(endpoint: str, operation: str | None, body, *, target: str | None = None,
             content_type: str = JSON_CONTENT_TYPE, sign: bool = True, timeout: float = 60) -> RawResponse:
    """Sends one AWS JSON 1.1 request without botocore's client-side validation.

    `body` is a dict (serialized as JSON), or str/bytes sent as they are (for malformed-input tests).
    """
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode()
    elif isinstance(body, str):
        data = body.encode()
    else:
        data = body
    headers = {"Content-Type": content_type}
    if target is None and operation is not None:
        target = TARGET_PREFIX + operation
    if target is not None:
        headers["X-Amz-Target"] = target
    url = endpoint.rstrip("/") + "/"
    if sign:
        request = AWSRequest(method="POST", url=url, data=data, headers=headers)
        SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "kinesis", REGION).add_auth(request)
        headers = dict(request.headers.items())
    response = requests.post(url, data=data, headers=headers, timeout=timeout)
    return RawResponse(response.status_code, dict(response.headers), response.text)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def assert_raw_error(response: RawResponse, code, status: int = 400, message_contains: str | None = None):
    codes = (code,) if isinstance(code, str) else tuple(code)
    assert response.status == status, f"expected HTTP {status} {codes}, got {response.status}: {response.text[:500]}"
    assert response.error_code in codes, f"expected {codes}, got {response.error_code}: {response.text[:500]}"
    if message_contains is not None:
        assert message_contains in (response.error_message or ""), (
            f"message {response.error_message!r} lacks {message_contains!r}")
    return response


@contextlib.contextmanager
def aws_error(code, status: int = 400, message_contains: str | None = None):
    """Asserts that the block raises a botocore ClientError with this code (or one of these codes) and status."""
    codes = (code,) if isinstance(code, str) else tuple(code)
    with pytest.raises(ClientError) as excinfo:
        yield excinfo
    error = excinfo.value.response.get("Error", {})
    metadata = excinfo.value.response.get("ResponseMetadata", {})
    assert error.get("Code") in codes, f"expected {codes}, got {error}"
    assert metadata.get("HTTPStatusCode") == status, f"expected HTTP {status}, got {metadata.get('HTTPStatusCode')}"
    if message_contains is not None:
        assert message_contains in (error.get("Message") or ""), (
            f"message {error.get('Message')!r} lacks {message_contains!r}")


# ----------------------------------------------------------------------------------------------- streams

def unique_name(prefix: str = "it") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:20]}"


def stream_status(client, name: str) -> str | None:
    try:
        return client.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"]
    except ClientError as error:
        if error.response["Error"]["Code"] == "ResourceNotFoundException":
            return None
        raise


def wait_active(client, name: str, timeout_seconds: float = STATE_TIMEOUT_SECONDS) -> dict:
    def probe():
        summary = client.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
        return summary if summary["StreamStatus"] == "ACTIVE" else None
    return wait_until(probe, timeout_seconds, what=f"stream {name} ACTIVE")


def wait_gone(client, name: str, timeout_seconds: float = STATE_TIMEOUT_SECONDS) -> None:
    wait_until(lambda: stream_status(client, name) is None, timeout_seconds, what=f"stream {name} deleted")


@dataclass
class CreatedStream:
    name: str
    arn: str
    shard_ids: list[str] = field(default_factory=list)
    summary: dict = field(default_factory=dict)


def create_stream(client, name: str | None = None, shard_count: int | None = 1, mode: str | None = None,
                  tags: dict | None = None) -> CreatedStream:
    name = name or unique_name()
    params = {"StreamName": name}
    if shard_count is not None:
        params["ShardCount"] = shard_count
    if mode is not None:
        params["StreamModeDetails"] = {"StreamMode": mode}
    if tags:
        params["Tags"] = tags
    client.create_stream(**params)
    summary = wait_active(client, name)
    shards = list_all_shards(client, name)
    return CreatedStream(name=name, arn=summary["StreamARN"], shard_ids=[s["ShardId"] for s in shards],
                         summary=summary)


def list_all_shards(client, name: str) -> list[dict]:
    shards, token = [], None
    for _ in range(1000):
        response = client.list_shards(NextToken=token) if token else client.list_shards(StreamName=name)
        shards += response["Shards"]
        token = response.get("NextToken")
        if not token or not response["Shards"]:
            return shards
    pytest.fail("ListShards paging did not end")


def delete_and_wait(client, name: str) -> None:
    try:
        client.delete_stream(StreamName=name)
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
    wait_gone(client, name)


# ----------------------------------------------------------------------------------------------- records

def iterator(client, stream: str, shard_id: str, kind: str = "TRIM_HORIZON", **extra) -> str:
    return client.get_shard_iterator(StreamName=stream, ShardId=shard_id, ShardIteratorType=kind,
                                     **extra)["ShardIterator"]


def read_from(client, shard_iterator: str, limit: int | None = None, max_calls: int = 10000) -> tuple[list[dict], dict]:
    """Reads from `shard_iterator` until a call returns no records; returns (records, last response)."""
    records, last = [], None
    for _ in range(max_calls):
        params = {"ShardIterator": shard_iterator}
        if limit:
            params["Limit"] = limit
        last = client.get_records(**params)
        records += last["Records"]
        if not last["Records"] or not last.get("NextShardIterator"):
            return records, last
        shard_iterator = last["NextShardIterator"]
    pytest.fail("GetRecords did not reach the end of the shard")


def read_shard(client, stream: str, shard_id: str, kind: str = "TRIM_HORIZON", **extra) -> list[dict]:
    return read_from(client, iterator(client, stream, shard_id, kind, **extra))[0]


def md5_hash_key(partition_key: str) -> int:
    return int(hashlib.md5(partition_key.encode("utf-8")).hexdigest(), 16)


def expected_ranges(shard_count: int) -> list[tuple[int, int]]:
    """AWS's even split of the 128-bit hash key space for a new stream."""
    width = HASH_SPACE // shard_count
    ranges = []
    for index in range(shard_count):
        start = index * width
        end = MAX_HASH_KEY if index == shard_count - 1 else (index + 1) * width - 1
        ranges.append((start, end))
    return ranges


def shard_for_hash(shards: list[dict], hash_key: int) -> str:
    for shard in shards:
        low = int(shard["HashKeyRange"]["StartingHashKey"])
        high = int(shard["HashKeyRange"]["EndingHashKey"])
        if low <= hash_key <= high:
            return shard["ShardId"]
    raise AssertionError(f"no shard holds hash key {hash_key}")


# ----------------------------------------------------------------------------------------------- milestone 2
# Helpers for resharding, consumers, SubscribeToShard, CBOR and servers started with extra flags.

import queue  # noqa: E402
import threading  # noqa: E402


class FlaggedServerProcess(ServerProcess):
    """A ServerProcess whose `tributary serve` gets extra flags, e.g. ["--enforce-limits"]."""

    def __init__(self, *args, extra_args=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.extra_args = list(extra_args)

    def command(self) -> list[str]:
        return super().command() + self.extra_args


@contextlib.contextmanager
def own_server(tmp_path_factory, label: str, extra_args=(), state_delay_ms: int = 50):
    """A server of the caller's own (data directory and log under a fresh temporary folder named after `label`),
    started with the extra `serve` flags and a short state delay, stopped when the block ends."""
    base = tmp_path_factory.mktemp(label)
    process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=state_delay_ms,
                                   extra_args=list(extra_args))
    process.start()
    try:
        yield process
    finally:
        process.stop()


@contextlib.contextmanager
def credentials_server(tmp_path_factory, label: str, credentials: list[dict]):
    """`own_server` with authentication on: `credentials` (the entries of the file's "credentials" list) are written
    to a credentials file the server is started with."""
    path = tmp_path_factory.mktemp(f"{label}-credentials") / "credentials.json"
    path.write_text(json.dumps({"credentials": credentials}))
    with own_server(tmp_path_factory, label, extra_args=["--credentials", str(path)]) as process:
        yield process


def is_open(shard: dict) -> bool:
    return "EndingSequenceNumber" not in shard["SequenceNumberRange"]


def open_shards(client, name: str) -> list[dict]:
    return [shard for shard in list_all_shards(client, name) if is_open(shard)]


def parents_of(shard: dict) -> list[str]:
    return [p for p in (shard.get("ParentShardId"), shard.get("AdjacentParentShardId")) if p]


def kcl_order(shards: list[dict]) -> list[dict]:
    """The shards ordered so that every shard comes after its parents (how the KCL processes them)."""
    known = {shard["ShardId"] for shard in shards}
    done, ordered, remaining = set(), [], list(shards)
    while remaining:
        ready = [s for s in remaining if all(p in done or p not in known for p in parents_of(s))]
        assert ready, f"shard lineage has a cycle: {[s['ShardId'] for s in remaining]}"
        for shard in ready:
            ordered.append(shard)
            done.add(shard["ShardId"])
            remaining.remove(shard)
    return ordered


def read_stream_kcl_order(client, name: str) -> list[tuple[str, list[dict]]]:
    """Every shard read from TRIM_HORIZON, parents before children: [(shard id, records)]."""
    return [(shard["ShardId"], read_shard(client, name, shard["ShardId"]))
            for shard in kcl_order(list_all_shards(client, name))]


def assert_covers_key_space(shards: list[dict]) -> None:
    """The shards' hash key ranges tile [0, 2^128 - 1] without gaps or overlaps."""
    ranges = sorted((int(s["HashKeyRange"]["StartingHashKey"]), int(s["HashKeyRange"]["EndingHashKey"]))
                    for s in shards)
    assert ranges, "no shards"
    assert ranges[0][0] == 0, ranges
    assert ranges[-1][1] == MAX_HASH_KEY, ranges
    for (_, high), (low, _) in zip(ranges, ranges[1:]):
        assert low == high + 1, f"gap or overlap between ranges: {ranges}"


def wait_consumer_active(client, consumer_arn: str, timeout_seconds: float = STATE_TIMEOUT_SECONDS) -> dict:
    def probe():
        description = client.describe_stream_consumer(ConsumerARN=consumer_arn)["ConsumerDescription"]
        return description if description["ConsumerStatus"] == "ACTIVE" else None
    return wait_until(probe, timeout_seconds, what=f"consumer {consumer_arn} ACTIVE")


def register_active_consumer(client, stream_arn: str, name: str | None = None) -> str:
    consumer = client.register_stream_consumer(StreamARN=stream_arn, ConsumerName=name or unique_name("c"))
    arn = consumer["Consumer"]["ConsumerARN"]
    wait_consumer_active(client, arn)
    return arn


@dataclass
class SubscriptionEvent:
    """One message of a SubscribeToShard event stream, the same for boto3 and the raw HTTP/2 client.

    kind: "initial-response", "SubscribeToShardEvent", "error" (body has Code and Message) or "end".
    Record data is always bytes.
    """
    kind: str
    body: dict
    at: float


class Subscription:
    """A SubscribeToShard stream pumped by a background thread into a queue of SubscriptionEvents."""

    def __init__(self):
        self.events: "queue.Queue[SubscriptionEvent]" = queue.Queue()
        self._thread = None
        self.closed = False

    def _start(self, pump):
        def run():
            try:
                pump()
                self.events.put(SubscriptionEvent("end", {}, time.monotonic()))
            except ClientError as error:
                self.events.put(SubscriptionEvent("error", dict(error.response.get("Error", {})), time.monotonic()))
            except Exception as error:  # noqa: BLE001 - a closed connection ends the pump
                kind = "end" if self.closed else "error"
                self.events.put(SubscriptionEvent(kind, {"Code": type(error).__name__, "Message": str(error)},
                                                  time.monotonic()))
        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()

    def next(self, timeout_seconds: float) -> SubscriptionEvent | None:
        try:
            return self.events.get(timeout=timeout_seconds)
        except queue.Empty:
            return None

    def collect_records(self, count: int, timeout_seconds: float, stop_at_end: bool = True):
        """Events until `count` records arrived (or the stream ended); returns (records, events)."""
        deadline = time.monotonic() + timeout_seconds
        records, events = [], []
        while len(records) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"got {len(records)} of {count} records within {timeout_seconds}s; events: "
                            f"{[(e.kind, len(e.body.get('Records', []))) for e in events]}")
            event = self.next(left)
            if event is None:
                continue
            events.append(event)
            if event.kind == "error":
                pytest.fail(f"subscription failed: {event.body}")
            if event.kind == "SubscribeToShardEvent":
                records += event.body["Records"]
                if stop_at_end and event.body.get("ChildShards"):
                    break
            if event.kind == "end":
                break
        return records, events

    def close(self):
        self.closed = True


class BotoSubscription(Subscription):
    """boto3's subscribe_to_shard (HTTP/1.1). ClientError from the call itself propagates to the caller."""

    def __init__(self, client, consumer_arn: str, shard_id: str, starting_position: dict):
        super().__init__()
        self.response = client.subscribe_to_shard(ConsumerARN=consumer_arn, ShardId=shard_id,
                                                  StartingPosition=starting_position)
        self.stream = self.response["EventStream"]

        def pump():
            for event in self.stream:
                for kind, body in event.items():
                    self.events.put(SubscriptionEvent(kind, body, time.monotonic()))
        self._start(pump)

    def close(self):
        """Shuts the connection's socket down first: closing urllib3's response from another thread would wait
        for the reader thread's blocked read (up to the next event)."""
        super().close()
        raw = getattr(self.stream, "_raw_stream", None)
        candidates = []
        with contextlib.suppress(Exception):
            candidates.append(raw.connection.sock)
        with contextlib.suppress(Exception):
            candidates.append(raw._fp.fp.raw._sock)
        for sock in candidates:
            if sock is not None:
                with contextlib.suppress(Exception):
                    sock.shutdown(socket.SHUT_RDWR)
        threading.Thread(target=self._quiet_close, daemon=True).start()

    def _quiet_close(self):
        with contextlib.suppress(Exception):
            self.stream.close()


def signed_headers(endpoint: str, operation: str, data: bytes, content_type: str = JSON_CONTENT_TYPE) -> dict:
    url = endpoint.rstrip("/") + "/"
    request = AWSRequest(method="POST", url=url, data=data,
                         headers={"Content-Type": content_type, "X-Amz-Target": TARGET_PREFIX + operation})
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "kinesis", REGION).add_auth(request)
    return dict(request.headers.items())


class Http2Subscription(Subscription):
    """SubscribeToShard over h2c with prior knowledge (httpx), parsing application/vnd.amazon.eventstream."""

    def __init__(self, endpoint: str, consumer_arn: str, shard_id: str, starting_position: dict):
        super().__init__()
        import httpx
        from botocore.eventstream import EventStreamBuffer

        position = dict(starting_position)
        if hasattr(position.get("Timestamp"), "timestamp"):
            position["Timestamp"] = position["Timestamp"].timestamp()
        body = json.dumps({"ConsumerARN": consumer_arn, "ShardId": shard_id,
                           "StartingPosition": position}).encode()
        self.client = httpx.Client(http1=False, http2=True, timeout=httpx.Timeout(30.0, connect=5.0))
        request = self.client.build_request("POST", endpoint.rstrip("/") + "/", content=body,
                                            headers=signed_headers(endpoint, "SubscribeToShard", body))
        self.response = self.client.send(request, stream=True)
        self.status = self.response.status_code
        self.http_version = self.response.http_version
        self.content_type = self.response.headers.get("content-type", "")
        if self.status != 200:
            text = self.response.read().decode(errors="replace")
            self.response.close()
            self.client.close()
            try:
                error = json.loads(text)
            except ValueError:
                error = {"__type": "", "message": text}
            code = (error.get("__type") or "").split("#")[-1]
            raise ClientError({"Error": {"Code": code, "Message": error.get("message", error.get("Message", ""))},
                               "ResponseMetadata": {"HTTPStatusCode": self.status}}, "SubscribeToShard")

        def pump():
            buffer = EventStreamBuffer()
            for chunk in self.response.iter_raw():
                buffer.add_data(chunk)
                for message in buffer:
                    self.events.put(self._event(message))
        self._start(pump)

    @staticmethod
    def _event(message) -> SubscriptionEvent:
        headers = message.headers
        payload = json.loads(message.payload.decode()) if message.payload else {}
        if headers.get(":message-type") == "exception":
            return SubscriptionEvent("error", {"Code": headers.get(":exception-type"),
                                               "Message": payload.get("message", payload.get("Message"))},
                                     time.monotonic())
        if headers.get(":message-type") == "error":
            return SubscriptionEvent("error", {"Code": headers.get(":error-code"),
                                               "Message": headers.get(":error-message")}, time.monotonic())
        for record in payload.get("Records", []):
            record["Data"] = base64.b64decode(record["Data"])
        return SubscriptionEvent(headers.get(":event-type", "?"), payload, time.monotonic())

    def close(self):
        super().close()
        with contextlib.suppress(Exception):
            self.response.close()
        with contextlib.suppress(Exception):
            self.client.close()


def subscription_error_code(make_subscription, quiet_seconds: float = 1.5) -> str | None:
    """Starts a subscription and returns the error code it fails with (from the call or an exception event),
    or None when it was accepted: it delivered a SubscribeToShardEvent, or stayed open `quiet_seconds` without
    an error (an idle shard's first event may take up to 5 s). Closes the subscription in every case."""
    try:
        subscription = make_subscription()
    except ClientError as error:
        return error.response["Error"]["Code"]
    try:
        deadline = time.monotonic() + quiet_seconds
        while time.monotonic() < deadline:
            event = subscription.next(deadline - time.monotonic())
            if event is None:
                return None
            if event.kind == "error":
                return event.body.get("Code")
            if event.kind == "SubscribeToShardEvent":
                return None
            if event.kind == "end":
                return "(stream ended without an event)"
        return None
    finally:
        subscription.close()


def force_delete_and_wait(client, name: str) -> None:
    """Deletes a stream even when it has registered consumers (EnforceConsumerDeletion), and waits it gone."""
    try:
        client.delete_stream(StreamName=name, EnforceConsumerDeletion=True)
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
    wait_gone(client, name)


@contextlib.contextmanager
def consumer_stream_factory(client):
    """Like the `stream` fixture, but its streams may have consumers: they are deleted with
    EnforceConsumerDeletion. Use as `with consumer_stream_factory(kinesis) as stream:` or in a fixture."""
    created = []

    def factory(shard_count: int | None = 1, mode: str | None = None, name: str | None = None,
                tags: dict | None = None):
        info = create_stream(client, name=name, shard_count=shard_count, mode=mode, tags=tags)
        created.append(info.name)
        return info
    try:
        yield factory
    finally:
        for name in created:
            force_delete_and_wait(client, name)
