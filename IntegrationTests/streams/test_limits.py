"""AWS per-shard quotas, enforced with `tributary serve --enforce-limits` (off by default).

AWS: each shard takes writes up to 1 MiB/s or 1,000 records/s (PutRecord: ProvisionedThroughputExceededException;
PutRecords: that ErrorCode on the refused entries), and reads up to 5 GetRecords calls/s and 2 MiB/s
(ProvisionedThroughputExceededException; a call that returned a lot of data makes the next calls wait).
SubscribeToShard may be called once per second per consumer and shard (LimitExceededException).
Throttling is per shard, and the quota refills with time.
"""

from __future__ import annotations

import os
import time

import pytest
from botocore.exceptions import ClientError

from support import (
    MAX_HASH_KEY, BotoSubscription, FlaggedServerProcess, consumer_stream_factory, iterator,
    make_client, register_active_consumer, subscription_error_code, wait_until,
)

THROTTLED = "ProvisionedThroughputExceededException"


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("tributary-limits")
    process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=50,
                                   extra_args=["--enforce-limits"])
    process.start()
    yield process
    process.kill9()     # a throwaway server


@pytest.fixture(scope="module")
def limited_client(limited_server):
    return make_client(limited_server.endpoint)


@pytest.fixture
def limited(limited_server, limited_client):
    """The client of the --enforce-limits server, which is restarted if an earlier test killed it."""
    if not limited_server.is_running():
        limited_server.start()
    yield limited_client
    if not limited_server.is_running():
        pytest.fail(f"the --enforce-limits server died; log tail:\n{limited_server.log_tail()}")


@pytest.fixture
def limited_stream(limited):
    with consumer_stream_factory(limited) as factory:
        yield factory


def error_code(error: ClientError) -> str:
    return error.response["Error"]["Code"]


def put_until_accepted(client, timeout_seconds: float = 5.0, **params) -> dict:
    """PutRecord, retried while throttled (the quota refills within a second or two)."""
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            return client.put_record(**params)
        except ClientError as error:
            if error_code(error) != THROTTLED or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


# ----------------------------------------------------------------------------------------------- writes

def test_put_records_over_1000_records_per_second_are_refused_per_record(limited, limited_stream):
    created = limited_stream()
    started = time.monotonic()
    accepted, refused = 0, []
    for batch in range(4):
        answer = limited.put_records(StreamName=created.name, Records=[
            {"Data": b"r", "PartitionKey": f"k{batch}-{i}"} for i in range(500)])
        failed = [r for r in answer["Records"] if "ErrorCode" in r]
        assert answer["FailedRecordCount"] == len(failed)
        accepted += 500 - len(failed)
        refused += failed
    elapsed = time.monotonic() - started
    assert refused, f"2000 records in {elapsed:.2f}s to one shard were all accepted"
    for result in refused:
        assert result["ErrorCode"] == THROTTLED
        assert result.get("ErrorMessage"), result
        assert "SequenceNumber" not in result and "ShardId" not in result
    assert accepted <= 1000 * (elapsed + 1), f"{accepted} records accepted in {elapsed:.2f}s"
    # The quota refills.
    again = put_until_accepted(limited, StreamName=created.name, Data=b"later", PartitionKey="k")
    assert again["ShardId"] == created.shard_ids[0]


def test_put_record_over_1_mib_per_second_is_refused(limited, limited_stream):
    created = limited_stream()
    payload = os.urandom(600 * 1024)
    started = time.monotonic()
    accepted_bytes, throttled = 0, None
    for _ in range(6):
        try:
            limited.put_record(StreamName=created.name, Data=payload, PartitionKey="big")
            accepted_bytes += len(payload)
        except ClientError as error:
            throttled = error
            break
    elapsed = time.monotonic() - started
    assert throttled is not None, f"{accepted_bytes} bytes in {elapsed:.2f}s were all accepted"
    assert error_code(throttled) == THROTTLED, throttled.response
    assert throttled.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert accepted_bytes <= 1024 * 1024 * (elapsed + 1)
    put_until_accepted(limited, StreamName=created.name, Data=payload, PartitionKey="big")


def test_write_quota_is_per_shard(limited, limited_stream):
    created = limited_stream(shard_count=2)
    s0, s1 = created.shard_ids
    answer = limited.put_records(StreamName=created.name, Records=[
        {"Data": b"x" * 1000, "PartitionKey": "p", "ExplicitHashKey": "1"} for _ in range(500)])
    answer2 = limited.put_records(StreamName=created.name, Records=[
        {"Data": b"x" * 1000, "PartitionKey": "p", "ExplicitHashKey": "1"} for _ in range(500)])
    answer3 = limited.put_records(StreamName=created.name, Records=[
        {"Data": b"x" * 1000, "PartitionKey": "p", "ExplicitHashKey": "1"} for _ in range(500)])
    assert answer["FailedRecordCount"] + answer2["FailedRecordCount"] + answer3["FailedRecordCount"] > 0
    # Shard 0 is saturated; shard 1 is not.
    other = limited.put_record(StreamName=created.name, Data=b"fine", PartitionKey="p",
                               ExplicitHashKey=str(MAX_HASH_KEY))
    assert other["ShardId"] == s1
    mixed = limited.put_records(StreamName=created.name, Records=[
        {"Data": b"y", "PartitionKey": "p", "ExplicitHashKey": str(MAX_HASH_KEY)} for _ in range(10)])
    assert mixed["FailedRecordCount"] == 0
    assert {r["ShardId"] for r in mixed["Records"]} == {s1}
    assert s0 != s1


# ----------------------------------------------------------------------------------------------- reads

def test_get_records_over_five_calls_per_second(limited, limited_stream):
    created = limited_stream()
    limited.put_record(StreamName=created.name, Data=b"r", PartitionKey="k")
    shard_iterator = iterator(limited, created.name, created.shard_ids[0])
    started = time.monotonic()
    succeeded, throttled = 0, None
    for _ in range(12):
        try:
            answer = limited.get_records(ShardIterator=shard_iterator)
            shard_iterator = answer["NextShardIterator"]
            succeeded += 1
        except ClientError as error:
            throttled = error
            break
    elapsed = time.monotonic() - started
    assert throttled is not None, f"{succeeded} GetRecords calls in {elapsed:.2f}s were all served"
    assert error_code(throttled) == THROTTLED, throttled.response
    assert succeeded <= 5 * (elapsed + 1)
    # The same iterator is still valid once the quota refills.
    deadline = time.monotonic() + 5
    while True:
        try:
            limited.get_records(ShardIterator=shard_iterator)
            break
        except ClientError as error:
            assert error_code(error) == THROTTLED and time.monotonic() < deadline, error.response
            time.sleep(0.2)


def test_get_records_over_2_mib_per_second(limited, limited_stream):
    created = limited_stream()
    payload = os.urandom(900 * 1024)
    for i in range(3):      # 2.6 MiB: the write quota makes this take a couple of seconds
        put_until_accepted(limited, timeout_seconds=10, StreamName=created.name, Data=payload, PartitionKey="k")
    shard_iterator = iterator(limited, created.name, created.shard_ids[0])
    first = limited.get_records(ShardIterator=shard_iterator)
    assert len(first["Records"]) == 3, "one GetRecords call may return up to 10 MiB"
    with pytest.raises(ClientError) as excinfo:
        limited.get_records(ShardIterator=first["NextShardIterator"])
    assert error_code(excinfo.value) == THROTTLED
    # After the quota refills (2.6 MiB at 2 MiB/s), reading goes on.
    deadline = time.monotonic() + 8
    while True:
        try:
            assert limited.get_records(ShardIterator=first["NextShardIterator"])["Records"] == []
            break
        except ClientError as error:
            assert error_code(error) == THROTTLED and time.monotonic() < deadline, error.response
            time.sleep(0.25)


# ----------------------------------------------------------------------------------------------- SubscribeToShard

def test_subscribe_to_shard_once_per_second(limited, limited_stream):
    created = limited_stream(shard_count=2)
    consumer = register_active_consumer(limited, created.arn)
    s0, s1 = created.shard_ids
    # A record in each shard makes the first event (and so each check) immediate.
    limited.put_record(StreamName=created.name, Data=b"a", PartitionKey="a", ExplicitHashKey="0")
    limited.put_record(StreamName=created.name, Data=b"b", PartitionKey="b", ExplicitHashKey=str(MAX_HASH_KEY))
    horizon = {"Type": "TRIM_HORIZON"}
    started = time.monotonic()
    assert subscription_error_code(lambda: BotoSubscription(limited, consumer, s0, horizon)) is None
    # Right away again on the same shard: refused, with LimitExceededException inside the second or, as AWS's
    # documentation allows, ResourceInUseException while the first subscription is still open.
    code = subscription_error_code(lambda: BotoSubscription(limited, consumer, s0, horizon))
    assert time.monotonic() - started < 1.0, "too slow to exercise the per-second limit"
    assert code in ("LimitExceededException", "ResourceInUseException"), code
    # Another shard of the same consumer is not affected.
    assert subscription_error_code(lambda: BotoSubscription(limited, consumer, s1, horizon)) is None
    # Later, the same consumer and shard may subscribe again.
    wait_until(lambda: subscription_error_code(
        lambda: BotoSubscription(limited, consumer, s0, horizon)) is None, 8, interval_seconds=1.1,
        what="a new subscription after the per-second limit")


# ----------------------------------------------------------------------------------------------- default: off

def test_limits_are_off_by_default(kinesis, stream):
    created = stream(shard_count=1)
    for batch in range(5):
        answer = kinesis.put_records(StreamName=created.name, Records=[
            {"Data": b"z" * 100, "PartitionKey": f"k{i}"} for i in range(500)])
        assert answer["FailedRecordCount"] == 0
    shard_iterator = iterator(kinesis, created.name, created.shard_ids[0])
    for _ in range(10):
        shard_iterator = kinesis.get_records(ShardIterator=shard_iterator, Limit=10)["NextShardIterator"]
