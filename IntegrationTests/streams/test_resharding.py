"""SplitShard, MergeShards and UpdateShardCount: shard lineage, closing, routing and reads across a reshard.

AWS semantics: a reshard puts the stream in UPDATING; when it ends, the parents are closed (their
SequenceNumberRange gains an EndingSequenceNumber) and the children are open, naming their parents in
ParentShardId/AdjacentParentShardId. Reading a closed shard to its end gives a last GetRecords answer with no
NextShardIterator and with ChildShards. The stream stays readable and writable while UPDATING.
"""

from __future__ import annotations

import json
import re
import threading

import pytest
from botocore.exceptions import BotoCoreError, ClientError

from support import (
    HASH_SPACE, MAX_HASH_KEY, SHARD_ID_PATTERN, ServerProcess, assert_covers_key_space, aws_error, iterator,
    is_open, kcl_order, list_all_shards, make_client, md5_hash_key, open_shards, read_shard,
    read_stream_kcl_order, shard_for_hash, stream_status, unique_name, wait_active, wait_until,
)

SLOW_STATE_DELAY_MS = 1500


@pytest.fixture(scope="module")
def slow_kinesis(tmp_path_factory):
    """A server whose UPDATING lasts long enough to be observed without racing."""
    base = tmp_path_factory.mktemp("tributary-reshard-slow")
    process = ServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=SLOW_STATE_DELAY_MS)
    process.start()
    yield make_client(process.endpoint)
    process.kill9()     # a throwaway server: no need to wait for a graceful stop


def hash_range(shard: dict) -> tuple[int, int]:
    return int(shard["HashKeyRange"]["StartingHashKey"]), int(shard["HashKeyRange"]["EndingHashKey"])


def by_id(shards: list[dict]) -> dict[str, dict]:
    return {shard["ShardId"]: shard for shard in shards}


def midpoint(shard: dict) -> int:
    low, high = hash_range(shard)
    return (low + high + 1) // 2


def put_at_hash(kinesis, name: str, hash_key: int, data: bytes, partition_key: str = "k") -> dict:
    return kinesis.put_record(StreamName=name, Data=data, PartitionKey=partition_key, ExplicitHashKey=str(hash_key))


def read_to_end(kinesis, name: str, shard_id: str) -> tuple[list[dict], dict]:
    """Reads a closed shard until GetRecords answers without NextShardIterator; returns (records, last answer)."""
    shard_iterator = iterator(kinesis, name, shard_id)
    records = []
    for _ in range(1000):
        answer = kinesis.get_records(ShardIterator=shard_iterator)
        records += answer["Records"]
        if not answer.get("NextShardIterator"):
            return records, answer
        shard_iterator = answer["NextShardIterator"]
    pytest.fail(f"closed shard {shard_id} never ended (NextShardIterator kept coming)")


# ----------------------------------------------------------------------------------------------- SplitShard

def test_split_shard_closes_parent_and_opens_children(kinesis, stream):
    created = stream(shard_count=1)
    parent_id = created.shard_ids[0]
    before = [put_at_hash(kinesis, created.name, h, f"before-{i}".encode())
              for i, h in enumerate([1, HASH_SPACE // 4, HASH_SPACE // 2, MAX_HASH_KEY - 1])]
    split_at = HASH_SPACE // 2
    answer = kinesis.split_shard(StreamName=created.name, ShardToSplit=parent_id, NewStartingHashKey=str(split_at))
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    summary = wait_active(kinesis, created.name)
    assert summary["OpenShardCount"] == 2

    shards = list_all_shards(kinesis, created.name)
    assert [s["ShardId"] for s in shards] == [parent_id, "shardId-000000000001", "shardId-000000000002"]
    parent, low_child, high_child = shards
    assert not is_open(parent), parent
    assert "ParentShardId" not in parent
    ending = int(parent["SequenceNumberRange"]["EndingSequenceNumber"])
    assert ending >= max(int(p["SequenceNumber"]) for p in before)
    assert hash_range(parent) == (0, MAX_HASH_KEY)
    for child in (low_child, high_child):
        assert re.match(SHARD_ID_PATTERN, child["ShardId"])
        assert is_open(child), child
        assert child["ParentShardId"] == parent_id
        assert "AdjacentParentShardId" not in child
        assert int(child["SequenceNumberRange"]["StartingSequenceNumber"]) > ending
    assert hash_range(low_child) == (0, split_at - 1)
    assert hash_range(high_child) == (split_at, MAX_HASH_KEY)

    # New records go to the child holding their hash key, with sequence numbers above the parent's.
    low = put_at_hash(kinesis, created.name, 5, b"after-low")
    high = put_at_hash(kinesis, created.name, split_at, b"after-high")
    assert low["ShardId"] == low_child["ShardId"]
    assert high["ShardId"] == high_child["ShardId"]
    for child_put in (low, high):
        assert int(child_put["SequenceNumber"]) > ending

    # DescribeStream shows the same lineage.
    described = kinesis.describe_stream(StreamName=created.name)["StreamDescription"]
    assert [s["ShardId"] for s in described["Shards"]] == [s["ShardId"] for s in shards]
    assert "EndingSequenceNumber" in described["Shards"][0]["SequenceNumberRange"]


def test_reading_closed_parent_ends_with_child_shards(kinesis, stream):
    created = stream(shard_count=1)
    parent_id = created.shard_ids[0]
    puts = [kinesis.put_record(StreamName=created.name, Data=f"r{i}".encode(), PartitionKey=f"k{i}")
            for i in range(30)]
    kinesis.split_shard(StreamName=created.name, ShardToSplit=parent_id, NewStartingHashKey=str(HASH_SPACE // 3))
    wait_active(kinesis, created.name)
    records, last = read_to_end(kinesis, created.name, parent_id)
    assert [r["SequenceNumber"] for r in records] == [p["SequenceNumber"] for p in puts]
    assert [r["Data"] for r in records] == [f"r{i}".encode() for i in range(30)]
    assert "NextShardIterator" not in last or last["NextShardIterator"] is None
    children = last.get("ChildShards")
    assert children, f"the last GetRecords of a closed shard must list ChildShards: {last}"
    assert sorted(c["ShardId"] for c in children) == ["shardId-000000000001", "shardId-000000000002"]
    for child in children:
        assert child["ParentShards"] == [parent_id]
    assert sorted(hash_range(c) for c in children) == [(0, HASH_SPACE // 3 - 1), (HASH_SPACE // 3, MAX_HASH_KEY)]

    # A LATEST iterator on the closed parent is at its end: no records, no next iterator, the children.
    latest = kinesis.get_records(ShardIterator=iterator(kinesis, created.name, parent_id, "LATEST"))
    assert latest["Records"] == []
    assert not latest.get("NextShardIterator")
    assert sorted(c["ShardId"] for c in latest.get("ChildShards", [])) == sorted(c["ShardId"] for c in children)

    # AFTER_SEQUENCE_NUMBER of the parent's last record is also at the end.
    after_last = kinesis.get_records(ShardIterator=iterator(
        kinesis, created.name, parent_id, "AFTER_SEQUENCE_NUMBER", StartingSequenceNumber=puts[-1]["SequenceNumber"]))
    assert after_last["Records"] == []
    assert not after_last.get("NextShardIterator")


def test_open_shard_get_records_has_no_child_shards(kinesis, stream):
    created = stream(shard_count=1)
    kinesis.put_record(StreamName=created.name, Data=b"x", PartitionKey="k")
    answer = kinesis.get_records(ShardIterator=iterator(kinesis, created.name, created.shard_ids[0]))
    assert answer["NextShardIterator"]
    assert not answer.get("ChildShards")


def test_split_shard_invalid_arguments(kinesis, stream):
    created = stream(shard_count=2)
    first, second = list_all_shards(kinesis, created.name)
    # The new starting hash key must fall strictly inside the shard being split.
    with aws_error("InvalidArgumentException"):
        kinesis.split_shard(StreamName=created.name, ShardToSplit=first["ShardId"],
                            NewStartingHashKey=str(hash_range(second)[0] + 10))
    with aws_error("InvalidArgumentException"):
        kinesis.split_shard(StreamName=created.name, ShardToSplit=first["ShardId"],
                            NewStartingHashKey=str(hash_range(first)[0]))
    with aws_error("ResourceNotFoundException"):
        kinesis.split_shard(StreamName=created.name, ShardToSplit="shardId-000000000099",
                            NewStartingHashKey=str(midpoint(first)))
    with aws_error("ResourceNotFoundException"):
        kinesis.split_shard(StreamName=unique_name("missing"), ShardToSplit=first["ShardId"],
                            NewStartingHashKey=str(midpoint(first)))
    assert stream_status(kinesis, created.name) == "ACTIVE"
    assert len(list_all_shards(kinesis, created.name)) == 2

    # A shard that was already split cannot be split or merged again.
    kinesis.split_shard(StreamName=created.name, ShardToSplit=first["ShardId"],
                        NewStartingHashKey=str(midpoint(first)))
    wait_active(kinesis, created.name)
    # AWS's message: "... has already been merged or split, and thus is not eligible for merging or
    # splitting."; the error code differs between reimplementations, so any refusal code is accepted.
    closed_codes = ("InvalidArgumentException", "ResourceInUseException", "ResourceNotFoundException")
    with aws_error(closed_codes, message_contains="already been merged or split"):
        kinesis.split_shard(StreamName=created.name, ShardToSplit=first["ShardId"],
                            NewStartingHashKey=str(midpoint(first) + 1))
    with aws_error(closed_codes, message_contains="already been merged or split"):
        kinesis.merge_shards(StreamName=created.name, ShardToMerge=first["ShardId"],
                             AdjacentShardToMerge=second["ShardId"])


# ----------------------------------------------------------------------------------------------- MergeShards

def test_merge_shards_closes_both_parents(kinesis, stream):
    created = stream(shard_count=2)
    s0, s1 = created.shard_ids
    r0 = put_at_hash(kinesis, created.name, 7, b"left")
    r1 = put_at_hash(kinesis, created.name, MAX_HASH_KEY, b"right")
    assert (r0["ShardId"], r1["ShardId"]) == (s0, s1)
    kinesis.merge_shards(StreamName=created.name, ShardToMerge=s0, AdjacentShardToMerge=s1)
    summary = wait_active(kinesis, created.name)
    assert summary["OpenShardCount"] == 1
    shards = by_id(list_all_shards(kinesis, created.name))
    assert sorted(shards) == [s0, s1, "shardId-000000000002"]
    child = shards["shardId-000000000002"]
    assert is_open(child)
    assert child["ParentShardId"] == s0
    assert child["AdjacentParentShardId"] == s1
    assert hash_range(child) == (0, MAX_HASH_KEY)
    ends = []
    for parent_id in (s0, s1):
        assert not is_open(shards[parent_id])
        ends.append(int(shards[parent_id]["SequenceNumberRange"]["EndingSequenceNumber"]))
        records, last = read_to_end(kinesis, created.name, parent_id)
        assert len(records) == 1
        assert [c["ShardId"] for c in last.get("ChildShards", [])] == [child["ShardId"]]
        assert sorted(last["ChildShards"][0]["ParentShards"]) == [s0, s1]
    assert int(child["SequenceNumberRange"]["StartingSequenceNumber"]) > max(ends)
    merged = kinesis.put_record(StreamName=created.name, Data=b"merged", PartitionKey="any")
    assert merged["ShardId"] == child["ShardId"]
    assert int(merged["SequenceNumber"]) > max(int(r0["SequenceNumber"]), int(r1["SequenceNumber"]))


def test_merge_requires_adjacent_open_shards(kinesis, stream):
    created = stream(shard_count=3)
    s0, s1, s2 = created.shard_ids
    with aws_error("InvalidArgumentException"):
        kinesis.merge_shards(StreamName=created.name, ShardToMerge=s0, AdjacentShardToMerge=s2)
    with aws_error(("InvalidArgumentException", "ResourceNotFoundException")):
        kinesis.merge_shards(StreamName=created.name, ShardToMerge=s0, AdjacentShardToMerge=s0)
    with aws_error("ResourceNotFoundException"):
        kinesis.merge_shards(StreamName=created.name, ShardToMerge=s0, AdjacentShardToMerge="shardId-000000000042")
    assert stream_status(kinesis, created.name) == "ACTIVE"
    # The order of the two shards does not matter as long as they are adjacent.
    kinesis.merge_shards(StreamName=created.name, ShardToMerge=s2, AdjacentShardToMerge=s1)
    wait_active(kinesis, created.name)
    opened = open_shards(kinesis, created.name)
    assert len(opened) == 2
    assert_covers_key_space(opened)
    merged = [s for s in opened if s["ShardId"] not in created.shard_ids]
    assert len(merged) == 1
    assert sorted(parents_of_shard(merged[0])) == [s1, s2]


def parents_of_shard(shard: dict) -> list[str]:
    return [p for p in (shard.get("ParentShardId"), shard.get("AdjacentParentShardId")) if p]


# ----------------------------------------------------------------------------------------------- UPDATING

def test_reshard_goes_updating_and_blocks_other_updates(slow_kinesis):
    name = unique_name("upd")
    slow_kinesis.create_stream(StreamName=name, ShardCount=2)
    wait_active(slow_kinesis, name)
    try:
        s0, s1 = [s["ShardId"] for s in list_all_shards(slow_kinesis, name)]
        before = slow_kinesis.put_record(StreamName=name, Data=b"before", PartitionKey="k")
        slow_kinesis.split_shard(StreamName=name, ShardToSplit=s0, NewStartingHashKey=str(HASH_SPACE // 4))
        assert stream_status(slow_kinesis, name) == "UPDATING"
        with aws_error("ResourceInUseException"):
            slow_kinesis.merge_shards(StreamName=name, ShardToMerge=s0, AdjacentShardToMerge=s1)
        with aws_error("ResourceInUseException"):
            slow_kinesis.split_shard(StreamName=name, ShardToSplit=s1, NewStartingHashKey=str(3 * HASH_SPACE // 4))
        with aws_error("ResourceInUseException"):
            slow_kinesis.update_shard_count(StreamName=name, TargetShardCount=3, ScalingType="UNIFORM_SCALING")
        # While UPDATING, the stream stays readable and writable.
        during = slow_kinesis.put_record(StreamName=name, Data=b"during", PartitionKey="k")
        assert int(during["SequenceNumber"]) > int(before["SequenceNumber"])
        found = read_shard(slow_kinesis, name, during["ShardId"])
        assert [r["Data"] for r in found][-1] == b"during"
        assert stream_status(slow_kinesis, name) == "UPDATING"
        wait_active(slow_kinesis, name)
        assert len(open_shards(slow_kinesis, name)) == 3
        after = slow_kinesis.put_record(StreamName=name, Data=b"after", PartitionKey="k")
        assert int(after["SequenceNumber"]) > int(during["SequenceNumber"])
    finally:
        slow_kinesis.delete_stream(StreamName=name, EnforceConsumerDeletion=True)


# ----------------------------------------------------------------------------------------------- UpdateShardCount

def assert_uniform(shards: list[dict], count: int) -> None:
    assert len(shards) == count, [s["ShardId"] for s in shards]
    assert_covers_key_space(shards)
    width = HASH_SPACE / count
    for shard in shards:
        low, high = hash_range(shard)
        assert abs((high - low + 1) - width) <= width * 0.01, (shard["ShardId"], low, high)


def test_update_shard_count_doubles_uniformly(kinesis, stream):
    created = stream(shard_count=2)
    keys = [f"key-{i}" for i in range(40)]
    before = {k: kinesis.put_record(StreamName=created.name, Data=f"{k}:0".encode(), PartitionKey=k) for k in keys}
    answer = kinesis.update_shard_count(StreamName=created.name, TargetShardCount=4, ScalingType="UNIFORM_SCALING")
    assert answer["CurrentShardCount"] == 2
    assert answer["TargetShardCount"] == 4
    assert answer["StreamName"] == created.name
    summary = wait_active(kinesis, created.name)
    assert summary["OpenShardCount"] == 4
    opened = open_shards(kinesis, created.name)
    assert_uniform(opened, 4)
    after = {k: kinesis.put_record(StreamName=created.name, Data=f"{k}:1".encode(), PartitionKey=k) for k in keys}
    for key in keys:
        assert after[key]["ShardId"] == shard_for_hash(opened, md5_hash_key(key))
        assert int(after[key]["SequenceNumber"]) > int(before[key]["SequenceNumber"])
    # Every record is read once, parents before children, in per-key order.
    per_key = {}
    for _, records in read_stream_kcl_order(kinesis, created.name):
        for record in records:
            per_key.setdefault(record["PartitionKey"], []).append(record["Data"])
    assert per_key == {k: [f"{k}:0".encode(), f"{k}:1".encode()] for k in keys}


def test_update_shard_count_down_and_odd_counts(kinesis, stream):
    created = stream(shard_count=4)
    kinesis.update_shard_count(StreamName=created.name, TargetShardCount=3, ScalingType="UNIFORM_SCALING")
    assert wait_active(kinesis, created.name)["OpenShardCount"] == 3
    assert_uniform(open_shards(kinesis, created.name), 3)
    answer = kinesis.update_shard_count(StreamName=created.name, TargetShardCount=5, ScalingType="UNIFORM_SCALING")
    assert answer["CurrentShardCount"] == 3 and answer["TargetShardCount"] == 5
    assert wait_active(kinesis, created.name)["OpenShardCount"] == 5
    assert_uniform(open_shards(kinesis, created.name), 5)
    kinesis.update_shard_count(StreamName=created.name, TargetShardCount=3, ScalingType="UNIFORM_SCALING")
    assert wait_active(kinesis, created.name)["OpenShardCount"] == 3
    assert_uniform(open_shards(kinesis, created.name), 3)
    # The lineage is consistent: every shard but the first four has known, closed parents; intermediate
    # shards (if any) are closed; shard ids are unique and increasing.
    shards = list_all_shards(kinesis, created.name)
    ids = [s["ShardId"] for s in shards]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    known = by_id(shards)
    for shard in shards:
        if shard["ShardId"] in created.shard_ids:
            assert not parents_of_shard(shard)
            continue
        assert parents_of_shard(shard), shard
        for parent in parents_of_shard(shard):
            assert parent in known and not is_open(known[parent]), (shard["ShardId"], parent)
    describe_limits_open = kinesis.describe_stream_summary(StreamName=created.name)
    assert describe_limits_open["StreamDescriptionSummary"]["OpenShardCount"] == 3


def test_update_shard_count_bounds(kinesis, stream):
    created = stream(shard_count=4)
    with aws_error("LimitExceededException"):
        kinesis.update_shard_count(StreamName=created.name, TargetShardCount=9, ScalingType="UNIFORM_SCALING")
    with aws_error("LimitExceededException"):
        kinesis.update_shard_count(StreamName=created.name, TargetShardCount=1, ScalingType="UNIFORM_SCALING")
    with aws_error("ResourceNotFoundException"):
        kinesis.update_shard_count(StreamName=unique_name("missing"), TargetShardCount=2,
                                   ScalingType="UNIFORM_SCALING")
    assert stream_status(kinesis, created.name) == "ACTIVE"
    assert len(open_shards(kinesis, created.name)) == 4
    # The bounds themselves are allowed: exactly half, and (from there) exactly double.
    kinesis.update_shard_count(StreamName=created.name, TargetShardCount=2, ScalingType="UNIFORM_SCALING")
    assert wait_active(kinesis, created.name)["OpenShardCount"] == 2
    kinesis.update_shard_count(StreamName=created.name, TargetShardCount=4, ScalingType="UNIFORM_SCALING")
    assert wait_active(kinesis, created.name)["OpenShardCount"] == 4


def test_describe_limits_follows_resharding(kinesis, stream):
    created = stream(shard_count=2)
    before = kinesis.describe_limits()["OpenShardCount"]
    s0, s1 = created.shard_ids
    kinesis.split_shard(StreamName=created.name, ShardToSplit=s0, NewStartingHashKey=str(HASH_SPACE // 4))
    wait_active(kinesis, created.name)
    assert kinesis.describe_limits()["OpenShardCount"] == before + 1
    opened = sorted(open_shards(kinesis, created.name), key=lambda s: hash_range(s)[0])
    kinesis.merge_shards(StreamName=created.name, ShardToMerge=opened[1]["ShardId"],
                         AdjacentShardToMerge=opened[2]["ShardId"])
    wait_active(kinesis, created.name)
    assert kinesis.describe_limits()["OpenShardCount"] == before


# ----------------------------------------------------------------------------------------------- concurrency

PRODUCERS = 4
KEYS_PER_PRODUCER = 3


def test_resharding_under_concurrent_producers(server, kinesis, stream):
    """Producers write per-key counters while a split, a merge and an UpdateShardCount happen; afterwards,
    read in KCL order, every acknowledged record appears exactly once and each key's counters are in order."""
    created = stream(shard_count=2)
    stop = threading.Event()
    lock = threading.Lock()
    acked: dict[str, list[tuple[int, str, str]]] = {}   # key -> [(counter, sequence number, shard id)]
    failures: list[str] = []
    total = [0]

    def produce(producer: int):
        client = make_client(server.endpoint)
        keys = [f"p{producer}-k{j}" for j in range(KEYS_PER_PRODUCER)]
        counters = {k: 0 for k in keys}
        turn = 0
        while not stop.is_set():
            turn += 1
            try:
                if turn % 4 == 0:
                    # A batch: a few consecutive counters of one key and one of each other key.
                    key = keys[turn % len(keys)]
                    entries = []
                    for _ in range(3):
                        entries.append((key, counters[key]))
                        counters[key] += 1
                    for other in keys:
                        if other != key:
                            entries.append((other, counters[other]))
                            counters[other] += 1
                    answer = client.put_records(StreamName=created.name, Records=[
                        {"Data": json.dumps({"k": k, "n": n}).encode(), "PartitionKey": k} for k, n in entries])
                    with lock:
                        for (k, n), result in zip(entries, answer["Records"]):
                            if "ErrorCode" in result:
                                failures.append(f"{k}#{n}: {result['ErrorCode']} {result.get('ErrorMessage')}")
                            else:
                                acked.setdefault(k, []).append((n, result["SequenceNumber"], result["ShardId"]))
                                total[0] += 1
                else:
                    key = keys[turn % len(keys)]
                    n = counters[key]
                    counters[key] += 1
                    result = client.put_record(StreamName=created.name,
                                               Data=json.dumps({"k": key, "n": n}).encode(), PartitionKey=key)
                    with lock:
                        acked.setdefault(key, []).append((n, result["SequenceNumber"], result["ShardId"]))
                        total[0] += 1
            except (ClientError, BotoCoreError) as error:
                with lock:
                    failures.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=produce, args=(p,), daemon=True) for p in range(PRODUCERS)]
    for thread in threads:
        thread.start()

    def let_producers_write(records: int = 150):
        with lock:
            start = total[0]
        wait_until(lambda: total[0] >= start + records, 20, what=f"{records} more acknowledged records")

    try:
        let_producers_write()
        s0, s1 = created.shard_ids
        kinesis.split_shard(StreamName=created.name, ShardToSplit=s0, NewStartingHashKey=str(HASH_SPACE // 4))
        let_producers_write(50)
        wait_active(kinesis, created.name)
        let_producers_write()
        opened = sorted(open_shards(kinesis, created.name), key=lambda s: hash_range(s)[0])
        assert len(opened) == 3
        kinesis.merge_shards(StreamName=created.name, ShardToMerge=opened[1]["ShardId"],
                             AdjacentShardToMerge=opened[2]["ShardId"])
        let_producers_write(50)
        wait_active(kinesis, created.name)
        let_producers_write()
        kinesis.update_shard_count(StreamName=created.name, TargetShardCount=4, ScalingType="UNIFORM_SCALING")
        let_producers_write(50)
        wait_active(kinesis, created.name)
        let_producers_write()
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert not failures, f"{len(failures)} writes failed during resharding, first: {failures[:5]}"
    assert len(open_shards(kinesis, created.name)) == 4

    shards = list_all_shards(kinesis, created.name)
    shard_ranges = {s["ShardId"]: hash_range(s) for s in shards}
    seen: dict[str, list[tuple[int, str, str]]] = {}
    for shard_id, records in read_stream_kcl_order(kinesis, created.name):
        low, high = shard_ranges[shard_id]
        for record in records:
            body = json.loads(record["Data"])
            assert body["k"] == record["PartitionKey"]
            assert low <= md5_hash_key(record["PartitionKey"]) <= high, (
                f"record of {record['PartitionKey']} in {shard_id}, outside its hash range")
            seen.setdefault(body["k"], []).append((body["n"], record["SequenceNumber"], shard_id))
    assert sorted(seen) == sorted(acked)
    for key, records in acked.items():
        expected = sorted(records)
        got = seen[key]
        got_counters = [n for n, _, _ in got]
        assert len(got_counters) == len(set(got_counters)), f"{key}: duplicates in {got_counters}"
        assert got_counters == sorted(got_counters), f"{key}: out of order: {got_counters}"
        assert got == expected, f"{key}: read {len(got)} records, acknowledged {len(expected)}"
        sequence_numbers = [int(s) for _, s, _ in got]
        assert sequence_numbers == sorted(sequence_numbers), f"{key}: sequence numbers not increasing"
    # Every shard's parents come before it in the order used above.
    position = {s["ShardId"]: i for i, s in enumerate(kcl_order(shards))}
    for shard in shards:
        for parent in parents_of_shard(shard):
            assert position[parent] < position[shard["ShardId"]]
