"""The Firehose control plane: lifecycle, describe, list, tags, UpdateDestination, encryption and the errors AWS
answers for each (botocore's `firehose` model and the API reference are the specification)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from support import FlaggedServerProcess, aws_error, unique_name, wait_until

from .harness import (
    ROLE_ARN, create_delivery_stream, delete_delivery_stream_and_wait, describe, firehose_client, s3_destination,
)

ARN_PATTERN = r"^arn:aws:firehose:us-east-1:\d{12}:deliverystream/{name}$"
SLOW_STATE_DELAY_MS = 1000


@pytest.fixture(scope="module")
def slow_firehose(tmp_path_factory):
    """A server whose CREATING/DELETING states last a second, so that they can be observed without racing."""
    base = tmp_path_factory.mktemp("firehose-slow")
    process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=SLOW_STATE_DELAY_MS)
    process.start()
    yield firehose_client(process.endpoint)
    process.stop()


def test_create_describe_delete_follow_creating_active_deleting(slow_firehose):
    name = unique_name("fh")
    answer = slow_firehose.create_delivery_stream(DeliveryStreamName=name,
                                                  ExtendedS3DestinationConfiguration=s3_destination("lifecycle"))
    assert re.match(ARN_PATTERN.replace("{name}", re.escape(name)), answer["DeliveryStreamARN"]), answer
    creating = describe(slow_firehose, name)
    assert creating["DeliveryStreamStatus"] == "CREATING"
    with aws_error("ResourceInUseException"):
        slow_firehose.create_delivery_stream(DeliveryStreamName=name,
                                             ExtendedS3DestinationConfiguration=s3_destination("lifecycle"))
    wait_until(lambda: describe(slow_firehose, name)["DeliveryStreamStatus"] == "ACTIVE", 10, what="ACTIVE")
    slow_firehose.delete_delivery_stream(DeliveryStreamName=name)
    assert describe(slow_firehose, name)["DeliveryStreamStatus"] == "DELETING"
    wait_until(lambda: name not in slow_firehose.list_delivery_streams(Limit=10000)["DeliveryStreamNames"], 10,
               what="gone from the list")
    with aws_error("ResourceNotFoundException"):
        describe(slow_firehose, name)


def test_describe_reports_the_destination_with_aws_defaults(delivery_stream, firehose):
    name = unique_name("fh")
    config = {"RoleARN": ROLE_ARN, "BucketARN": "arn:aws:s3:::described-bucket"}
    description = delivery_stream(name, ExtendedS3DestinationConfiguration=config)
    assert description["DeliveryStreamName"] == name
    assert re.match(ARN_PATTERN.replace("{name}", re.escape(name)), description["DeliveryStreamARN"])
    assert description["DeliveryStreamType"] == "DirectPut"
    assert description["VersionId"] == "1"
    assert isinstance(description["CreateTimestamp"], datetime)
    assert description["HasMoreDestinations"] is False
    assert len(description["Destinations"]) == 1
    destination = description["Destinations"][0]
    assert destination["DestinationId"] == "destinationId-000000000001"
    s3 = destination["ExtendedS3DestinationDescription"]
    assert s3["RoleARN"] == ROLE_ARN
    assert s3["BucketARN"] == "arn:aws:s3:::described-bucket"
    assert s3["BufferingHints"] == {"SizeInMBs": 5, "IntervalInSeconds": 300}
    assert s3["CompressionFormat"] == "UNCOMPRESSED"
    assert s3["EncryptionConfiguration"] == {"NoEncryptionConfig": "NoEncryption"}
    encryption = description.get("DeliveryStreamEncryptionConfiguration", {"Status": "DISABLED"})
    assert encryption["Status"] == "DISABLED"


def test_describe_echoes_the_configuration_given(delivery_stream):
    config = s3_destination("echo-bucket", size_mb=64, interval_seconds=60, compression="GZIP",
                            prefix="data/!{timestamp:yyyy}/", error_prefix="errors/!{firehose:error-output-type}/",
                            ProcessingConfiguration={"Enabled": True, "Processors": [
                                {"Type": "AppendDelimiterToRecord", "Parameters": []}]})
    description = delivery_stream(ExtendedS3DestinationConfiguration=config)
    s3 = description["Destinations"][0]["ExtendedS3DestinationDescription"]
    assert s3["BufferingHints"] == {"SizeInMBs": 64, "IntervalInSeconds": 60}
    assert s3["CompressionFormat"] == "GZIP"
    assert s3["Prefix"] == "data/!{timestamp:yyyy}/"
    assert s3["ErrorOutputPrefix"] == "errors/!{firehose:error-output-type}/"
    assert s3["ProcessingConfiguration"]["Enabled"] is True
    assert [p["Type"] for p in s3["ProcessingConfiguration"]["Processors"]] == ["AppendDelimiterToRecord"]


def test_duplicate_name_is_resource_in_use(delivery_stream, firehose):
    name = unique_name("fh")
    delivery_stream(name, ExtendedS3DestinationConfiguration=s3_destination("dup"))
    with aws_error("ResourceInUseException"):
        firehose.create_delivery_stream(DeliveryStreamName=name,
                                        ExtendedS3DestinationConfiguration=s3_destination("dup"))


@pytest.mark.parametrize("call", [
    lambda f, n: f.describe_delivery_stream(DeliveryStreamName=n),
    lambda f, n: f.delete_delivery_stream(DeliveryStreamName=n),
    lambda f, n: f.put_record(DeliveryStreamName=n, Record={"Data": b"x"}),
    lambda f, n: f.put_record_batch(DeliveryStreamName=n, Records=[{"Data": b"x"}]),
    lambda f, n: f.list_tags_for_delivery_stream(DeliveryStreamName=n),
    lambda f, n: f.tag_delivery_stream(DeliveryStreamName=n, Tags=[{"Key": "k", "Value": "v"}]),
    lambda f, n: f.untag_delivery_stream(DeliveryStreamName=n, TagKeys=["k"]),
    lambda f, n: f.update_destination(DeliveryStreamName=n, CurrentDeliveryStreamVersionId="1",
                                      DestinationId="destinationId-000000000001",
                                      ExtendedS3DestinationUpdate={"BufferingHints": {"SizeInMBs": 2,
                                                                                      "IntervalInSeconds": 60}}),
    lambda f, n: f.start_delivery_stream_encryption(DeliveryStreamName=n),
    lambda f, n: f.stop_delivery_stream_encryption(DeliveryStreamName=n),
], ids=["describe", "delete", "put-record", "put-record-batch", "list-tags", "tag", "untag", "update-destination",
        "start-encryption", "stop-encryption"])
def test_missing_delivery_stream_is_resource_not_found(firehose, call):
    with aws_error("ResourceNotFoundException"):
        call(firehose, unique_name("missing"))


def test_list_delivery_streams_pages_in_name_order(delivery_stream, firehose):
    token = unique_name("zzzz-list")
    names = [f"{token}-a", f"{token}-b", f"{token}-c"]
    for name in reversed(names):
        delivery_stream(name, ExtendedS3DestinationConfiguration=s3_destination("listing"))
    everything = firehose.list_delivery_streams(Limit=10000)
    assert everything["HasMoreDeliveryStreams"] is False
    listed = everything["DeliveryStreamNames"]
    assert listed == sorted(listed), "ListDeliveryStreams is alphabetical"
    assert set(names) <= set(listed)

    first = firehose.list_delivery_streams(Limit=2, ExclusiveStartDeliveryStreamName=f"{token}-")
    assert first["DeliveryStreamNames"] == names[:2]
    assert first["HasMoreDeliveryStreams"] is True
    second = firehose.list_delivery_streams(Limit=2, ExclusiveStartDeliveryStreamName=names[1])
    assert second["DeliveryStreamNames"] == names[2:]
    assert second["HasMoreDeliveryStreams"] is False

    default_page = firehose.list_delivery_streams()
    assert len(default_page["DeliveryStreamNames"]) <= 10, "the default Limit is 10"


def test_list_delivery_streams_filters_by_type(delivery_stream, firehose, kinesis, stream):
    direct = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination("typed"))["DeliveryStreamName"]
    source = stream(shard_count=1)
    from_stream = delivery_stream(
        DeliveryStreamType="KinesisStreamAsSource",
        KinesisStreamSourceConfiguration={"KinesisStreamARN": source.arn, "RoleARN": ROLE_ARN},
        ExtendedS3DestinationConfiguration=s3_destination("typed"))["DeliveryStreamName"]
    direct_names = firehose.list_delivery_streams(Limit=10000, DeliveryStreamType="DirectPut")["DeliveryStreamNames"]
    source_names = firehose.list_delivery_streams(Limit=10000,
                                                  DeliveryStreamType="KinesisStreamAsSource")["DeliveryStreamNames"]
    assert direct in direct_names and from_stream not in direct_names
    assert from_stream in source_names and direct not in source_names
    all_names = firehose.list_delivery_streams(Limit=10000)["DeliveryStreamNames"]
    assert {direct, from_stream} <= set(all_names)


def test_tags_are_added_listed_in_pages_and_removed(delivery_stream, firehose):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination("tags"),
                           Tags=[{"Key": "team", "Value": "data"}])["DeliveryStreamName"]
    listed = firehose.list_tags_for_delivery_stream(DeliveryStreamName=name)
    assert listed["Tags"] == [{"Key": "team", "Value": "data"}]
    assert listed["HasMoreTags"] is False

    firehose.tag_delivery_stream(DeliveryStreamName=name, Tags=[{"Key": "env", "Value": "test"},
                                                                {"Key": "team", "Value": "platform"}])
    everything = firehose.list_tags_for_delivery_stream(DeliveryStreamName=name)["Tags"]
    assert {tag["Key"]: tag["Value"] for tag in everything} == {"env": "test", "team": "platform"}

    first = firehose.list_tags_for_delivery_stream(DeliveryStreamName=name, Limit=1)
    assert len(first["Tags"]) == 1 and first["HasMoreTags"] is True
    rest = firehose.list_tags_for_delivery_stream(DeliveryStreamName=name,
                                                  ExclusiveStartTagKey=first["Tags"][0]["Key"])
    assert len(rest["Tags"]) == 1 and rest["HasMoreTags"] is False
    assert {first["Tags"][0]["Key"], rest["Tags"][0]["Key"]} == {"env", "team"}

    firehose.untag_delivery_stream(DeliveryStreamName=name, TagKeys=["team"])
    assert firehose.list_tags_for_delivery_stream(DeliveryStreamName=name)["Tags"] == [{"Key": "env", "Value": "test"}]


def test_more_than_fifty_tags_in_total_is_limit_exceeded(delivery_stream, firehose):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination("many-tags"))["DeliveryStreamName"]
    firehose.tag_delivery_stream(DeliveryStreamName=name, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
    with aws_error("LimitExceededException"):
        firehose.tag_delivery_stream(DeliveryStreamName=name, Tags=[{"Key": "one-more", "Value": "v"}])


def test_update_destination_bumps_the_version_and_rejects_a_stale_one(delivery_stream, firehose):
    description = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination("update"))
    name = description["DeliveryStreamName"]
    destination_id = description["Destinations"][0]["DestinationId"]
    firehose.update_destination(
        DeliveryStreamName=name, CurrentDeliveryStreamVersionId="1", DestinationId=destination_id,
        ExtendedS3DestinationUpdate={"BufferingHints": {"SizeInMBs": 2, "IntervalInSeconds": 60},
                                     "CompressionFormat": "GZIP", "Prefix": "updated/"})
    updated = wait_until(lambda: (d := describe(firehose, name))["DeliveryStreamStatus"] == "ACTIVE" and d, 10,
                         what="ACTIVE after update")
    assert updated["VersionId"] == "2"
    assert isinstance(updated.get("LastUpdateTimestamp"), datetime)
    s3 = updated["Destinations"][0]["ExtendedS3DestinationDescription"]
    assert s3["BufferingHints"] == {"SizeInMBs": 2, "IntervalInSeconds": 60}
    assert s3["CompressionFormat"] == "GZIP"
    assert s3["Prefix"] == "updated/"
    assert s3["BucketARN"] == "arn:aws:s3:::update", "fields not in the update are kept"

    with aws_error("ConcurrentModificationException"):
        firehose.update_destination(
            DeliveryStreamName=name, CurrentDeliveryStreamVersionId="1", DestinationId=destination_id,
            ExtendedS3DestinationUpdate={"CompressionFormat": "UNCOMPRESSED"})
    assert describe(firehose, name)["VersionId"] == "2"


def wait_encryption(firehose, name: str, status: str) -> dict:
    def probe():
        configuration = describe(firehose, name).get("DeliveryStreamEncryptionConfiguration") or {}
        return configuration if configuration.get("Status") == status else None
    return wait_until(probe, 10, what=f"encryption {status}")


def test_encryption_start_and_stop_show_in_describe_and_put_answers(delivery_stream, firehose):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination("sse"))["DeliveryStreamName"]
    assert firehose.put_record(DeliveryStreamName=name, Record={"Data": b"plain\n"}).get("Encrypted", False) is False

    firehose.start_delivery_stream_encryption(DeliveryStreamName=name,
                                              DeliveryStreamEncryptionConfigurationInput={"KeyType": "AWS_OWNED_CMK"})
    configuration = wait_encryption(firehose, name, "ENABLED")
    assert configuration["KeyType"] == "AWS_OWNED_CMK"
    assert firehose.put_record(DeliveryStreamName=name, Record={"Data": b"sealed\n"})["Encrypted"] is True
    batch = firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": b"sealed\n"}])
    assert batch["Encrypted"] is True

    firehose.stop_delivery_stream_encryption(DeliveryStreamName=name)
    wait_encryption(firehose, name, "DISABLED")
    assert firehose.put_record(DeliveryStreamName=name, Record={"Data": b"plain\n"}).get("Encrypted", False) is False


def test_encryption_requested_at_creation_is_enabled(delivery_stream, firehose):
    key_arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination("sse-create"),
                           DeliveryStreamEncryptionConfigurationInput={"KeyType": "CUSTOMER_MANAGED_CMK",
                                                                       "KeyARN": key_arn})["DeliveryStreamName"]
    configuration = wait_encryption(firehose, name, "ENABLED")
    assert configuration["KeyType"] == "CUSTOMER_MANAGED_CMK"
    assert configuration["KeyARN"] == key_arn


def test_put_answers_a_record_id_per_record(delivery_stream, firehose):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination("ids"))["DeliveryStreamName"]
    single = firehose.put_record(DeliveryStreamName=name, Record={"Data": b"one\n"})
    assert isinstance(single["RecordId"], str) and single["RecordId"]
    batch = firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": b"r%d\n" % i} for i in range(20)])
    assert batch["FailedPutCount"] == 0
    ids = [entry["RecordId"] for entry in batch["RequestResponses"]]
    assert len(ids) == 20 and all(ids)
    assert len(set(ids + [single["RecordId"]])) == 21, "record ids are unique"
    assert all("ErrorCode" not in entry for entry in batch["RequestResponses"])


def test_delete_then_recreate_with_the_same_name(firehose):
    name = unique_name("fh")
    create_delivery_stream(firehose, name, ExtendedS3DestinationConfiguration=s3_destination("again"))
    delete_delivery_stream_and_wait(firehose, name)
    description = create_delivery_stream(firehose, name, ExtendedS3DestinationConfiguration=s3_destination("again"))
    assert description["VersionId"] == "1"
    delete_delivery_stream_and_wait(firehose, name)
