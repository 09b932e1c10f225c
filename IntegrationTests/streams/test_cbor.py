"""The CBOR protocol (Content-Type application/x-amz-cbor-1.1), as the AWS Java SDK and the KCL use it.

Requests and answers are CBOR maps with the same member names as JSON; blobs are byte strings, timestamps are
CBOR tag 1 holding epoch *milliseconds* (what the AWS SDK for Java writes and reads for Kinesis:
SdkCborGenerator writes `tag 1, date.getTime()`; not RFC 8949's seconds), errors are maps with `__type` and
`message`. The same call through CBOR and through
JSON must give the same answer once blobs and timestamps are compared as values and volatile fields (sequence
numbers, iterators) are set aside.
"""

from __future__ import annotations

import base64
import json
import math
import time

import cbor2
import pytest
import requests
from cbor2 import CBORTag

from support import (
    JSON_CONTENT_TYPE, raw_call, signed_headers, unique_name, wait_active,
)

CBOR_CONTENT_TYPE = "application/x-amz-cbor-1.1"


class EpochMillis(int):
    """The value of a CBOR tag 1 in an answer: epoch milliseconds."""


def epoch_millis(value, immutable=False):
    assert isinstance(value, int) and not isinstance(value, bool), f"tag 1 holds {value!r}"
    return EpochMillis(value)


# cbor2 decodes tag 1 itself (as seconds); keep the raw value instead.
DECODERS = {1: epoch_millis}


def millis(moment: float) -> CBORTag:
    """A request timestamp as the AWS SDK for Java writes it."""
    return CBORTag(1, int(round(moment * 1000)))


class CborResponse:
    def __init__(self, response: requests.Response):
        self.status = response.status_code
        self.headers = response.headers
        self.content = response.content
        self.body = None
        if response.content:
            try:
                self.body = cbor2.loads(response.content, semantic_decoders=DECODERS)
            except (cbor2.CBORDecodeError, ValueError) as error:
                pytest.fail(f"answer is not CBOR ({error}); Content-Type "
                            f"{response.headers.get('Content-Type')!r}, body {response.content[:300]!r}")

    @property
    def error_code(self):
        if isinstance(self.body, dict) and "__type" in self.body:
            return self.body["__type"].split("#")[-1]
        return None


def cbor_call(endpoint: str, operation: str, body, raw: bytes | None = None) -> CborResponse:
    data = raw if raw is not None else cbor2.dumps(body)
    headers = signed_headers(endpoint, operation, data, content_type=CBOR_CONTENT_TYPE)
    return CborResponse(requests.post(endpoint.rstrip("/") + "/", data=data, headers=headers, timeout=30))


def ok(response: CborResponse):
    assert response.status == 200, f"HTTP {response.status}: {response.body!r}"
    assert response.headers.get("Content-Type", "").startswith(CBOR_CONTENT_TYPE), response.headers
    return response.body if response.body is not None else {}


def json_ok(endpoint: str, operation: str, body):
    response = raw_call(endpoint, operation, body)
    assert response.status == 200, response.text[:500]
    return response.json or {}


def cbor_as_json(value):
    """A CBOR answer written the way the JSON protocol writes it: bytes base64, timestamps epoch seconds."""
    if isinstance(value, dict):
        return {k: cbor_as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [cbor_as_json(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, EpochMillis):
        return int(value) / 1000
    return value


def assert_same(cbor_value, json_value, path="$"):
    """Equal structure and values; numbers compared within a millisecond (timestamps)."""
    if isinstance(json_value, dict):
        assert isinstance(cbor_value, dict), f"{path}: {cbor_value!r} vs {json_value!r}"
        assert sorted(cbor_value) == sorted(json_value), f"{path}: keys {sorted(cbor_value)} vs {sorted(json_value)}"
        for key in json_value:
            assert_same(cbor_value[key], json_value[key], f"{path}.{key}")
    elif isinstance(json_value, list):
        assert isinstance(cbor_value, list) and len(cbor_value) == len(json_value), f"{path}: lengths differ"
        for index, (a, b) in enumerate(zip(cbor_value, json_value)):
            assert_same(a, b, f"{path}[{index}]")
    elif isinstance(json_value, float) or isinstance(cbor_value, float):
        assert isinstance(cbor_value, (int, float)) and not isinstance(cbor_value, bool), f"{path}: {cbor_value!r}"
        assert math.isclose(cbor_value, json_value, abs_tol=0.001), f"{path}: {cbor_value!r} vs {json_value!r}"
    else:
        assert cbor_value == json_value and type(cbor_value) is type(json_value), (
            f"{path}: {cbor_value!r} vs {json_value!r}")


def without(value, *keys):
    if isinstance(value, dict):
        return {k: without(v, *keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [without(v, *keys) for v in value]
    return value


@pytest.fixture
def cbor_stream(server, kinesis):
    """A stream created through CBOR; deleted at the end."""
    names = []

    def factory(shard_count=1):
        name = unique_name("cbor")
        answer = cbor_call(server.endpoint, "CreateStream", {"StreamName": name, "ShardCount": shard_count})
        assert ok(answer) == {}
        names.append(name)
        wait_active(kinesis, name)
        return name
    yield factory
    for name in names:
        from support import delete_and_wait
        delete_and_wait(kinesis, name)


# ----------------------------------------------------------------------------------------------- parity

def test_describe_and_list_parity(server, cbor_stream):
    name = cbor_stream(shard_count=3)
    endpoint = server.endpoint
    ok(cbor_call(endpoint, "AddTagsToStream", {"StreamName": name, "Tags": {"team": "kcl", "env": "it"}}))
    for operation, body in [
        ("DescribeStreamSummary", {"StreamName": name}),
        ("DescribeStream", {"StreamName": name}),
        ("DescribeStream", {"StreamName": name, "Limit": 1}),
        ("ListShards", {"StreamName": name}),
        ("ListShards", {"StreamName": name, "ShardFilter": {"Type": "AT_LATEST"}}),
        ("ListTagsForStream", {"StreamName": name}),
        ("DescribeLimits", {}),
    ]:
        cbor_answer = ok(cbor_call(endpoint, operation, body))
        json_answer = json_ok(endpoint, operation, body)
        assert_same(cbor_as_json(cbor_answer), json_answer, f"{operation}")
    summary = ok(cbor_call(endpoint, "DescribeStreamSummary", {"StreamName": name}))["StreamDescriptionSummary"]
    assert isinstance(summary["StreamCreationTimestamp"], EpochMillis), "timestamps must be CBOR tag 1"
    assert abs(summary["StreamCreationTimestamp"] / 1000 - time.time()) < 120, "tag 1 must hold epoch milliseconds"
    assert summary["OpenShardCount"] == 3


def test_timestamps_are_tag_1(server, cbor_stream):
    name = cbor_stream()
    response = cbor_call(server.endpoint, "DescribeStreamSummary", {"StreamName": name})
    raw_values = []

    def record(value, immutable=False):
        raw_values.append(value)
        return value
    cbor2.loads(response.content, semantic_decoders={1: record})
    assert raw_values, "no CBOR tag 1 in DescribeStreamSummary's answer"
    for value in raw_values:
        assert isinstance(value, int) and abs(value / 1000 - time.time()) < 120, f"not epoch milliseconds: {value}"


def test_put_and_get_records_parity(server, kinesis, cbor_stream):
    name = cbor_stream(shard_count=1)
    endpoint = server.endpoint
    payloads = [bytes(range(256)), b"\x01", b"\x00\xff" * 100, "héllo".encode()]
    answers = []
    for index, payload in enumerate(payloads):
        answer = ok(cbor_call(endpoint, "PutRecord", {"StreamName": name, "Data": payload, "PartitionKey": f"k{index}"}))
        assert answer["ShardId"] == "shardId-000000000000"
        assert isinstance(answer["SequenceNumber"], str) and answer["SequenceNumber"].isdigit()
        answers.append(answer)
    batch = ok(cbor_call(endpoint, "PutRecords", {"StreamName": name, "Records": [
        {"Data": b"batch-%d" % i, "PartitionKey": "b"} for i in range(3)]}))
    assert batch["FailedRecordCount"] == 0
    assert [r["ShardId"] for r in batch["Records"]] == ["shardId-000000000000"] * 3
    assert all(isinstance(r["SequenceNumber"], str) for r in batch["Records"])

    cbor_iterator = ok(cbor_call(endpoint, "GetShardIterator", {
        "StreamName": name, "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}))["ShardIterator"]
    assert isinstance(cbor_iterator, str)
    cbor_records = ok(cbor_call(endpoint, "GetRecords", {"ShardIterator": cbor_iterator}))
    json_iterator = json_ok(endpoint, "GetShardIterator", {
        "StreamName": name, "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"})["ShardIterator"]
    json_records = json_ok(endpoint, "GetRecords", {"ShardIterator": json_iterator})
    assert [r["Data"] for r in cbor_records["Records"]] == payloads + [b"batch-%d" % i for i in range(3)]
    for record in cbor_records["Records"]:
        assert isinstance(record["ApproximateArrivalTimestamp"], EpochMillis)
        assert isinstance(record["Data"], bytes)
    assert_same(cbor_as_json(without(cbor_records, "NextShardIterator", "MillisBehindLatest")),
                without(json_records, "NextShardIterator", "MillisBehindLatest"), "GetRecords")
    assert isinstance(cbor_records["NextShardIterator"], str)
    assert isinstance(cbor_records["MillisBehindLatest"], int)
    # A CBOR iterator works with JSON and the other way round.
    assert len(json_ok(endpoint, "GetRecords", {"ShardIterator": cbor_iterator})["Records"]) == 7
    assert len(ok(cbor_call(endpoint, "GetRecords", {"ShardIterator": json_iterator}))["Records"]) == 7
    # boto3 reads the same bytes.
    boto_records = kinesis.get_records(ShardIterator=kinesis.get_shard_iterator(
        StreamName=name, ShardId="shardId-000000000000", ShardIteratorType="TRIM_HORIZON")["ShardIterator"])
    assert [r["Data"] for r in boto_records["Records"]] == [r["Data"] for r in cbor_records["Records"]]


def test_at_timestamp_with_tag_1(server, kinesis, cbor_stream):
    name = cbor_stream()
    endpoint = server.endpoint
    ok(cbor_call(endpoint, "PutRecord", {"StreamName": name, "Data": b"early", "PartitionKey": "k"}))
    time.sleep(0.2)     # the two records must be apart by more than the clock's resolution
    middle = time.time()
    time.sleep(0.2)
    ok(cbor_call(endpoint, "PutRecord", {"StreamName": name, "Data": b"late", "PartitionKey": "k"}))
    for stamp, expected in ((millis(middle), [b"late"]), (millis(946684800), [b"early", b"late"])):
        answer = ok(cbor_call(endpoint, "GetShardIterator", {
            "StreamName": name, "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP",
            "Timestamp": stamp}))
        records = ok(cbor_call(endpoint, "GetRecords", {"ShardIterator": answer["ShardIterator"]}))["Records"]
        assert [r["Data"] for r in records] == expected, stamp


# ----------------------------------------------------------------------------------------------- errors

def test_error_answers_are_cbor_and_match_json(server, cbor_stream):
    name = cbor_stream()
    endpoint = server.endpoint
    cases = [
        ("DescribeStreamSummary", {"StreamName": unique_name("missing")}),
        ("CreateStream", {"StreamName": name, "ShardCount": 1}),
        ("CreateStream", {"StreamName": "bad name!", "ShardCount": 1}),
        ("PutRecord", {"StreamName": name, "PartitionKey": "k"}),
        ("GetShardIterator", {"StreamName": name, "ShardId": "shardId-000000000000", "ShardIteratorType": "NOPE"}),
        ("GetRecords", {"ShardIterator": "not-an-iterator"}),
    ]
    for operation, body in cases:
        cbor_answer = cbor_call(endpoint, operation, body)
        json_answer = raw_call(endpoint, operation, body)
        assert cbor_answer.status == json_answer.status == 400, (operation, cbor_answer.status, json_answer.status)
        assert cbor_answer.headers.get("Content-Type", "").startswith(CBOR_CONTENT_TYPE), cbor_answer.headers
        assert isinstance(cbor_answer.body, dict), cbor_answer.body
        assert cbor_answer.error_code and cbor_answer.error_code == json_answer.error_code, (
            operation, cbor_answer.body, json_answer.text)
        assert cbor_answer.body.get("message") == json_answer.error_message, (operation, cbor_answer.body)


def test_unknown_operation_in_cbor(server):
    answer = cbor_call(server.endpoint, "NoSuchOperation", {})
    json_answer = raw_call(server.endpoint, "NoSuchOperation", {})
    assert answer.status == json_answer.status
    assert answer.error_code == json_answer.error_code


def test_malformed_cbor_is_a_client_error(server):
    for raw in (b"\xff\xff\xff", b"\xa1\x6aStreamName", cbor2.dumps(["not", "a", "map"])):
        answer_response = requests.post(server.endpoint + "/", data=raw, headers=signed_headers(
            server.endpoint, "DescribeStreamSummary", raw, content_type=CBOR_CONTENT_TYPE), timeout=30)
        assert 400 <= answer_response.status_code < 500, (raw, answer_response.status_code)
        body = CborResponse(answer_response).body
        assert isinstance(body, dict) and body.get("__type"), body


def test_wrong_member_types_in_cbor(server, cbor_stream):
    name = cbor_stream()
    # A text string where a blob belongs, a string where an integer belongs.
    answer = cbor_call(server.endpoint, "PutRecord", {"StreamName": name, "Data": 12, "PartitionKey": "k"})
    assert answer.status == 400 and answer.error_code, answer.body
    answer = cbor_call(server.endpoint, "ListShards", {"StreamName": name, "MaxResults": "ten"})
    assert answer.status == 400 and answer.error_code, answer.body


def test_json_still_answers_json(server, cbor_stream):
    name = cbor_stream()
    response = raw_call(server.endpoint, "DescribeStreamSummary", {"StreamName": name})
    assert response.header("Content-Type").startswith(JSON_CONTENT_TYPE)
    assert json.loads(response.text)["StreamDescriptionSummary"]["StreamName"] == name
