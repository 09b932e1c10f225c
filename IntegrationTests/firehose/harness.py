"""Helpers for the Firehose integration tests: clients, delivery streams, buckets (local directories or moto's S3),
object decoding and key parsing.

Everything here drives the server over its public surfaces only: the Firehose API through boto3, the objects it
writes (files under `--s3-root`, or objects in a real S3 API), and /metrics. AWS's documentation and botocore's
`firehose` model are the specification.
"""

from __future__ import annotations

import json
import re
import socket
import struct
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from support import ACCESS_KEY, REGION, SECRET_KEY, free_port, unique_name, wait_until

ACCOUNT_ID = "000000000000"
ROLE_ARN = "arn:aws:iam::123456789012:role/firehose-delivery"
DELIVERY_TIMEOUT_SECONDS = 30.0
UUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

# CompressionFormat -> the object key's extension (AWS's "Configure Amazon S3 object name format" table).
EXTENSIONS = {
    "UNCOMPRESSED": "",
    "GZIP": ".gz",
    "ZIP": ".zip",
    "Snappy": ".snappy",
    "HADOOP_SNAPPY": ".hsnappy",
}
COMPRESSION_FORMATS = list(EXTENSIONS)


# ----------------------------------------------------------------------------------------------- clients

def firehose_client(endpoint: str, validate: bool = True):
    """A boto3 `firehose` client without retries; `validate=False` skips botocore's own parameter checks so that
    model violations reach the server."""
    config = Config(retries={"max_attempts": 0}, connect_timeout=5, read_timeout=60,
                    parameter_validation=validate)
    return boto3.session.Session().client(
        "firehose", region_name=REGION, endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, config=config,
    )


def s3_client(endpoint: str):
    return boto3.session.Session().client(
        "s3", region_name=REGION, endpoint_url=endpoint, aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY, config=Config(retries={"max_attempts": 2}),
    )


def error_code(error: ClientError) -> str:
    return error.response["Error"]["Code"]


# ----------------------------------------------------------------------------------------------- configurations

def bucket_arn(bucket: str) -> str:
    return f"arn:aws:s3:::{bucket}"


def s3_destination(bucket: str, *, size_mb: int = 1, interval_seconds: int = 1, compression: str | None = None,
                   prefix: str | None = None, error_prefix: str | None = None, **extra) -> dict:
    """An ExtendedS3DestinationConfiguration for `bucket` with small buffering hints."""
    config = {
        "RoleARN": ROLE_ARN,
        "BucketARN": bucket_arn(bucket),
        "BufferingHints": {"SizeInMBs": size_mb, "IntervalInSeconds": interval_seconds},
    }
    if compression is not None:
        config["CompressionFormat"] = compression
    if prefix is not None:
        config["Prefix"] = prefix
    if error_prefix is not None:
        config["ErrorOutputPrefix"] = error_prefix
    config.update(extra)
    return config


def processors(*entries: tuple[str, dict]) -> dict:
    """ProcessingConfiguration from (Type, {ParameterName: ParameterValue}) pairs."""
    return {
        "Enabled": True,
        "Processors": [
            {"Type": kind, "Parameters": [{"ParameterName": key, "ParameterValue": value}
                                          for key, value in parameters.items()]}
            for kind, parameters in entries
        ],
    }


# ----------------------------------------------------------------------------------------------- delivery streams

def describe(firehose, name: str) -> dict:
    return firehose.describe_delivery_stream(DeliveryStreamName=name)["DeliveryStreamDescription"]


def delivery_stream_status(firehose, name: str) -> str | None:
    try:
        return describe(firehose, name)["DeliveryStreamStatus"]
    except ClientError as error:
        if error_code(error) == "ResourceNotFoundException":
            return None
        raise


def wait_delivery_stream_active(firehose, name: str, timeout_seconds: float = 15.0) -> dict:
    def probe():
        description = describe(firehose, name)
        return description if description["DeliveryStreamStatus"] == "ACTIVE" else None
    return wait_until(probe, timeout_seconds, what=f"delivery stream {name} ACTIVE")


def wait_for_delivery_stream_active_after_restart(firehose, name: str, timeout_seconds: float = 20.0) -> dict:
    """Waits for ACTIVE, tolerating a server that is still coming up."""
    def probe():
        try:
            description = describe(firehose, name)
        except (ClientError, BotoCoreError):
            return None
        return description if description["DeliveryStreamStatus"] == "ACTIVE" else None
    return wait_until(probe, timeout_seconds, interval_seconds=0.1, what=f"delivery stream {name} ACTIVE after restart")


def create_delivery_stream(firehose, name: str | None = None, **params) -> dict:
    """Creates a delivery stream (DirectPut unless `DeliveryStreamType` says otherwise) and waits for ACTIVE."""
    name = name or unique_name("fh")
    firehose.create_delivery_stream(DeliveryStreamName=name, **params)
    return wait_delivery_stream_active(firehose, name)


def delete_delivery_stream_and_wait(firehose, name: str, timeout_seconds: float = 15.0) -> None:
    try:
        firehose.delete_delivery_stream(DeliveryStreamName=name)
    except ClientError as error:
        if error_code(error) != "ResourceNotFoundException":
            raise
    wait_until(lambda: delivery_stream_status(firehose, name) is None, timeout_seconds,
               what=f"delivery stream {name} deleted")


def put_batches(firehose, name: str, payloads: list[bytes], batch_size: int = 500) -> list[str]:
    """PutRecordBatch in order, `batch_size` at a time; every record must be accepted. Returns the RecordIds."""
    record_ids = []
    for start in range(0, len(payloads), batch_size):
        chunk = payloads[start:start + batch_size]
        answer = firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in chunk])
        failed = [entry for entry in answer["RequestResponses"] if "ErrorCode" in entry]
        assert answer["FailedPutCount"] == 0, failed[:3]
        assert len(answer["RequestResponses"]) == len(chunk)
        record_ids += [entry["RecordId"] for entry in answer["RequestResponses"]]
    return record_ids


def json_records(count: int, tag: str, batch_size: int = 500, padding: int = 40, start: int = 0) -> list[bytes]:
    """`count` newline-terminated JSON records numbered start..start+count-1 (seq), with their batch and index in
    batch."""
    return [
        (json.dumps({"tag": tag, "seq": seq, "batch": seq // batch_size, "index": seq % batch_size,
                     "pad": f"{seq:08d}" * (padding // 8)}, separators=(",", ":")) + "\n").encode()
        for seq in range(start, start + count)
    ]


# ----------------------------------------------------------------------------------------------- decoding

def _run(command: list[str], data: bytes) -> bytes:
    completed = subprocess.run(command, input=data, capture_output=True, timeout=60)
    assert completed.returncode == 0, f"{' '.join(command)} failed: {completed.stderr.decode(errors='replace')}"
    return completed.stdout


def gunzip(body: bytes) -> bytes:
    """With the gunzip tool, as a user would read the object."""
    return _run(["gunzip", "-c"], body)


def unzip(body: bytes) -> bytes:
    """With the unzip tool (`unzip -p` prints every entry's content); the archive must pass `unzip -t`."""
    with tempfile.NamedTemporaryFile(suffix=".zip") as handle:
        handle.write(body)
        handle.flush()
        _run(["unzip", "-tq", handle.name], b"")
        return _run(["unzip", "-p", handle.name], b"")


SNAPPY_FRAMING_MAGIC = b"\xff\x06\x00\x00sNaPpY"
SNAPPY_JAVA_MAGIC = b"\x82SNAPPY\x00"


def unsnappy(body: bytes) -> bytes:
    """Firehose's `Snappy`: a Snappy stream. The official framing format is read with python-snappy's
    StreamDecompressor; a snappy-java (xerial) stream is also accepted, its raw blocks read by python-snappy."""
    import snappy
    if body.startswith(SNAPPY_FRAMING_MAGIC):
        decompressor = snappy.StreamDecompressor()
        data = decompressor.decompress(body)
        decompressor.flush()
        return data
    assert body.startswith(SNAPPY_JAVA_MAGIC), f"not a Snappy stream (framing or snappy-java): {body[:16]!r}"
    out, offset = bytearray(), 16
    while offset < len(body):
        (length,) = struct.unpack(">i", body[offset:offset + 4])
        offset += 4
        out += snappy.uncompress(body[offset:offset + length])
        offset += length
    return bytes(out)


def unhadoop_snappy(body: bytes) -> bytes:
    """Hadoop's Snappy block stream: per block a big-endian uncompressed length, then chunks of a big-endian
    compressed length and a raw Snappy block until that length is produced (raw blocks read by python-snappy)."""
    import snappy
    out, offset = bytearray(), 0
    while offset < len(body):
        assert offset + 4 <= len(body), "truncated Hadoop-Snappy block header"
        (block_length,) = struct.unpack(">I", body[offset:offset + 4])
        offset += 4
        produced = 0
        while produced < block_length:
            (chunk_length,) = struct.unpack(">I", body[offset:offset + 4])
            offset += 4
            assert offset + chunk_length <= len(body), "truncated Hadoop-Snappy chunk"
            plain = snappy.uncompress(body[offset:offset + chunk_length])
            offset += chunk_length
            out += plain
            produced += len(plain)
        assert produced == block_length, f"block decoded to {produced} bytes, header said {block_length}"
    return bytes(out)


DECODERS = {
    "UNCOMPRESSED": lambda body: body,
    "GZIP": gunzip,
    "ZIP": unzip,
    "Snappy": unsnappy,
    "HADOOP_SNAPPY": unhadoop_snappy,
}


def split_lines(data: bytes) -> list[bytes]:
    """Newline-terminated records; a trailing part without newline is kept (and will fail JSON checks)."""
    parts = data.split(b"\n")
    if parts and parts[-1] == b"":
        parts.pop()
    return parts


# ----------------------------------------------------------------------------------------------- object keys

def default_key_pattern(name: str, compression: str = "UNCOMPRESSED", version: int = 1, prefix: str = "") -> re.Pattern:
    """`<prefix>YYYY/MM/dd/HH/<name>-<version>-YYYY-MM-dd-HH-mm-ss-<uuid><extension>` (prefix is a regex)."""
    return re.compile(
        "^" + prefix + r"(?P<y>\d{4})/(?P<mo>\d{2})/(?P<d>\d{2})/(?P<h>\d{2})/"
        + re.escape(name) + f"-{version}-"
        + r"(?P<Y>\d{4})-(?P<MO>\d{2})-(?P<D>\d{2})-(?P<H>\d{2})-(?P<MI>\d{2})-(?P<S>\d{2})-"
        + f"(?P<uuid>{UUID_PATTERN})" + re.escape(EXTENSIONS[compression]) + "$")


def suffix_pattern(name: str, compression: str = "UNCOMPRESSED", version: int = 1) -> str:
    return (re.escape(name) + f"-{version}-" + r"\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-" + UUID_PATTERN
            + re.escape(EXTENSIONS[compression]))


def assert_key_time_plausible(match: re.Match, started: float, finished: float) -> None:
    """The prefix hour and the name's timestamp are UTC times between the first put and now."""
    low = datetime.fromtimestamp(started - 2, tz=timezone.utc)
    high = datetime.fromtimestamp(finished + 2, tz=timezone.utc)
    stamped = datetime(int(match["Y"]), int(match["MO"]), int(match["D"]), int(match["H"]), int(match["MI"]),
                       int(match["S"]), tzinfo=timezone.utc)
    assert low <= stamped <= high, f"name timestamp {stamped} outside [{low}, {high}] (must be UTC)"
    hour = datetime(int(match["y"]), int(match["mo"]), int(match["d"]), int(match["h"]), tzinfo=timezone.utc)
    assert low.replace(minute=0, second=0, microsecond=0) <= hour <= high, (
        f"prefix hour {hour} outside [{low}, {high}] (must be UTC)")


# ----------------------------------------------------------------------------------------------- buckets

class LocalBucket:
    """A bucket of the embedded local-files destination: `<s3 root>/<bucket>/<key>`. Hidden files (a writer's
    temporary files) are not objects."""

    def __init__(self, root: Path, name: str):
        self.root = Path(root)
        self.name = name
        self.arn = bucket_arn(name)

    @property
    def path(self) -> Path:
        return self.root / self.name

    def keys(self, prefix: str = "") -> list[str]:
        if not self.path.is_dir():
            return []
        keys = []
        for file in self.path.rglob("*"):
            if file.is_file() and not file.name.startswith("."):
                key = file.relative_to(self.path).as_posix()
                if key.startswith(prefix):
                    keys.append(key)
        return sorted(keys)

    def read(self, key: str) -> bytes:
        return (self.path / key).read_bytes()

    def hidden_files(self) -> list[str]:
        if not self.path.is_dir():
            return []
        return [file.relative_to(self.path).as_posix() for file in self.path.rglob(".*") if file.is_file()]


class S3Bucket:
    """A bucket in a real S3 API (moto's server), same interface as LocalBucket."""

    def __init__(self, client, name: str):
        self.client = client
        self.name = name
        self.arn = bucket_arn(name)

    def keys(self, prefix: str = "") -> list[str]:
        keys, token = [], None
        while True:
            params = {"Bucket": self.name, "Prefix": prefix}
            if token:
                params["ContinuationToken"] = token
            try:
                answer = self.client.list_objects_v2(**params)
            except ClientError as error:
                if error_code(error) == "NoSuchBucket":
                    return []
                raise
            keys += [item["Key"] for item in answer.get("Contents", [])]
            token = answer.get("NextContinuationToken")
            if not token:
                return sorted(keys)

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@dataclass
class DeliveredObject:
    key: str
    body: bytes
    records: list[bytes]


def read_objects(bucket, prefix: str = "", decode=lambda body: body) -> list[DeliveredObject]:
    return [DeliveredObject(key, body, split_lines(decode(body)))
            for key in bucket.keys(prefix) for body in [bucket.read(key)]]


def wait_for_records(bucket, count: int, prefix: str = "", decode=lambda body: body,
                     timeout_seconds: float = DELIVERY_TIMEOUT_SECONDS, what: str = "records") -> list[DeliveredObject]:
    """Polls until the objects under `prefix` hold at least `count` newline-terminated records; returns them."""
    deadline = time.monotonic() + timeout_seconds
    while True:
        objects = read_objects(bucket, prefix, decode)
        total = sum(len(item.records) for item in objects)
        if total >= count:
            return objects
        if time.monotonic() >= deadline:
            pytest.fail(f"{what}: {total} of {count} records under {bucket.name}/{prefix} after {timeout_seconds}s; "
                        f"keys: {[item.key for item in objects][:10]}")
        time.sleep(0.2)


def wait_for_keys(bucket, prefix: str = "", count: int = 1,
                  timeout_seconds: float = DELIVERY_TIMEOUT_SECONDS) -> list[str]:
    return wait_until(lambda: (keys := bucket.keys(prefix)) and len(keys) >= count and keys, timeout_seconds,
                      interval_seconds=0.1, what=f"{count} object(s) under {bucket.name}/{prefix}")


def assert_complete_and_ordered(objects: list[DeliveredObject], count: int, tag: str) -> None:
    """The objects hold exactly the records seq 0..count-1 of `tag`, once each; inside every object they are in put
    order, and objects do not interleave (each holds one contiguous run, in put order)."""
    runs = []
    for item in objects:
        seqs = []
        for line in item.records:
            record = json.loads(line)
            assert record["tag"] == tag, f"foreign record in {item.key}: {line[:100]!r}"
            seqs.append(record["seq"])
        assert seqs == sorted(seqs), f"records out of put order inside {item.key}"
        if seqs:
            runs.append((seqs[0], seqs[-1], item.key, seqs))
    seen = [seq for run in runs for seq in run[3]]
    assert len(seen) == len(set(seen)), f"{len(seen) - len(set(seen))} duplicated records"
    assert sorted(seen) == list(range(count)), f"got {len(set(seen))} distinct of {count} records"
    runs.sort()
    for previous, current in zip(runs, runs[1:]):
        assert current[0] == previous[1] + 1, (
            f"objects interleave or leave a gap: {previous[2]} ends at {previous[1]}, "
            f"{current[2]} starts at {current[0]}")


def error_lines(objects: list[DeliveredObject]) -> list[dict]:
    """The JSON documents of error-output objects, one per line."""
    return [json.loads(line) for item in objects for line in item.records if line.strip()]


# ----------------------------------------------------------------------------------------------- processes

def wait_port(host: str, port: int, timeout_seconds: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() >= deadline:
                pytest.fail(f"nothing listens on {host}:{port} after {timeout_seconds}s")
            time.sleep(0.1)


class MotoServer:
    """moto's S3 server (`python3 -m moto.server`) on its own port."""

    def __init__(self, log_path: Path):
        self.port = free_port()
        self.log_path = Path(log_path)
        self.process = None
        self._log = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_port("127.0.0.1", self.port)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None


def scrape_metrics(endpoint: str) -> dict[str, float]:
    response = requests.get(endpoint.rstrip("/") + "/metrics", timeout=10)
    assert response.status_code == 200, response.text[:300]
    samples = {}
    for line in response.text.splitlines():
        match = re.match(r"^(\S+?)(\{.*\})? (\S+)$", line)
        if match and not line.startswith("#"):
            samples[match.group(1) + (match.group(2) or "")] = float(match.group(3))
    return samples

