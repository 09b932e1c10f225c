"""PutRecord, PutRecords, GetShardIterator and GetRecords: answers, positions and data round trips."""

from __future__ import annotations

import os
import re
import time

from support import (
    SEQUENCE_NUMBER_PATTERN, assert_raw_error, aws_error, expected_ranges, iterator, raw_call, read_from,
    read_shard, wait_until,
)


def put_many(kinesis, name, payloads, partition_key="k"):
    return [kinesis.put_record(StreamName=name, Data=payload, PartitionKey=partition_key) for payload in payloads]


# ----------------------------------------------------------------------------------------------- writes

def test_put_record_answer(kinesis, stream):
    created = stream()
    answer = kinesis.put_record(StreamName=created.name, Data=b"hello", PartitionKey="k")
    assert answer["ShardId"] == "shardId-000000000000"
    assert re.match(SEQUENCE_NUMBER_PATTERN, answer["SequenceNumber"])
    assert answer.get("EncryptionType", "NONE") == "NONE"
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_sequence_numbers_strictly_increase_per_shard(kinesis, stream):
    created = stream(shard_count=2)
    per_shard = {}
    for i in range(60):
        answer = kinesis.put_record(StreamName=created.name, Data=f"{i}".encode(), PartitionKey=f"key{i}")
        per_shard.setdefault(answer["ShardId"], []).append(int(answer["SequenceNumber"]))
    batch = kinesis.put_records(StreamName=created.name,
                                Records=[{"Data": b"b", "PartitionKey": f"key{i}"} for i in range(60)])
    for result in batch["Records"]:
        per_shard[result["ShardId"]].append(int(result["SequenceNumber"]))
    assert set(per_shard) == set(created.shard_ids)
    for shard_id, numbers in per_shard.items():
        assert all(a < b for a, b in zip(numbers, numbers[1:])), shard_id
    every = [n for numbers in per_shard.values() for n in numbers]
    assert len(set(every)) == len(every), "sequence numbers must be unique across the stream"


def test_put_records_answers_in_request_order(kinesis, stream):
    created = stream(shard_count=3)
    ranges = expected_ranges(3)
    targets = [0, 2, 1, 1, 0, 2, 2, 0]
    records = [{"Data": f"r{i}".encode(), "PartitionKey": "same", "ExplicitHashKey": str(ranges[t][0] + i)}
               for i, t in enumerate(targets)]
    answer = kinesis.put_records(StreamName=created.name, Records=records)
    assert answer["FailedRecordCount"] == 0
    assert len(answer["Records"]) == len(records)
    assert [r["ShardId"] for r in answer["Records"]] == [created.shard_ids[t] for t in targets]
    for result in answer["Records"]:
        assert re.match(SEQUENCE_NUMBER_PATTERN, result["SequenceNumber"])
        assert "ErrorCode" not in result
    # Within one shard, request order is sequence order and read order.
    for index, shard_id in enumerate(created.shard_ids):
        expected = [(f"r{i}".encode(), answer["Records"][i]["SequenceNumber"])
                    for i, t in enumerate(targets) if t == index]
        stored = read_shard(kinesis, created.name, shard_id)
        assert [(r["Data"], r["SequenceNumber"]) for r in stored] == expected
        numbers = [int(s) for _, s in expected]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_sequence_number_for_ordering_accepted(kinesis, stream):
    created = stream()
    first = kinesis.put_record(StreamName=created.name, Data=b"1", PartitionKey="k")
    second = kinesis.put_record(StreamName=created.name, Data=b"2", PartitionKey="k",
                                SequenceNumberForOrdering=first["SequenceNumber"])
    third = kinesis.put_record(StreamName=created.name, Data=b"3", PartitionKey="k",
                               SequenceNumberForOrdering=second["SequenceNumber"])
    assert int(first["SequenceNumber"]) < int(second["SequenceNumber"]) < int(third["SequenceNumber"])
    assert [r["Data"] for r in read_shard(kinesis, created.name, created.shard_ids[0])] == [b"1", b"2", b"3"]


# ----------------------------------------------------------------------------------------------- iterators

def test_trim_horizon_reads_everything_in_order(kinesis, stream):
    created = stream()
    payloads = [f"p{i}".encode() for i in range(10)]
    answers = put_many(kinesis, created.name, payloads)
    records = read_shard(kinesis, created.name, created.shard_ids[0])
    assert [r["Data"] for r in records] == payloads
    assert [r["SequenceNumber"] for r in records] == [a["SequenceNumber"] for a in answers]
    assert all(r["PartitionKey"] == "k" for r in records)


def test_latest_reads_only_later_records(kinesis, stream):
    created = stream()
    put_many(kinesis, created.name, [b"before-1", b"before-2", b"before-3"])
    latest = iterator(kinesis, created.name, created.shard_ids[0], "LATEST")
    empty = kinesis.get_records(ShardIterator=latest)
    assert empty["Records"] == []
    assert empty["NextShardIterator"]
    put_many(kinesis, created.name, [b"after-1", b"after-2"])
    records, _ = read_from(kinesis, latest)
    assert [r["Data"] for r in records] == [b"after-1", b"after-2"]
    # The NextShardIterator of the empty read also sees the later records.
    records, _ = read_from(kinesis, empty["NextShardIterator"])
    assert [r["Data"] for r in records] == [b"after-1", b"after-2"]


def test_at_and_after_sequence_number(kinesis, stream):
    created = stream()
    answers = put_many(kinesis, created.name, [f"n{i}".encode() for i in range(8)])
    shard = created.shard_ids[0]
    at = read_shard(kinesis, created.name, shard, "AT_SEQUENCE_NUMBER",
                    StartingSequenceNumber=answers[3]["SequenceNumber"])
    assert [r["Data"] for r in at] == [f"n{i}".encode() for i in range(3, 8)]
    after = read_shard(kinesis, created.name, shard, "AFTER_SEQUENCE_NUMBER",
                       StartingSequenceNumber=answers[3]["SequenceNumber"])
    assert [r["Data"] for r in after] == [f"n{i}".encode() for i in range(4, 8)]
    after_last = read_shard(kinesis, created.name, shard, "AFTER_SEQUENCE_NUMBER",
                            StartingSequenceNumber=answers[-1]["SequenceNumber"])
    assert after_last == []
    at_first = read_shard(kinesis, created.name, shard, "AT_SEQUENCE_NUMBER",
                          StartingSequenceNumber=answers[0]["SequenceNumber"])
    assert len(at_first) == 8


def test_shard_starting_sequence_number_is_a_valid_position(kinesis, stream):
    created = stream()
    start = kinesis.list_shards(StreamName=created.name)["Shards"][0]["SequenceNumberRange"]["StartingSequenceNumber"]
    answers = put_many(kinesis, created.name, [b"s0", b"s1", b"s2"])
    assert all(int(a["SequenceNumber"]) >= int(start) for a in answers)
    at_start = read_shard(kinesis, created.name, created.shard_ids[0], "AT_SEQUENCE_NUMBER",
                          StartingSequenceNumber=start)
    assert [r["Data"] for r in at_start] == [b"s0", b"s1", b"s2"]


def test_at_timestamp(kinesis, stream, server):
    created = stream()
    shard = created.shard_ids[0]
    put_many(kinesis, created.name, [b"a0", b"a1", b"a2"])

    def raw_records(shard_iterator):
        response = raw_call(server.endpoint, "GetRecords", {"ShardIterator": shard_iterator})
        assert response.status == 200, response.text
        return response.json["Records"]

    def raw_iterator(**fields):
        response = raw_call(server.endpoint, "GetShardIterator",
                            {"StreamName": created.name, "ShardId": shard, **fields})
        assert response.status == 200, response.text
        return response.json["ShardIterator"]

    first = raw_records(raw_iterator(ShardIteratorType="TRIM_HORIZON"))
    assert [r["Data"] for r in first] == ["YTA=", "YTE=", "YTI="]
    latest_a = max(r["ApproximateArrivalTimestamp"] for r in first)
    wait_until(lambda: time.time() > latest_a + 0.05, 5, interval_seconds=0.005, what="clock past first batch")
    put_many(kinesis, created.name, [b"b0", b"b1", b"b2"])
    everything = raw_records(raw_iterator(ShardIteratorType="TRIM_HORIZON"))
    assert len(everything) == 6
    stamps = [r["ApproximateArrivalTimestamp"] for r in everything]
    assert stamps == sorted(stamps)
    boundary = everything[3]["ApproximateArrivalTimestamp"]
    assert boundary > latest_a

    from_boundary = raw_records(raw_iterator(ShardIteratorType="AT_TIMESTAMP", Timestamp=boundary))
    assert [r["SequenceNumber"] for r in from_boundary] == [r["SequenceNumber"] for r in everything[3:]]
    between = raw_records(raw_iterator(ShardIteratorType="AT_TIMESTAMP", Timestamp=(latest_a + boundary) / 2))
    assert [r["SequenceNumber"] for r in between] == [r["SequenceNumber"] for r in everything[3:]]
    before_all = raw_records(raw_iterator(ShardIteratorType="AT_TIMESTAMP", Timestamp=stamps[0] - 60))
    assert len(before_all) == 6
    wait_until(lambda: time.time() > stamps[-1] + 0.1, 5, interval_seconds=0.005, what="clock past second batch")
    after_all = raw_records(raw_iterator(ShardIteratorType="AT_TIMESTAMP", Timestamp=stamps[-1] + 0.05))
    assert after_all == []
    # Through boto3 as well (it sends whole seconds).
    via_boto = read_shard(kinesis, created.name, shard, "AT_TIMESTAMP", Timestamp=int(stamps[0]) - 10)
    assert len(via_boto) == 6


def test_sequence_number_of_another_shard_is_invalid(kinesis, stream):
    created = stream(shard_count=2)
    ranges = expected_ranges(2)
    on_second = kinesis.put_record(StreamName=created.name, Data=b"x", PartitionKey="k",
                                   ExplicitHashKey=str(ranges[1][0]))
    assert on_second["ShardId"] == created.shard_ids[1]
    for kind in ("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"):
        with aws_error("InvalidArgumentException", message_contains="Invalid StartingSequenceNumber"):
            kinesis.get_shard_iterator(StreamName=created.name, ShardId=created.shard_ids[0],
                                       ShardIteratorType=kind, StartingSequenceNumber=on_second["SequenceNumber"])


def test_missing_or_misplaced_iterator_parameters(kinesis, stream):
    created = stream()
    shard = created.shard_ids[0]
    with aws_error("InvalidArgumentException", message_contains="Must either specify (1) AT_SEQUENCE_NUMBER or "
                                                                  "AFTER_SEQUENCE_NUMBER and StartingSequenceNumber"):
        kinesis.get_shard_iterator(StreamName=created.name, ShardId=shard, ShardIteratorType="AT_SEQUENCE_NUMBER")
    with aws_error("InvalidArgumentException"):
        kinesis.get_shard_iterator(StreamName=created.name, ShardId=shard, ShardIteratorType="AT_TIMESTAMP")


def test_garbled_iterator_is_invalid(kinesis, server):
    with aws_error("InvalidArgumentException"):
        kinesis.get_records(ShardIterator="AAAAAAAAAAH1sVkgOdBnotarealiteratorAAAAAAAAAAAAAAAAAAA==")
    response = raw_call(server.endpoint, "GetRecords", {"ShardIterator": "garbage"})
    assert_raw_error(response, "InvalidArgumentException")


# ----------------------------------------------------------------------------------------------- reads

def test_get_records_limit_and_chaining(kinesis, stream):
    created = stream()
    payloads = [f"c{i}".encode() for i in range(10)]
    put_many(kinesis, created.name, payloads)
    position = iterator(kinesis, created.name, created.shard_ids[0])
    seen = []
    for expected_count in (3, 3, 3, 1):
        response = kinesis.get_records(ShardIterator=position, Limit=3)
        assert len(response["Records"]) == expected_count
        seen += response["Records"]
        position = response["NextShardIterator"]
        assert position
    tail = kinesis.get_records(ShardIterator=position, Limit=3)
    assert tail["Records"] == []
    assert tail["NextShardIterator"]
    assert tail["MillisBehindLatest"] == 0
    assert [r["Data"] for r in seen] == payloads


def test_binary_data_round_trip(kinesis, stream):
    created = stream()
    payloads = [bytes(range(256)), b"\x00", b"\xff\xfe\x00\x01", os.urandom(4096), "ü€".encode("utf-8")]
    put_many(kinesis, created.name, payloads[:2])
    kinesis.put_records(StreamName=created.name, Records=[{"Data": p, "PartitionKey": "k"} for p in payloads[2:]])
    records = read_shard(kinesis, created.name, created.shard_ids[0])
    assert [r["Data"] for r in records] == payloads


def test_arrival_timestamp_and_millis_behind_latest(kinesis, stream):
    created = stream()
    started = time.time()
    put_many(kinesis, created.name, [b"t1", b"t2"])
    finished = time.time()
    position = iterator(kinesis, created.name, created.shard_ids[0])
    response = kinesis.get_records(ShardIterator=position)
    assert len(response["Records"]) == 2
    for record in response["Records"]:
        stamp = record["ApproximateArrivalTimestamp"].timestamp()
        assert started - 1.0 <= stamp <= finished + 1.0, (started, stamp, finished)
        assert record.get("EncryptionType", "NONE") == "NONE"
    assert isinstance(response["MillisBehindLatest"], int)
    assert response["MillisBehindLatest"] >= 0
    caught_up = kinesis.get_records(ShardIterator=response["NextShardIterator"])
    assert caught_up["Records"] == []
    assert caught_up["MillisBehindLatest"] == 0


def test_order_of_many_records_preserved(kinesis, stream):
    created = stream(shard_count=2)
    total = 1500
    answers = []
    for start in range(0, total, 500):
        batch = kinesis.put_records(StreamName=created.name, Records=[
            {"Data": f"{i:06d}".encode(), "PartitionKey": "one-key"} for i in range(start, start + 500)])
        assert batch["FailedRecordCount"] == 0
        answers += batch["Records"]
    shard = answers[0]["ShardId"]
    assert {a["ShardId"] for a in answers} == {shard}
    records, last = read_from(kinesis, iterator(kinesis, created.name, shard), limit=400)
    assert [r["Data"] for r in records] == [f"{i:06d}".encode() for i in range(total)]
    assert [r["SequenceNumber"] for r in records] == [a["SequenceNumber"] for a in answers]
    assert last["MillisBehindLatest"] == 0
    other = [s for s in created.shard_ids if s != shard][0]
    assert read_shard(kinesis, created.name, other) == []


def test_large_record_round_trips(kinesis, stream):
    created = stream()
    big = os.urandom(1024 * 1024 - 64)
    answer = kinesis.put_record(StreamName=created.name, Data=big, PartitionKey="k")
    batch = kinesis.put_records(StreamName=created.name, Records=[{"Data": big[::-1], "PartitionKey": "k"}])
    assert batch["FailedRecordCount"] == 0
    records = read_shard(kinesis, created.name, created.shard_ids[0])
    assert [r["SequenceNumber"] for r in records] == [answer["SequenceNumber"], batch["Records"][0]["SequenceNumber"]]
    assert records[0]["Data"] == big
    assert records[1]["Data"] == big[::-1]
