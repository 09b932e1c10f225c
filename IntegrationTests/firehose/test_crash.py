"""Durability of the buffer: a record that PutRecord/PutRecordBatch acknowledged is delivered even when the server
is killed with SIGKILL before its batch was delivered (at least once: duplicates are allowed across a crash, loss is
not), and buffered records of an encrypted delivery stream are not on disk in the clear."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from botocore.exceptions import BotoCoreError, ClientError

from support import FlaggedServerProcess, unique_name

from .harness import (
    LocalBucket, create_delivery_stream, firehose_client, json_records, put_batches, read_objects, s3_destination,
    wait_for_delivery_stream_active_after_restart, wait_for_records,
)


@pytest.fixture
def crash_server(tmp_path):
    s3_root = tmp_path / "s3"
    process = FlaggedServerProcess(tmp_path / "data", log_path=tmp_path / "server.log", state_delay_ms=50,
                                   extra_args=["--s3-root", str(s3_root)])
    process.s3_root = s3_root
    process.start()
    yield process
    process.stop()


def delivered_seqs(bucket, tag: str) -> list[int]:
    seqs = []
    for item in read_objects(bucket):
        per_object = []
        for line in item.records:
            record = json.loads(line)
            assert record["tag"] == tag, f"foreign or corrupt record in {item.key}: {line[:80]!r}"
            per_object.append(record["seq"])
        assert per_object == sorted(per_object), f"records out of order inside {item.key}"
        seqs += per_object
    return seqs


def test_kill_9_while_buffering_loses_no_acknowledged_record(crash_server):
    firehose = firehose_client(crash_server.endpoint)
    bucket = LocalBucket(crash_server.s3_root, unique_name("crash"))
    name = unique_name("fh")
    create_delivery_stream(firehose, name, ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, size_mb=128, interval_seconds=5))
    payloads = json_records(2000, "buffered")
    put_batches(firehose, name, payloads)
    assert bucket.keys() == [], "the 5 s interval has not passed: everything is still buffered"
    crash_server.kill9()
    crash_server.start()
    firehose = firehose_client(crash_server.endpoint)
    wait_for_delivery_stream_active_after_restart(firehose, name)
    wait_for_records(bucket, 2000, timeout_seconds=30, what="records acknowledged before kill -9")
    seqs = delivered_seqs(bucket, "buffered")
    assert sorted(set(seqs)) == list(range(2000)), f"{2000 - len(set(seqs))} acknowledged records lost"


class Producer(threading.Thread):
    """Puts batches of 100 until told to stop; remembers which batches were acknowledged."""

    def __init__(self, endpoint: str, name: str, tag: str, first_batch: int):
        super().__init__(daemon=True)
        self.client = firehose_client(endpoint)
        self.name = name
        self.tag = tag
        self.batch = first_batch
        self.acknowledged: list[int] = []
        self.uncertain: list[int] = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            records = json_records(100, self.tag, batch_size=100, start=self.batch * 100)
            try:
                answer = self.client.put_record_batch(DeliveryStreamName=self.name,
                                                      Records=[{"Data": data} for data in records])
                if answer["FailedPutCount"] == 0:
                    self.acknowledged.append(self.batch)
                else:
                    self.uncertain.append(self.batch)
            except (ClientError, BotoCoreError, OSError):
                self.uncertain.append(self.batch)
                return
            self.batch += 1


def test_kill_9_under_load_delivers_every_acknowledged_record(crash_server):
    firehose = firehose_client(crash_server.endpoint)
    bucket = LocalBucket(crash_server.s3_root, unique_name("crash-load"))
    name = unique_name("fh")
    create_delivery_stream(firehose, name, ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, size_mb=1, interval_seconds=1))
    acknowledged, next_batch = [], 0
    for _ in range(2):
        producer = Producer(crash_server.endpoint, name, "load", next_batch)
        producer.start()
        time.sleep(2.0)
        crash_server.kill9()
        producer.stop.set()
        producer.join(timeout=30)
        acknowledged += producer.acknowledged
        next_batch = producer.batch + 1
        crash_server.start()
        wait_for_delivery_stream_active_after_restart(firehose_client(crash_server.endpoint), name)
    assert len(acknowledged) >= 5, f"the producers got only {len(acknowledged)} batches acknowledged"
    wanted = {batch * 100 + index for batch in acknowledged for index in range(100)}
    deadline = time.monotonic() + 40
    while True:
        missing = wanted - set(delivered_seqs(bucket, "load"))
        if not missing or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert not missing, f"{len(missing)} acknowledged records never delivered, e.g. {sorted(missing)[:5]}"


def files_containing(directory: Path, marker: bytes, skip: Path) -> list[str]:
    found = []
    for file in directory.rglob("*"):
        if file.is_file() and skip not in file.parents:
            try:
                if marker in file.read_bytes():
                    found.append(str(file))
            except OSError:
                continue
    return found


def test_buffered_records_of_an_encrypted_stream_are_not_on_disk_in_the_clear(crash_server):
    firehose = firehose_client(crash_server.endpoint)
    bucket = LocalBucket(crash_server.s3_root, unique_name("sealed"))
    name = unique_name("fh")
    create_delivery_stream(firehose, name, ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, size_mb=128, interval_seconds=5),
        DeliveryStreamEncryptionConfigurationInput={"KeyType": "AWS_OWNED_CMK"})
    marker = b"PLAINTEXT-MARKER-" + unique_name("secret").encode()
    answer = firehose.put_record(DeliveryStreamName=name, Record={"Data": marker + b"\n"})
    assert answer["Encrypted"] is True
    leaked = files_containing(crash_server.data_dir, marker, skip=crash_server.s3_root)
    assert leaked == [], f"the buffered record is readable in {leaked}"
    crash_server.kill9()
    crash_server.start()
    wait_for_delivery_stream_active_after_restart(firehose_client(crash_server.endpoint), name)
    objects = wait_for_records(bucket, 1, timeout_seconds=30)
    assert [line for item in objects for line in item.records] == [marker], "decrypted and delivered after restart"
