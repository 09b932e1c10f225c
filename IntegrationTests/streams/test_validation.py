"""Input validation, error codes and the AWS JSON 1.1 error shape.

AWS answers ValidationException for violations of the service model's constraints (min, max, length, pattern,
enum, required) and InvalidArgumentException for semantic checks. Raw requests are used wherever botocore
would refuse the input before sending it.
"""

from __future__ import annotations

import uuid

import pytest

from support import (
    assert_raw_error, aws_error, b64, delete_and_wait, raw_call, read_shard, unique_name,
)

PATTERN_MESSAGE = ("1 validation error detected: Value 'a b' at 'streamName' failed to satisfy constraint: "
                   "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")


def call(server, operation, body):
    return raw_call(server.endpoint, operation, body)


def assert_stream_empty(kinesis, created):
    for shard_id in created.shard_ids:
        assert read_shard(kinesis, created.name, shard_id) == [], f"a rejected request stored records in {shard_id}"


# ----------------------------------------------------------------------------------------------- stream names

def test_stream_name_pattern(server):
    response = call(server, "CreateStream", {"StreamName": "a b", "ShardCount": 1})
    assert_raw_error(response, "ValidationException")
    assert response.error_message == PATTERN_MESSAGE
    response = call(server, "DescribeStreamSummary", {"StreamName": "a b"})
    assert_raw_error(response, "ValidationException", message_contains="Member must satisfy regular expression "
                                                                        "pattern: [a-zA-Z0-9_.-]+")


def test_stream_name_too_long(server):
    name = "n" * 129
    response = call(server, "CreateStream", {"StreamName": name, "ShardCount": 1})
    assert_raw_error(response, "ValidationException", message_contains=(
        f"Value '{name}' at 'streamName' failed to satisfy constraint: "
        "Member must have length less than or equal to 128"))
    assert response.error_message.startswith("1 validation error detected: ")


def test_stream_name_of_128_characters_is_fine(kinesis, stream):
    created = stream(name="x" * 96 + uuid.uuid4().hex)
    assert len(created.name) == 128


def test_missing_stream_name_on_create(server):
    response = call(server, "CreateStream", {"ShardCount": 1})
    assert_raw_error(response, "ValidationException", message_contains="Member must not be null")
    assert "streamName" in response.error_message


def test_shard_count_zero(server):
    response = call(server, "CreateStream", {"StreamName": unique_name("zero"), "ShardCount": 0})
    assert_raw_error(response, "ValidationException", message_contains=(
        "Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1"))


def test_shard_count_over_account_limit(kinesis):
    limit = kinesis.describe_limits()["ShardLimit"]
    name = unique_name("toomany")
    try:
        with aws_error("LimitExceededException"):
            kinesis.create_stream(StreamName=name, ShardCount=limit + 1)
        with aws_error("ResourceNotFoundException"):
            kinesis.describe_stream_summary(StreamName=name)
    finally:
        delete_and_wait(kinesis, name)


def test_wrong_json_type_is_serialization_error(server):
    response = call(server, "CreateStream", {"StreamName": unique_name("type"), "ShardCount": "three"})
    assert_raw_error(response, "SerializationException")


# ----------------------------------------------------------------------------------------------- records

def test_empty_partition_key(server, kinesis, stream):
    created = stream()
    response = call(server, "PutRecord", {"StreamName": created.name, "Data": b64(b"x"), "PartitionKey": ""})
    assert_raw_error(response, "ValidationException", message_contains=(
        "Value '' at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1"))
    assert_stream_empty(kinesis, created)


def test_partition_key_length_limit(server, kinesis, stream):
    created = stream()
    response = call(server, "PutRecord", {"StreamName": created.name, "Data": b64(b"x"), "PartitionKey": "p" * 257})
    assert_raw_error(response, "ValidationException",
                     message_contains="Member must have length less than or equal to 256")
    assert_stream_empty(kinesis, created)
    ok = kinesis.put_record(StreamName=created.name, Data=b"x", PartitionKey="p" * 256)
    assert ok["ShardId"] == created.shard_ids[0]


def test_record_data_over_one_mebibyte(server, kinesis, stream):
    created = stream()
    # The model now allows blobs up to 10 MiB, but a stream's default maximum record size is 1 MiB (1024 KiB):
    # AWS rejects such a record; whether as ValidationException or InvalidArgumentException is not pinned here.
    response = call(server, "PutRecord", {"StreamName": created.name, "Data": b64(b"z" * (1024 * 1024 + 1)),
                                          "PartitionKey": "k"})
    assert_raw_error(response, ("ValidationException", "InvalidArgumentException"))
    response = call(server, "PutRecords", {"StreamName": created.name, "Records": [
        {"Data": b64(b"z" * (1024 * 1024 + 1)), "PartitionKey": "k"}]})
    assert_raw_error(response, ("ValidationException", "InvalidArgumentException"))
    assert_stream_empty(kinesis, created)


def test_put_records_over_500_records(server, kinesis, stream):
    created = stream()
    records = [{"Data": b64(b"r"), "PartitionKey": f"k{i}"} for i in range(501)]
    response = call(server, "PutRecords", {"StreamName": created.name, "Records": records})
    assert_raw_error(response, "ValidationException",
                     message_contains="Member must have length less than or equal to 500")
    assert "'records'" in response.error_message
    assert_stream_empty(kinesis, created)
    ok = kinesis.put_records(StreamName=created.name,
                             Records=[{"Data": b"r", "PartitionKey": f"k{i}"} for i in range(500)])
    assert ok["FailedRecordCount"] == 0 and len(ok["Records"]) == 500


def test_put_records_empty_list(server, stream):
    created = stream()
    response = call(server, "PutRecords", {"StreamName": created.name, "Records": []})
    assert_raw_error(response, "ValidationException",
                     message_contains="Member must have length greater than or equal to 1")


def test_put_records_over_total_size_limit(server, kinesis, stream):
    created = stream()
    # 11 records of 1,000,000 bytes: over both the old 5 MiB and the current 10 MiB request limit,
    # while every single record is within the 1 MiB record limit.
    record = {"Data": b64(b"s" * 1_000_000), "PartitionKey": "k"}
    response = call(server, "PutRecords", {"StreamName": created.name, "Records": [record] * 11})
    assert_raw_error(response, "InvalidArgumentException")
    assert_stream_empty(kinesis, created)


def test_rejected_put_records_stores_nothing(server, kinesis, stream):
    created = stream(shard_count=2)
    records = [{"Data": b64(f"ok{i}".encode()), "PartitionKey": f"k{i}"} for i in range(20)]
    records.insert(10, {"Data": b64(b"bad"), "PartitionKey": ""})
    response = call(server, "PutRecords", {"StreamName": created.name, "Records": records})
    assert_raw_error(response, "ValidationException", message_contains="partitionKey")
    assert_stream_empty(kinesis, created)


def test_get_records_limit_bounds(server, kinesis, stream):
    created = stream()
    kinesis.put_record(StreamName=created.name, Data=b"x", PartitionKey="k")
    iterator = kinesis.get_shard_iterator(StreamName=created.name, ShardId=created.shard_ids[0],
                                          ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    response = call(server, "GetRecords", {"ShardIterator": iterator, "Limit": 0})
    assert_raw_error(response, "ValidationException", message_contains=(
        "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"))
    # The model says max 10000 (ValidationException); the API reference says InvalidArgumentException.
    response = call(server, "GetRecords", {"ShardIterator": iterator, "Limit": 10001})
    assert_raw_error(response, ("ValidationException", "InvalidArgumentException"))
    assert len(kinesis.get_records(ShardIterator=iterator, Limit=10000)["Records"]) == 1


def test_invalid_shard_iterator_type(server, stream):
    created = stream()
    response = call(server, "GetShardIterator", {"StreamName": created.name, "ShardId": created.shard_ids[0],
                                                 "ShardIteratorType": "NOPE"})
    assert_raw_error(response, "ValidationException", message_contains="Member must satisfy enum value set")


# ----------------------------------------------------------------------------------------------- not found

def test_unknown_stream_is_not_found(kinesis):
    name = unique_name("missing")
    with aws_error("ResourceNotFoundException", message_contains=name):
        kinesis.put_record(StreamName=name, Data=b"x", PartitionKey="k")
    with aws_error("ResourceNotFoundException", message_contains=name):
        kinesis.put_records(StreamName=name, Records=[{"Data": b"x", "PartitionKey": "k"}])
    with aws_error("ResourceNotFoundException", message_contains=name):
        kinesis.get_shard_iterator(StreamName=name, ShardId="shardId-000000000000", ShardIteratorType="LATEST")
    with aws_error("ResourceNotFoundException", message_contains=name):
        kinesis.delete_stream(StreamName=name)
    with aws_error("ResourceNotFoundException"):
        kinesis.list_shards(StreamName=name)


def test_unknown_shard_is_not_found(kinesis, stream):
    created = stream(shard_count=2)
    with aws_error("ResourceNotFoundException", message_contains="shardId-000000000002"):
        kinesis.get_shard_iterator(StreamName=created.name, ShardId="shardId-000000000002",
                                   ShardIteratorType="TRIM_HORIZON")
    with aws_error("ResourceNotFoundException"):
        kinesis.get_shard_iterator(StreamName=created.name, ShardId="shardId-000000000099",
                                   ShardIteratorType="LATEST")


# ----------------------------------------------------------------------------------------------- protocol

def test_malformed_json_is_serialization_exception(server):
    response = raw_call(server.endpoint, "ListStreams", b"{not json")
    assert_raw_error(response, "SerializationException")
    assert response.header("x-amzn-RequestId")


def test_unknown_operation(server):
    response = raw_call(server.endpoint, None, {}, target="Kinesis_20131202.Nope")
    assert_raw_error(response, "UnknownOperationException")
    assert response.header("x-amzn-RequestId")


def test_every_answer_has_a_request_id_and_json_content_type(server, stream):
    created = stream()
    answers = [
        call(server, "ListStreams", {}),
        call(server, "DescribeStreamSummary", {"StreamName": created.name}),
        call(server, "PutRecord", {"StreamName": created.name, "Data": b64(b"x"), "PartitionKey": "k"}),
        call(server, "DescribeStreamSummary", {"StreamName": unique_name("missing")}),
        call(server, "CreateStream", {"StreamName": "a b", "ShardCount": 1}),
        raw_call(server.endpoint, None, {}, target="Kinesis_20131202.Nope"),
        raw_call(server.endpoint, "ListStreams", b"[[["),
    ]
    request_ids = []
    for answer in answers:
        request_id = answer.header("x-amzn-RequestId")
        assert request_id, f"no x-amzn-RequestId on {answer.status} {answer.text[:200]}"
        request_ids.append(request_id)
        assert (answer.header("Content-Type") or "").startswith("application/x-amz-json-1.1"), answer.headers
    assert len(set(request_ids)) == len(request_ids), "request ids must be unique"
    assert [a.status for a in answers] == [200, 200, 200, 400, 400, 400, 400]


@pytest.mark.parametrize("operation,body,code", [
    ("DescribeStreamSummary", {"StreamName": "it-does-not-exist-anywhere"}, "ResourceNotFoundException"),
    ("CreateStream", {"StreamName": "a b", "ShardCount": 1}, "ValidationException"),
    ("GetRecords", {"ShardIterator": "not-an-iterator"}, "InvalidArgumentException"),
])
def test_error_body_shape(server, operation, body, code):
    response = call(server, operation, body)
    assert_raw_error(response, code)
    document = response.json
    assert isinstance(document, dict)
    assert document["__type"].split("#")[-1] == code
    assert isinstance(document.get("message"), str) and document["message"]


@pytest.mark.parametrize("operation,body,fragment", [
    ("ListStreams", {"Limit": 0}, "Member must have value greater than or equal to 1"),
    ("ListStreams", {"Limit": 10001}, "Member must have value less than or equal to 10000"),
    ("DescribeStream", {"StreamName": "x", "Limit": 0}, "Member must have value greater than or equal to 1"),
    ("ListShards", {"StreamName": "x", "MaxResults": 0}, "Member must have value greater than or equal to 1"),
    ("ListTagsForStream", {"StreamName": "x", "Limit": 51}, "Member must have value less than or equal to 50"),
    ("GetShardIterator", {"StreamName": "x", "ShardId": "shardId-000000000000",
                          "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": "12ab"},
     "Member must satisfy regular expression pattern"),
    ("GetShardIterator", {"StreamName": "x", "ShardId": "shard id", "ShardIteratorType": "LATEST"},
     "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
])
def test_model_constraints_are_validation_errors(server, operation, body, fragment):
    # Validation happens before the stream is looked up, so the stream "x" need not exist.
    response = call(server, operation, body)
    assert_raw_error(response, "ValidationException", message_contains=fragment)
    assert response.error_message.startswith("1 validation error detected: Value ")


def test_foreign_sequence_number_is_invalid_argument(kinesis, stream):
    created = stream()
    kinesis.put_record(StreamName=created.name, Data=b"x", PartitionKey="k")
    with aws_error("InvalidArgumentException"):
        kinesis.get_shard_iterator(StreamName=created.name, ShardId=created.shard_ids[0],
                                   ShardIteratorType="AT_SEQUENCE_NUMBER", StartingSequenceNumber="12345")


def test_list_shards_next_token_with_exclusive_start_is_invalid(kinesis, stream):
    created = stream(shard_count=3)
    token = kinesis.list_shards(StreamName=created.name, MaxResults=1)["NextToken"]
    with aws_error("InvalidArgumentException"):
        kinesis.list_shards(NextToken=token, ExclusiveStartShardId=created.shard_ids[0])
