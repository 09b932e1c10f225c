"""The rest of the milestone's API: enhanced monitoring, account settings, resource policies, maximum record
size, warm throughput, stream mode, DescribeLimits, and ListShards filters after a reshard."""

from __future__ import annotations

import datetime
import json
import os
import time

import pytest

from support import (
    HASH_SPACE, aws_error, b64, consumer_stream_factory, create_stream, delete_and_wait, list_all_shards, raw_call,
    read_shard, wait_gone,
    register_active_consumer, stream_status, unique_name, wait_active,
)

ALL_METRICS = {"IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords",
               "WriteProvisionedThroughputExceeded", "ReadProvisionedThroughputExceeded", "IteratorAgeMilliseconds"}


@pytest.fixture
def stream(kinesis):
    with consumer_stream_factory(kinesis) as factory:
        yield factory


def ids(shards):
    return [s["ShardId"] for s in shards]


# ----------------------------------------------------------------------------------------------- enhanced monitoring

def monitored(kinesis, name) -> set:
    summary = kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
    metrics = set()
    for entry in summary["EnhancedMonitoring"]:
        metrics |= set(entry.get("ShardLevelMetrics", []))
    return metrics


def test_enable_and_disable_enhanced_monitoring(kinesis, stream):
    created = stream()
    assert monitored(kinesis, created.name) == set()
    answer = kinesis.enable_enhanced_monitoring(StreamName=created.name,
                                                ShardLevelMetrics=["IncomingBytes", "OutgoingRecords"])
    assert answer["StreamName"] == created.name
    assert answer["StreamARN"] == created.arn
    assert set(answer["CurrentShardLevelMetrics"]) == set()
    assert set(answer["DesiredShardLevelMetrics"]) == {"IncomingBytes", "OutgoingRecords"}
    wait_active(kinesis, created.name)
    assert monitored(kinesis, created.name) == {"IncomingBytes", "OutgoingRecords"}

    # Enabling is additive; enabling again what is enabled changes nothing.
    answer = kinesis.enable_enhanced_monitoring(StreamName=created.name, ShardLevelMetrics=["IncomingBytes",
                                                                                           "IteratorAgeMilliseconds"])
    assert set(answer["CurrentShardLevelMetrics"]) == {"IncomingBytes", "OutgoingRecords"}
    assert set(answer["DesiredShardLevelMetrics"]) == {"IncomingBytes", "OutgoingRecords", "IteratorAgeMilliseconds"}
    wait_active(kinesis, created.name)

    answer = kinesis.disable_enhanced_monitoring(StreamName=created.name, ShardLevelMetrics=["OutgoingRecords"])
    assert set(answer["CurrentShardLevelMetrics"]) == {"IncomingBytes", "OutgoingRecords", "IteratorAgeMilliseconds"}
    assert set(answer["DesiredShardLevelMetrics"]) == {"IncomingBytes", "IteratorAgeMilliseconds"}
    wait_active(kinesis, created.name)
    assert monitored(kinesis, created.name) == {"IncomingBytes", "IteratorAgeMilliseconds"}

    # "ALL" enables every metric, and disables every metric.
    answer = kinesis.enable_enhanced_monitoring(StreamName=created.name, ShardLevelMetrics=["ALL"])
    assert set(answer["DesiredShardLevelMetrics"]) - {"ALL"} == ALL_METRICS
    wait_active(kinesis, created.name)
    assert monitored(kinesis, created.name) - {"ALL"} == ALL_METRICS
    described = kinesis.describe_stream(StreamName=created.name)["StreamDescription"]
    assert set().union(*[set(e.get("ShardLevelMetrics", [])) for e in described["EnhancedMonitoring"]]) - {"ALL"} \
        == ALL_METRICS
    answer = kinesis.disable_enhanced_monitoring(StreamName=created.name, ShardLevelMetrics=["ALL"])
    assert set(answer["DesiredShardLevelMetrics"]) == set()
    wait_active(kinesis, created.name)
    assert monitored(kinesis, created.name) == set()


def test_enhanced_monitoring_errors(server, kinesis, stream):
    created = stream()
    with aws_error("ResourceNotFoundException"):
        kinesis.enable_enhanced_monitoring(StreamName=unique_name("missing"), ShardLevelMetrics=["ALL"])
    response = raw_call(server.endpoint, "EnableEnhancedMonitoring",
                        {"StreamName": created.name, "ShardLevelMetrics": ["NotAMetric"]})
    assert response.status == 400
    assert response.error_code in ("ValidationException", "InvalidArgumentException"), response.text
    response = raw_call(server.endpoint, "EnableEnhancedMonitoring", {"StreamName": created.name,
                                                                      "ShardLevelMetrics": []})
    assert response.status == 400, response.text
    assert monitored(kinesis, created.name) == set()


# ----------------------------------------------------------------------------------------------- account settings

def test_account_settings_minimum_throughput_billing_commitment(server, kinesis):
    initial = kinesis.describe_account_settings()
    assert initial["ResponseMetadata"]["HTTPStatusCode"] == 200
    commitment = initial.get("MinimumThroughputBillingCommitment")
    if commitment is not None:
        assert commitment["Status"] in ("ENABLED", "DISABLED", "ENABLED_UNTIL_EARLIEST_ALLOWED_END")
    try:
        answer = kinesis.update_account_settings(MinimumThroughputBillingCommitment={"Status": "ENABLED"})
        enabled = answer["MinimumThroughputBillingCommitment"]
        assert enabled["Status"] == "ENABLED"
        assert isinstance(enabled["StartedAt"], datetime.datetime)
        described = kinesis.describe_account_settings()["MinimumThroughputBillingCommitment"]
        assert described["Status"] == "ENABLED"
        assert described["StartedAt"] == enabled["StartedAt"]
        answer = kinesis.update_account_settings(MinimumThroughputBillingCommitment={"Status": "DISABLED"})
        # AWS keeps a commitment until its earliest allowed end, reporting ENABLED_UNTIL_EARLIEST_ALLOWED_END.
        assert answer["MinimumThroughputBillingCommitment"]["Status"] in ("DISABLED",
                                                                          "ENABLED_UNTIL_EARLIEST_ALLOWED_END")
        described = kinesis.describe_account_settings()["MinimumThroughputBillingCommitment"]
        assert described["Status"] == answer["MinimumThroughputBillingCommitment"]["Status"]
        response = raw_call(server.endpoint, "UpdateAccountSettings",
                            {"MinimumThroughputBillingCommitment": {"Status": "MAYBE"}})
        assert response.status == 400
        assert response.error_code in ("ValidationException", "InvalidArgumentException"), response.text
    finally:
        raw_call(server.endpoint, "UpdateAccountSettings", {"MinimumThroughputBillingCommitment": {"Status": "DISABLED"}})


# ----------------------------------------------------------------------------------------------- resource policies

def policy_for(resource_arn: str) -> str:
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Sid": "read", "Effect": "Allow",
                       "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                       "Action": ["kinesis:GetRecords", "kinesis:DescribeStreamSummary"],
                       "Resource": resource_arn}],
    })


def no_policy(kinesis, arn: str) -> bool:
    try:
        policy = kinesis.get_resource_policy(ResourceARN=arn)["Policy"]
    except kinesis.exceptions.ResourceNotFoundException:
        return True
    return policy in ("", "{}")


def test_resource_policy_on_stream_and_consumer(kinesis, stream):
    created = stream()
    assert no_policy(kinesis, created.arn)
    policy = policy_for(created.arn)
    kinesis.put_resource_policy(ResourceARN=created.arn, Policy=policy)
    assert json.loads(kinesis.get_resource_policy(ResourceARN=created.arn)["Policy"]) == json.loads(policy)
    # Replacing.
    replaced = policy_for(created.arn).replace("GetRecords", "ListShards")
    kinesis.put_resource_policy(ResourceARN=created.arn, Policy=replaced)
    assert json.loads(kinesis.get_resource_policy(ResourceARN=created.arn)["Policy"]) == json.loads(replaced)

    consumer = register_active_consumer(kinesis, created.arn, "pol")
    consumer_policy = policy_for(consumer).replace("GetRecords", "SubscribeToShard")
    kinesis.put_resource_policy(ResourceARN=consumer, Policy=consumer_policy)
    assert json.loads(kinesis.get_resource_policy(ResourceARN=consumer)["Policy"]) == json.loads(consumer_policy)
    assert json.loads(kinesis.get_resource_policy(ResourceARN=created.arn)["Policy"]) == json.loads(replaced)

    kinesis.delete_resource_policy(ResourceARN=created.arn)
    assert no_policy(kinesis, created.arn)
    assert json.loads(kinesis.get_resource_policy(ResourceARN=consumer)["Policy"]) == json.loads(consumer_policy)
    kinesis.delete_resource_policy(ResourceARN=consumer)
    assert no_policy(kinesis, consumer)


def test_resource_policy_errors(kinesis, stream):
    created = stream()
    with aws_error("InvalidArgumentException"):
        kinesis.put_resource_policy(ResourceARN=created.arn, Policy="this is not json")
    with aws_error("InvalidArgumentException"):
        kinesis.put_resource_policy(ResourceARN=created.arn, Policy='{"Version": "2012-10-17", "Statement": [')
    assert no_policy(kinesis, created.arn)
    missing = created.arn.replace(created.name, unique_name("missing"))
    with aws_error("ResourceNotFoundException"):
        kinesis.put_resource_policy(ResourceARN=missing, Policy=policy_for(missing))
    with aws_error("ResourceNotFoundException"):
        kinesis.get_resource_policy(ResourceARN=missing)
    with aws_error(("ResourceNotFoundException", "InvalidArgumentException")):
        kinesis.put_resource_policy(ResourceARN=f"{created.arn}/consumer/nobody:1700000000",
                                    Policy=policy_for(created.arn))


# ----------------------------------------------------------------------------------------------- max record size

def test_update_max_record_size_allows_bigger_records(server, kinesis, stream):
    created = stream()
    big = os.urandom(2 * 1024 * 1024)
    summary = kinesis.describe_stream_summary(StreamName=created.name)["StreamDescriptionSummary"]
    assert summary.get("MaxRecordSizeInKiB", 1024) == 1024
    refused = raw_call(server.endpoint, "PutRecord", {"StreamName": created.name, "Data": b64(big),
                                                      "PartitionKey": "big"})
    assert refused.status == 400
    assert refused.error_code in ("ValidationException", "InvalidArgumentException"), refused.text[:300]

    kinesis.update_max_record_size(StreamARN=created.arn, MaxRecordSizeInKiB=10240)
    summary = wait_active(kinesis, created.name)
    assert summary["MaxRecordSizeInKiB"] == 10240
    answer = kinesis.put_record(StreamName=created.name, Data=big, PartitionKey="big")
    assert answer["ShardId"] == created.shard_ids[0]
    batch = kinesis.put_records(StreamName=created.name, Records=[{"Data": big[:1536 * 1024], "PartitionKey": "b"}])
    assert batch["FailedRecordCount"] == 0
    records = read_shard(kinesis, created.name, created.shard_ids[0])
    assert [r["Data"] for r in records] == [big, big[:1536 * 1024]]

    # Back down to 3 MiB: a 2 MiB record still fits, a 4 MiB one does not.
    kinesis.update_max_record_size(StreamARN=created.arn, MaxRecordSizeInKiB=3072)
    assert wait_active(kinesis, created.name)["MaxRecordSizeInKiB"] == 3072
    refused = raw_call(server.endpoint, "PutRecord", {"StreamName": created.name,
                                                      "Data": b64(os.urandom(4 * 1024 * 1024)),
                                                      "PartitionKey": "big"})
    assert refused.status == 400, refused.text[:300]


def test_update_max_record_size_bounds(server, kinesis, stream):
    created = stream()
    for size in (1023, 10241, 0):
        response = raw_call(server.endpoint, "UpdateMaxRecordSize",
                            {"StreamARN": created.arn, "MaxRecordSizeInKiB": size})
        assert response.status == 400, (size, response.text)
        assert response.error_code == "ValidationException", (size, response.text)
    assert kinesis.describe_stream_summary(StreamName=created.name)["StreamDescriptionSummary"].get(
        "MaxRecordSizeInKiB", 1024) == 1024
    missing = created.arn.replace(created.name, unique_name("missing"))
    with aws_error("ResourceNotFoundException"):
        kinesis.update_max_record_size(StreamARN=missing, MaxRecordSizeInKiB=2048)


# ----------------------------------------------------------------------------------------------- warm throughput & mode

def test_update_stream_warm_throughput(kinesis, stream):
    created = stream(shard_count=None, mode="ON_DEMAND")
    answer = kinesis.update_stream_warm_throughput(StreamName=created.name, WarmThroughputMiBps=25)
    assert answer["StreamName"] == created.name
    assert answer["StreamARN"] == created.arn
    assert answer["WarmThroughput"]["TargetMiBps"] == 25
    summary = wait_active(kinesis, created.name)
    assert summary["WarmThroughput"]["TargetMiBps"] == 25
    with aws_error("ResourceNotFoundException"):
        kinesis.update_stream_warm_throughput(StreamName=unique_name("missing"), WarmThroughputMiBps=25)


def test_update_stream_mode_both_ways(kinesis, stream):
    created = stream(shard_count=2)
    before = kinesis.describe_limits()["OnDemandStreamCount"]
    kinesis.update_stream_mode(StreamARN=created.arn, StreamModeDetails={"StreamMode": "ON_DEMAND"})
    summary = wait_active(kinesis, created.name)
    assert summary["StreamModeDetails"]["StreamMode"] == "ON_DEMAND"
    assert kinesis.describe_limits()["OnDemandStreamCount"] == before + 1
    kinesis.put_record(StreamName=created.name, Data=b"on-demand", PartitionKey="k")
    kinesis.update_stream_mode(StreamARN=created.arn, StreamModeDetails={"StreamMode": "PROVISIONED"})
    summary = wait_active(kinesis, created.name)
    assert summary["StreamModeDetails"]["StreamMode"] == "PROVISIONED"
    assert kinesis.describe_limits()["OnDemandStreamCount"] == before
    described = kinesis.describe_stream(StreamName=created.name)["StreamDescription"]
    assert described["StreamModeDetails"]["StreamMode"] == "PROVISIONED"


def test_update_stream_mode_errors(server, kinesis, stream):
    created = stream()
    missing = created.arn.replace(created.name, unique_name("missing"))
    with aws_error("ResourceNotFoundException"):
        kinesis.update_stream_mode(StreamARN=missing, StreamModeDetails={"StreamMode": "ON_DEMAND"})
    response = raw_call(server.endpoint, "UpdateStreamMode",
                        {"StreamARN": created.arn, "StreamModeDetails": {"StreamMode": "SOMETIMES"}})
    assert response.status == 400
    assert response.error_code in ("ValidationException", "InvalidArgumentException"), response.text
    assert stream_status(kinesis, created.name) == "ACTIVE"


# ----------------------------------------------------------------------------------------------- DescribeLimits

def test_describe_limits_real_counts(kinesis, stream):
    before = kinesis.describe_limits()
    created = stream(shard_count=3)
    assert kinesis.describe_limits()["OpenShardCount"] == before["OpenShardCount"] + 3
    kinesis.update_shard_count(StreamName=created.name, TargetShardCount=6, ScalingType="UNIFORM_SCALING")
    wait_active(kinesis, created.name)
    assert kinesis.describe_limits()["OpenShardCount"] == before["OpenShardCount"] + 6
    kinesis.update_stream_mode(StreamARN=created.arn, StreamModeDetails={"StreamMode": "ON_DEMAND"})
    wait_active(kinesis, created.name)
    assert kinesis.describe_limits()["OnDemandStreamCount"] == before["OnDemandStreamCount"] + 1


# ----------------------------------------------------------------------------------------------- ListShards filters

def test_list_shards_filters_after_a_split(kinesis, stream):
    created = stream(shard_count=2)
    s0, s1 = created.shard_ids
    time.sleep(1.1)  # botocore sends whole seconds
    before_split = datetime.datetime.now(datetime.timezone.utc)
    time.sleep(1.1)  # botocore sends whole seconds
    kinesis.split_shard(StreamName=created.name, ShardToSplit=s0, NewStartingHashKey=str(HASH_SPACE // 4))
    wait_active(kinesis, created.name)
    time.sleep(1.1)  # botocore sends whole seconds
    after_split = datetime.datetime.now(datetime.timezone.utc)
    everything = ids(list_all_shards(kinesis, created.name))
    assert everything == [s0, s1, "shardId-000000000002", "shardId-000000000003"]
    s2, s3 = everything[2:]

    def listed(**shard_filter):
        return ids(kinesis.list_shards(StreamName=created.name, ShardFilter=shard_filter)["Shards"])

    assert listed(Type="AT_LATEST") == [s1, s2, s3]
    assert listed(Type="AT_TRIM_HORIZON") == [s0, s1]
    assert listed(Type="FROM_TRIM_HORIZON") == [s0, s1, s2, s3]
    assert listed(Type="AFTER_SHARD_ID", ShardId=s0) == [s1, s2, s3]
    assert listed(Type="AFTER_SHARD_ID", ShardId=s1) == [s2, s3]
    assert listed(Type="AT_TIMESTAMP", Timestamp=before_split) == [s0, s1]
    assert listed(Type="AT_TIMESTAMP", Timestamp=after_split) == [s1, s2, s3]
    assert listed(Type="FROM_TIMESTAMP", Timestamp=before_split) == [s0, s1, s2, s3]
    assert listed(Type="FROM_TIMESTAMP", Timestamp=after_split) == [s1, s2, s3]
    # ListShards without a filter lists every shard, as DescribeStream does.
    assert ids(kinesis.list_shards(StreamName=created.name)["Shards"]) == everything


def test_list_shards_filter_errors(server, kinesis, stream):
    created = stream(shard_count=2)
    for shard_filter in ({"Type": "AFTER_SHARD_ID"}, {"Type": "AT_TIMESTAMP"}, {"Type": "FROM_TIMESTAMP"},
                         {"Type": "SIDEWAYS"}):
        response = raw_call(server.endpoint, "ListShards", {"StreamName": created.name, "ShardFilter": shard_filter})
        assert response.status == 400, (shard_filter, response.text)
        assert response.error_code in ("InvalidArgumentException", "ValidationException"), (shard_filter,
                                                                                              response.text)


def test_list_shards_filters_paging_after_update_shard_count(kinesis, stream):
    created = stream(shard_count=2)
    kinesis.update_shard_count(StreamName=created.name, TargetShardCount=4, ScalingType="UNIFORM_SCALING")
    wait_active(kinesis, created.name)
    everything = list_all_shards(kinesis, created.name)
    open_ids = [s["ShardId"] for s in everything if "EndingSequenceNumber" not in s["SequenceNumberRange"]]
    assert len(open_ids) == 4
    page = kinesis.list_shards(StreamName=created.name, ShardFilter={"Type": "AT_LATEST"}, MaxResults=3)
    collected = ids(page["Shards"])
    token = page.get("NextToken")
    assert token, "a 3-shard page of 4 open shards must have a NextToken"
    for _ in range(10):
        if not token:
            break
        page = kinesis.list_shards(NextToken=token, MaxResults=3)
        collected += ids(page["Shards"])
        token = page.get("NextToken")
    assert collected == open_ids


def test_resource_policies_go_with_their_stream_and_consumer(kinesis):
    """A deleted stream (and a deregistered consumer) takes its policy along: a stream created again under the
    same name is a new resource and starts without one."""
    created = create_stream(kinesis)
    consumer = register_active_consumer(kinesis, created.arn, "gone")
    kinesis.put_resource_policy(ResourceARN=created.arn, Policy=policy_for(created.arn))
    kinesis.put_resource_policy(ResourceARN=consumer, Policy=policy_for(consumer))
    kinesis.delete_stream(StreamName=created.name, EnforceConsumerDeletion=True)
    wait_gone(kinesis, created.name)
    again = create_stream(kinesis, name=created.name)
    try:
        assert no_policy(kinesis, again.arn)
    finally:
        delete_and_wait(kinesis, again.name)
