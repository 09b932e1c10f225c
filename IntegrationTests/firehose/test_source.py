"""KinesisStreamAsSource: a delivery stream fed by a Tributary data stream delivers everything written to the stream
after its creation (from LATEST, as AWS starts), follows resharding (parents before children, so per partition key
order holds), resumes where it stopped after a restart, deaggregates KPL records, and refuses direct puts as AWS
does."""

from __future__ import annotations

import json
import time

import pytest
from aws_kinesis_agg.aggregator import RecordAggregator

from support import FlaggedServerProcess, aws_error, make_client, unique_name, wait_active

from .harness import (
    ROLE_ARN, LocalBucket, create_delivery_stream, delete_delivery_stream_and_wait, describe, firehose_client,
    read_objects, s3_destination, wait_for_delivery_stream_active_after_restart, wait_for_records,
)

KEYS = [f"key-{n}" for n in range(16)]


@pytest.fixture(scope="module")
def source_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("firehose-source")
    process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=50,
                                   extra_args=["--s3-root", str(base / "s3")])
    process.s3_root = base / "s3"
    process.start()
    yield process
    process.stop()


def source_configuration(stream_arn: str) -> dict:
    return {"KinesisStreamARN": stream_arn, "RoleARN": ROLE_ARN}


def make_source(kinesis, shard_count: int = 2):
    name = unique_name("src")
    kinesis.create_stream(StreamName=name, ShardCount=shard_count)
    return wait_active(kinesis, name)


def put_phase(kinesis, stream: str, phase: str, count: int) -> None:
    for start in range(0, count, 100):
        entries = [{"Data": (json.dumps({"phase": phase, "n": n, "key": KEYS[n % len(KEYS)]}) + "\n").encode(),
                    "PartitionKey": KEYS[n % len(KEYS)]} for n in range(start, min(count, start + 100))]
        answer = kinesis.put_records(StreamName=stream, Records=entries)
        assert answer["FailedRecordCount"] == 0


def assert_per_key_order(objects) -> None:
    """For every partition key, each object holds its records in put order and objects do not interleave them."""
    runs: dict[str, list[list[tuple[int, int]]]] = {}
    phase_rank = {"a": 0, "b": 1, "c": 2}
    for item in objects:
        per_key: dict[str, list[tuple[int, int]]] = {}
        for line in item.records:
            record = json.loads(line)
            per_key.setdefault(record["key"], []).append((phase_rank[record["phase"]], record["n"]))
        for key, order in per_key.items():
            assert order == sorted(order), f"{key} out of order inside {item.key}"
            runs.setdefault(key, []).append(order)
    for key, key_runs in runs.items():
        key_runs.sort()
        for previous, current in zip(key_runs, key_runs[1:]):
            assert previous[-1] < current[0], f"objects interleave the records of {key}"


def test_delivers_everything_written_after_creation_across_reshard_and_restart(source_server):
    kinesis = make_client(source_server.endpoint)
    firehose = firehose_client(source_server.endpoint)
    summary = make_source(kinesis)
    stream = summary["StreamName"]
    put_phase(kinesis, stream, "before", 5)
    bucket = LocalBucket(source_server.s3_root, unique_name("sourced"))
    name = unique_name("fh")
    description = create_delivery_stream(
        firehose, name, DeliveryStreamType="KinesisStreamAsSource",
        KinesisStreamSourceConfiguration=source_configuration(summary["StreamARN"]),
        ExtendedS3DestinationConfiguration=s3_destination(bucket.name))
    assert description["DeliveryStreamType"] == "KinesisStreamAsSource"
    source = description["Source"]["KinesisStreamSourceDescription"]
    assert source["KinesisStreamARN"] == summary["StreamARN"]
    assert source["RoleARN"] == ROLE_ARN
    assert "DeliveryStartTimestamp" in source

    put_phase(kinesis, stream, "a", 200)
    kinesis.update_shard_count(StreamName=stream, TargetShardCount=4, ScalingType="UNIFORM_SCALING")
    wait_active(kinesis, stream)
    put_phase(kinesis, stream, "b", 200)
    wait_for_records(bucket, 400, timeout_seconds=30, what="phases a and b")
    source_server.restart()
    kinesis = make_client(source_server.endpoint)
    firehose = firehose_client(source_server.endpoint)
    wait_for_delivery_stream_active_after_restart(firehose, name)
    put_phase(kinesis, stream, "c", 200)

    objects = wait_for_records(bucket, 600, timeout_seconds=40, what="phases a, b and c")
    time.sleep(2)  # anything re-delivered after the restart would show up now
    objects = read_objects(bucket)
    delivered = [json.loads(line) for item in objects for line in item.records]
    assert not [doc for doc in delivered if doc["phase"] == "before"], "records older than the delivery stream"
    identities = [(doc["phase"], doc["n"]) for doc in delivered]
    assert len(identities) == len(set(identities)), "a graceful restart resumes at the checkpoint: no duplicates"
    assert sorted(identities) == sorted((phase, n) for phase in "abc" for n in range(200))
    assert_per_key_order(objects)
    delete_delivery_stream_and_wait(firehose, name)


def test_kpl_aggregated_records_are_delivered_deaggregated(source_server):
    kinesis = make_client(source_server.endpoint)
    firehose = firehose_client(source_server.endpoint)
    summary = make_source(kinesis, shard_count=1)
    bucket = LocalBucket(source_server.s3_root, unique_name("deaggregated"))
    name = unique_name("fh")
    create_delivery_stream(firehose, name, DeliveryStreamType="KinesisStreamAsSource",
                           KinesisStreamSourceConfiguration=source_configuration(summary["StreamARN"]),
                           ExtendedS3DestinationConfiguration=s3_destination(bucket.name))
    aggregator = RecordAggregator()
    user_records = [f"user-record-{n}\n".encode() for n in range(3)]
    for n, data in enumerate(user_records):
        aggregator.add_user_record(f"pk-{n}", data)
    partition_key, explicit_hash_key, data = aggregator.clear_and_get().get_contents()
    extra = {"ExplicitHashKey": explicit_hash_key} if explicit_hash_key else {}
    kinesis.put_record(StreamName=summary["StreamName"], PartitionKey=partition_key, Data=data, **extra)
    kinesis.put_record(StreamName=summary["StreamName"], PartitionKey="plain", Data=b"plain-record\n")
    objects = wait_for_records(bucket, 4, timeout_seconds=30)
    assert [line + b"\n" for item in objects for line in item.records] == user_records + [b"plain-record\n"]
    delete_delivery_stream_and_wait(firehose, name)


def test_direct_puts_and_encryption_are_refused(source_server):
    kinesis = make_client(source_server.endpoint)
    firehose = firehose_client(source_server.endpoint)
    summary = make_source(kinesis, shard_count=1)
    name = unique_name("fh")
    create_delivery_stream(firehose, name, DeliveryStreamType="KinesisStreamAsSource",
                           KinesisStreamSourceConfiguration=source_configuration(summary["StreamARN"]),
                           ExtendedS3DestinationConfiguration=s3_destination("refusing"))
    message = "This operation is not permitted on KinesisStreamAsSource delivery stream type."
    with aws_error("InvalidArgumentException", message_contains=message):
        firehose.put_record(DeliveryStreamName=name, Record={"Data": b"x"})
    with aws_error("InvalidArgumentException", message_contains=message):
        firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": b"x"}])
    with aws_error("InvalidArgumentException"):
        firehose.start_delivery_stream_encryption(DeliveryStreamName=name)
    assert describe(firehose, name)["DeliveryStreamStatus"] == "ACTIVE"
    delete_delivery_stream_and_wait(firehose, name)


def test_a_source_stream_that_does_not_exist_is_refused(source_server):
    firehose = firehose_client(source_server.endpoint)
    missing = f"arn:aws:kinesis:us-east-1:000000000000:stream/{unique_name('nothing')}"
    with aws_error(("InvalidArgumentException", "ResourceNotFoundException")):
        firehose.create_delivery_stream(DeliveryStreamName=unique_name("fh"),
                                        DeliveryStreamType="KinesisStreamAsSource",
                                        KinesisStreamSourceConfiguration=source_configuration(missing),
                                        ExtendedS3DestinationConfiguration=s3_destination("refusing"))
