"""Stream lifecycle and the describe/list operations, checked against the AWS Kinesis Data Streams API."""

from __future__ import annotations

import re
import time

import pytest

from support import (
    ServerProcess, aws_error, create_stream, delete_and_wait, list_all_shards, make_client, stream_status,
    unique_name, wait_active, wait_gone, wait_until,
)

ARN_PATTERN = r"^arn:aws:kinesis:us-east-1:(\d{12}):stream/(.+)$"
SLOW_STATE_DELAY_MS = 1000


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory):
    """A server whose CREATING/DELETING states last long enough to be observed without racing."""
    base = tmp_path_factory.mktemp("tributary-slow")
    process = ServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=SLOW_STATE_DELAY_MS)
    process.start()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def slow_kinesis(slow_server):
    return make_client(slow_server.endpoint)


# ----------------------------------------------------------------------------------------------- create

def test_create_provisioned_goes_creating_then_active(slow_kinesis):
    name = unique_name("life")
    response = slow_kinesis.create_stream(StreamName=name, ShardCount=3)
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    summary = slow_kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
    assert summary["StreamStatus"] == "CREATING"
    assert summary["StreamName"] == name
    seen = []

    def probe():
        status = slow_kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"]
        seen.append(status)
        return status == "ACTIVE"
    wait_until(probe, 15, what="ACTIVE")
    assert set(seen) <= {"CREATING", "ACTIVE"}, seen
    summary = slow_kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
    assert summary["OpenShardCount"] == 3
    assert summary["StreamModeDetails"] == {"StreamMode": "PROVISIONED"}
    delete_and_wait(slow_kinesis, name)


def test_create_while_creating_is_resource_in_use(slow_kinesis):
    name = unique_name("life")
    slow_kinesis.create_stream(StreamName=name, ShardCount=1)
    assert stream_status(slow_kinesis, name) == "CREATING"
    with aws_error("ResourceInUseException"):
        slow_kinesis.create_stream(StreamName=name, ShardCount=1)
    wait_active(slow_kinesis, name)
    delete_and_wait(slow_kinesis, name)


def test_delete_goes_deleting_then_not_found(slow_kinesis):
    name = unique_name("life")
    slow_kinesis.create_stream(StreamName=name, ShardCount=1)
    wait_active(slow_kinesis, name)
    slow_kinesis.delete_stream(StreamName=name)
    assert stream_status(slow_kinesis, name) == "DELETING"
    wait_gone(slow_kinesis, name)
    with aws_error("ResourceNotFoundException"):
        slow_kinesis.describe_stream(StreamName=name)
    with aws_error("ResourceNotFoundException"):
        slow_kinesis.delete_stream(StreamName=name)
    names = slow_kinesis.list_streams()["StreamNames"]
    assert name not in names


def test_create_on_demand_has_four_shards(kinesis, stream):
    created = stream(shard_count=None, mode="ON_DEMAND")
    summary = kinesis.describe_stream_summary(StreamName=created.name)["StreamDescriptionSummary"]
    assert summary["StreamModeDetails"] == {"StreamMode": "ON_DEMAND"}
    assert summary["OpenShardCount"] == 4
    assert len(created.shard_ids) == 4
    description = kinesis.describe_stream(StreamName=created.name)["StreamDescription"]
    assert description["StreamModeDetails"] == {"StreamMode": "ON_DEMAND"}
    assert len(description["Shards"]) == 4


def test_duplicate_name_is_resource_in_use(kinesis, stream):
    created = stream()
    with aws_error("ResourceInUseException", message_contains=created.name):
        kinesis.create_stream(StreamName=created.name, ShardCount=1)
    # The original stream is untouched.
    assert kinesis.describe_stream_summary(StreamName=created.name)["StreamDescriptionSummary"]["OpenShardCount"] == 1


def test_delete_then_recreate_same_name(kinesis):
    name = unique_name("life")
    create_stream(kinesis, name=name, shard_count=1)
    kinesis.put_record(StreamName=name, Data=b"old", PartitionKey="k")
    delete_and_wait(kinesis, name)
    created = create_stream(kinesis, name=name, shard_count=2)
    try:
        assert len(created.shard_ids) == 2
        iterator = kinesis.get_shard_iterator(StreamName=name, ShardId=created.shard_ids[0],
                                              ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        assert kinesis.get_records(ShardIterator=iterator)["Records"] == []
    finally:
        delete_and_wait(kinesis, name)


# ----------------------------------------------------------------------------------------------- describe

def test_describe_stream_summary_fields(kinesis, stream):
    created = stream(shard_count=2)
    summary = kinesis.describe_stream_summary(StreamName=created.name)["StreamDescriptionSummary"]
    assert summary["StreamName"] == created.name
    assert summary["StreamStatus"] == "ACTIVE"
    assert summary["OpenShardCount"] == 2
    assert summary["ConsumerCount"] == 0
    assert summary["RetentionPeriodHours"] == 24
    assert summary["EncryptionType"] == "NONE"
    assert summary["StreamModeDetails"] == {"StreamMode": "PROVISIONED"}
    assert "EnhancedMonitoring" in summary
    match = re.match(ARN_PATTERN, summary["StreamARN"])
    assert match, summary["StreamARN"]
    assert match.group(2) == created.name
    created_at = summary["StreamCreationTimestamp"].timestamp()
    assert abs(created_at - time.time()) < 120


def test_describe_stream_fields_and_shards(kinesis, stream):
    created = stream(shard_count=3)
    description = kinesis.describe_stream(StreamName=created.name)["StreamDescription"]
    assert description["StreamName"] == created.name
    assert description["StreamARN"] == created.arn
    assert description["StreamStatus"] == "ACTIVE"
    assert description["HasMoreShards"] is False
    assert description["RetentionPeriodHours"] == 24
    assert description["EncryptionType"] == "NONE"
    assert description["StreamModeDetails"] == {"StreamMode": "PROVISIONED"}
    shards = description["Shards"]
    assert [s["ShardId"] for s in shards] == [f"shardId-{i:012d}" for i in range(3)]
    for shard in shards:
        assert "ParentShardId" not in shard
        assert re.match(r"^(0|[1-9]\d{0,128})$", shard["SequenceNumberRange"]["StartingSequenceNumber"])
        assert "EndingSequenceNumber" not in shard["SequenceNumberRange"]
        assert set(shard["HashKeyRange"]) == {"StartingHashKey", "EndingHashKey"}


def test_describe_stream_shard_paging(kinesis, stream):
    created = stream(shard_count=5)
    first = kinesis.describe_stream(StreamName=created.name, Limit=2)["StreamDescription"]
    assert [s["ShardId"] for s in first["Shards"]] == created.shard_ids[:2]
    assert first["HasMoreShards"] is True
    second = kinesis.describe_stream(StreamName=created.name, Limit=2,
                                     ExclusiveStartShardId=first["Shards"][-1]["ShardId"])["StreamDescription"]
    assert [s["ShardId"] for s in second["Shards"]] == created.shard_ids[2:4]
    assert second["HasMoreShards"] is True
    third = kinesis.describe_stream(StreamName=created.name, Limit=2,
                                    ExclusiveStartShardId=second["Shards"][-1]["ShardId"])["StreamDescription"]
    assert [s["ShardId"] for s in third["Shards"]] == created.shard_ids[4:]
    assert third["HasMoreShards"] is False
    everything = kinesis.describe_stream(StreamName=created.name, Limit=5)["StreamDescription"]
    assert len(everything["Shards"]) == 5
    assert everything["HasMoreShards"] is False


def test_describe_unknown_stream_is_not_found(kinesis):
    name = unique_name("missing")
    with aws_error("ResourceNotFoundException", message_contains=name):
        kinesis.describe_stream(StreamName=name)
    with aws_error("ResourceNotFoundException", message_contains=name):
        kinesis.describe_stream_summary(StreamName=name)


# ----------------------------------------------------------------------------------------------- ARNs

def test_stream_arn_accepted_in_place_of_name(kinesis, stream):
    created = stream(shard_count=2)
    arn = created.arn
    assert re.match(ARN_PATTERN, arn)
    assert kinesis.describe_stream_summary(StreamARN=arn)["StreamDescriptionSummary"]["StreamName"] == created.name
    assert kinesis.describe_stream(StreamARN=arn)["StreamDescription"]["StreamName"] == created.name
    assert [s["ShardId"] for s in kinesis.list_shards(StreamARN=arn)["Shards"]] == created.shard_ids
    put = kinesis.put_record(StreamARN=arn, Data=b"by-arn", PartitionKey="k")
    batch = kinesis.put_records(StreamARN=arn, Records=[{"Data": b"batch-by-arn", "PartitionKey": "k"}])
    assert batch["FailedRecordCount"] == 0
    iterator = kinesis.get_shard_iterator(StreamARN=arn, ShardId=put["ShardId"],
                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = kinesis.get_records(StreamARN=arn, ShardIterator=iterator)["Records"]
    assert [r["Data"] for r in records] == [b"by-arn", b"batch-by-arn"]
    kinesis.delete_stream(StreamARN=arn)
    wait_gone(kinesis, created.name)


def test_unknown_arn_is_not_found(kinesis, stream):
    created = stream()
    account = re.match(ARN_PATTERN, created.arn).group(1)
    with aws_error("ResourceNotFoundException"):
        kinesis.describe_stream_summary(StreamARN=f"arn:aws:kinesis:us-east-1:{account}:stream/{unique_name('nope')}")


# ----------------------------------------------------------------------------------------------- ListStreams

def test_list_streams_paging(kinesis, stream):
    prefix = unique_name("ls")
    names = sorted(stream(name=f"{prefix}-{i}").name for i in range(3))
    everything = kinesis.list_streams()
    assert everything["HasMoreStreams"] is False
    assert set(names) <= set(everything["StreamNames"])
    assert everything["StreamNames"] == sorted(everything["StreamNames"])
    summaries = {s["StreamName"]: s for s in everything["StreamSummaries"]}
    assert [s["StreamName"] for s in everything["StreamSummaries"]] == everything["StreamNames"]
    for name in names:
        summary = summaries[name]
        assert summary["StreamStatus"] == "ACTIVE"
        assert summary["StreamModeDetails"] == {"StreamMode": "PROVISIONED"}
        assert re.match(ARN_PATTERN, summary["StreamARN"]) and summary["StreamARN"].endswith("/" + name)
        assert "StreamCreationTimestamp" in summary

    # Limit + NextToken walks every stream exactly once.
    walked, response = [], kinesis.list_streams(Limit=1)
    for _ in range(10000):
        assert len(response["StreamNames"]) <= 1
        walked += response["StreamNames"]
        if not response["HasMoreStreams"]:
            break
        assert response.get("NextToken"), "HasMoreStreams without NextToken"
        response = kinesis.list_streams(NextToken=response["NextToken"], Limit=1)
    assert walked == everything["StreamNames"]

    # ExclusiveStartStreamName starts right after the given name.
    after_first = kinesis.list_streams(ExclusiveStartStreamName=names[0], Limit=2)
    assert after_first["StreamNames"] == names[1:3]
    assert [s["StreamName"] for s in after_first["StreamSummaries"]] == names[1:3]
    after_all = kinesis.list_streams(ExclusiveStartStreamName=names[2])
    assert names[2] not in after_all["StreamNames"]
    assert all(n > names[2] for n in after_all["StreamNames"])


# ----------------------------------------------------------------------------------------------- ListShards

def test_list_shards_paging_with_next_token(kinesis, stream):
    created = stream(shard_count=3)
    first = kinesis.list_shards(StreamName=created.name, MaxResults=1)
    assert [s["ShardId"] for s in first["Shards"]] == created.shard_ids[:1]
    assert first.get("NextToken")
    collected, response = list(first["Shards"]), first
    for _ in range(10):
        token = response.get("NextToken")
        if not token:
            break
        response = kinesis.list_shards(NextToken=token, MaxResults=1)
        assert len(response["Shards"]) <= 1
        if not response["Shards"]:
            break
        collected += response["Shards"]
    assert [s["ShardId"] for s in collected] == created.shard_ids
    for shard in collected:
        assert set(shard["HashKeyRange"]) == {"StartingHashKey", "EndingHashKey"}
        assert "StartingSequenceNumber" in shard["SequenceNumberRange"]


def test_list_shards_next_token_with_stream_name_is_invalid(kinesis, stream):
    created = stream(shard_count=2)
    token = kinesis.list_shards(StreamName=created.name, MaxResults=1)["NextToken"]
    with aws_error("InvalidArgumentException"):
        kinesis.list_shards(StreamName=created.name, NextToken=token)


def test_list_shards_exclusive_start_and_filters(kinesis, stream):
    created = stream(shard_count=4)
    ids = created.shard_ids
    assert [s["ShardId"] for s in kinesis.list_shards(StreamName=created.name)["Shards"]] == ids
    after = kinesis.list_shards(StreamName=created.name, ExclusiveStartShardId=ids[1])
    assert [s["ShardId"] for s in after["Shards"]] == ids[2:]
    limited = kinesis.list_shards(StreamName=created.name, ExclusiveStartShardId=ids[0], MaxResults=2)
    assert [s["ShardId"] for s in limited["Shards"]] == ids[1:3]
    for kind in ("AT_TRIM_HORIZON", "AT_LATEST", "FROM_TRIM_HORIZON"):
        filtered = kinesis.list_shards(StreamName=created.name, ShardFilter={"Type": kind})
        assert [s["ShardId"] for s in filtered["Shards"]] == ids, kind
    after_filter = kinesis.list_shards(StreamName=created.name,
                                       ShardFilter={"Type": "AFTER_SHARD_ID", "ShardId": ids[0]})
    assert [s["ShardId"] for s in after_filter["Shards"]] == ids[1:]


def test_list_shards_unknown_stream_is_not_found(kinesis):
    with aws_error("ResourceNotFoundException"):
        kinesis.list_shards(StreamName=unique_name("missing"))


# ----------------------------------------------------------------------------------------------- DescribeLimits

def test_describe_limits_counts_open_shards_and_on_demand_streams(kinesis, stream):
    before = kinesis.describe_limits()
    for key in ("ShardLimit", "OpenShardCount", "OnDemandStreamCount", "OnDemandStreamCountLimit"):
        assert isinstance(before[key], int), key
    assert before["ShardLimit"] > 0
    assert before["OnDemandStreamCountLimit"] > 0
    stream(shard_count=3)
    after_provisioned = kinesis.describe_limits()
    assert after_provisioned["OpenShardCount"] == before["OpenShardCount"] + 3
    assert after_provisioned["OnDemandStreamCount"] == before["OnDemandStreamCount"]
    stream(shard_count=None, mode="ON_DEMAND")
    after_on_demand = kinesis.describe_limits()
    # Whether AWS counts an on-demand stream's shards in OpenShardCount is not pinned down here.
    assert after_on_demand["OpenShardCount"] in (before["OpenShardCount"] + 3, before["OpenShardCount"] + 7)
    assert after_on_demand["OnDemandStreamCount"] == before["OnDemandStreamCount"] + 1
    assert after_on_demand["ShardLimit"] == before["ShardLimit"]


# ----------------------------------------------------------------------------------------------- restart

def test_streams_and_records_survive_restart(server, kinesis, stream):
    created = stream(shard_count=2)
    kinesis.add_tags_to_stream(StreamName=created.name, Tags={"team": "data"})
    kinesis.increase_stream_retention_period(StreamName=created.name, RetentionPeriodHours=48)
    puts = [kinesis.put_record(StreamName=created.name, Data=f"r{i}".encode(), PartitionKey=f"k{i}")
            for i in range(20)]
    server.restart()
    summary = wait_active(kinesis, created.name)
    assert summary["RetentionPeriodHours"] == 48
    assert summary["StreamARN"] == created.arn
    assert kinesis.list_tags_for_stream(StreamName=created.name)["Tags"] == [{"Key": "team", "Value": "data"}]
    assert [s["ShardId"] for s in list_all_shards(kinesis, created.name)] == created.shard_ids
    stored = {}
    for shard_id in created.shard_ids:
        iterator = kinesis.get_shard_iterator(StreamName=created.name, ShardId=shard_id,
                                              ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        for record in kinesis.get_records(ShardIterator=iterator)["Records"]:
            stored[record["SequenceNumber"]] = (shard_id, record["Data"])
    assert stored == {p["SequenceNumber"]: (p["ShardId"], f"r{i}".encode()) for i, p in enumerate(puts)}
    # New writes after the restart keep increasing the sequence numbers of their shard.
    again = kinesis.put_record(StreamName=created.name, Data=b"after", PartitionKey="k0")
    assert int(again["SequenceNumber"]) > int(puts[0]["SequenceNumber"])
