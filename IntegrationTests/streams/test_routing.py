"""Hash-key ranges and record routing: MD5(partition key) or ExplicitHashKey picks the shard, as in AWS."""

from __future__ import annotations

import random
import re

import pytest

from support import (
    MAX_HASH_KEY, SHARD_ID_PATTERN, assert_raw_error, aws_error, b64, expected_ranges, list_all_shards,
    md5_hash_key, raw_call, read_shard, shard_for_hash,
)


@pytest.mark.parametrize("shard_count", [1, 2, 3, 7])
def test_hash_ranges_split_evenly(kinesis, stream, shard_count):
    created = stream(shard_count=shard_count)
    shards = list_all_shards(kinesis, created.name)
    assert [s["ShardId"] for s in shards] == [f"shardId-{i:012d}" for i in range(shard_count)]
    for shard in shards:
        assert re.match(SHARD_ID_PATTERN, shard["ShardId"])
    ranges = [(int(s["HashKeyRange"]["StartingHashKey"]), int(s["HashKeyRange"]["EndingHashKey"])) for s in shards]
    assert ranges == expected_ranges(shard_count)
    assert ranges[0][0] == 0
    assert ranges[-1][1] == MAX_HASH_KEY
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        assert start == end + 1


def test_known_aws_ranges_for_two_and_three_shards(kinesis, stream):
    two = list_all_shards(kinesis, stream(shard_count=2).name)
    assert [(s["HashKeyRange"]["StartingHashKey"], s["HashKeyRange"]["EndingHashKey"]) for s in two] == [
        ("0", "170141183460469231731687303715884105727"),
        ("170141183460469231731687303715884105728", "340282366920938463463374607431768211455"),
    ]
    three = list_all_shards(kinesis, stream(shard_count=3).name)
    assert [(s["HashKeyRange"]["StartingHashKey"], s["HashKeyRange"]["EndingHashKey"]) for s in three] == [
        ("0", "113427455640312821154458202477256070484"),
        ("113427455640312821154458202477256070485", "226854911280625642308916404954512140969"),
        ("226854911280625642308916404954512140970", "340282366920938463463374607431768211455"),
    ]


def test_partition_key_md5_picks_shard(kinesis, stream):
    created = stream(shard_count=5)
    shards = list_all_shards(kinesis, created.name)
    rng = random.Random(1234)
    keys = [f"key-{rng.getrandbits(64):x}" for _ in range(150)] + ["a", "ü-unicode-€", "x" * 256]
    records = [{"Data": f"d{i}".encode(), "PartitionKey": key} for i, key in enumerate(keys)]
    batch = kinesis.put_records(StreamName=created.name, Records=records)
    assert batch["FailedRecordCount"] == 0
    for key, result in zip(keys, batch["Records"]):
        assert result["ShardId"] == shard_for_hash(shards, md5_hash_key(key)), key
    for key in keys[:40]:
        put = kinesis.put_record(StreamName=created.name, Data=b"single", PartitionKey=key)
        assert put["ShardId"] == shard_for_hash(shards, md5_hash_key(key)), key
    # Every shard got something, and what each shard stores hashes to it.
    for shard in shards:
        stored = read_shard(kinesis, created.name, shard["ShardId"])
        assert stored, shard["ShardId"]
        for record in stored:
            assert shard_for_hash(shards, md5_hash_key(record["PartitionKey"])) == shard["ShardId"]


def test_explicit_hash_key_overrides_partition_key(kinesis, stream):
    created = stream(shard_count=4)
    shards = list_all_shards(kinesis, created.name)
    ranges = expected_ranges(4)
    for index, (start, end) in enumerate(ranges):
        for hash_key in (start, end, (start + end) // 2):
            put = kinesis.put_record(StreamName=created.name, Data=b"x", PartitionKey="same-key",
                                     ExplicitHashKey=str(hash_key))
            assert put["ShardId"] == shards[index]["ShardId"], hash_key
    batch = kinesis.put_records(StreamName=created.name, Records=[
        {"Data": b"a", "PartitionKey": "same-key", "ExplicitHashKey": "0"},
        {"Data": b"b", "PartitionKey": "same-key", "ExplicitHashKey": str(MAX_HASH_KEY)},
        {"Data": b"c", "PartitionKey": "same-key", "ExplicitHashKey": str(ranges[1][0])},
    ])
    assert [r["ShardId"] for r in batch["Records"]] == [shards[0]["ShardId"], shards[3]["ShardId"],
                                                        shards[1]["ShardId"]]
    # The stored record keeps its partition key, not the explicit hash key.
    last = read_shard(kinesis, created.name, shards[3]["ShardId"])[-1]
    assert last["PartitionKey"] == "same-key"
    assert last["Data"] == b"b"


def test_out_of_range_explicit_hash_key_is_invalid(kinesis, stream, server):
    created = stream(shard_count=2)
    too_big = str(2**128)
    with aws_error("InvalidArgumentException"):
        kinesis.put_record(StreamName=created.name, Data=b"x", PartitionKey="k", ExplicitHashKey=too_big)
    with aws_error("InvalidArgumentException"):
        kinesis.put_records(StreamName=created.name,
                            Records=[{"Data": b"x", "PartitionKey": "k", "ExplicitHashKey": too_big}])
    # Not a decimal number at all: the model's pattern rejects it before any semantic check.
    response = raw_call(server.endpoint, "PutRecord", {
        "StreamName": created.name, "Data": b64(b"x"), "PartitionKey": "k", "ExplicitHashKey": "12ab"})
    assert_raw_error(response, "ValidationException", message_contains="explicitHashKey")
    for shard_id in created.shard_ids:
        assert read_shard(kinesis, created.name, shard_id) == []
