"""SubscribeToShard (enhanced fan-out push): boto3 over HTTP/1.1 and a raw h2c client over HTTP/2.

AWS semantics: the answer is an application/vnd.amazon.eventstream body: an `initial-response` event, then
`SubscribeToShardEvent` events carrying Records, ContinuationSequenceNumber and MillisBehindLatest. Records
are pushed as they arrive; idle subscriptions still get (empty) events. At the end of a closed shard the last
event lists ChildShards and has no ContinuationSequenceNumber (the KCL and Flink treat a null
ContinuationSequenceNumber as the shard's end). A second subscription of the same consumer to the same shard
while one is open is refused with ResourceInUseException.
"""

from __future__ import annotations

import datetime
import time

import pytest

from support import (
    HASH_SPACE, MAX_HASH_KEY, BotoSubscription, Http2Subscription, aws_error, consumer_stream_factory,
    register_active_consumer, subscription_error_code, unique_name, wait_active,
)

TRANSPORTS = ["http1", "http2"]


@pytest.fixture
def stream(kinesis):
    with consumer_stream_factory(kinesis) as factory:
        yield factory


@pytest.fixture
def subscribe(server, kinesis):
    """Factory: subscribe(transport, consumer_arn, shard_id, position) -> Subscription, closed at the end."""
    opened = []

    def factory(transport: str, consumer_arn: str, shard_id: str, position: dict):
        if transport == "http1":
            subscription = BotoSubscription(kinesis, consumer_arn, shard_id, position)
        else:
            subscription = Http2Subscription(server.endpoint, consumer_arn, shard_id, position)
        opened.append(subscription)
        return subscription

    yield factory
    for subscription in opened:
        subscription.close()


def events_with_records(events):
    return [e for e in events if e.kind == "SubscribeToShardEvent"]


def assert_event_shape(event):
    body = event.body
    assert isinstance(body["Records"], list)
    assert isinstance(body["MillisBehindLatest"], int) and body["MillisBehindLatest"] >= 0
    if body.get("ChildShards"):
        assert body.get("ContinuationSequenceNumber") is None, (
            "the shard-end event must have no ContinuationSequenceNumber (KCL: null means shard end)")
    else:
        assert body.get("ContinuationSequenceNumber"), f"event without ContinuationSequenceNumber: {body}"
    for record in body["Records"]:
        assert isinstance(record["Data"], bytes)
        assert record["SequenceNumber"] and record["PartitionKey"]
        assert "ApproximateArrivalTimestamp" in record


# ----------------------------------------------------------------------------------------------- delivery

@pytest.mark.parametrize("transport", TRANSPORTS)
def test_delivers_existing_then_new_records(kinesis, stream, subscribe, transport):
    created = stream()
    consumer = register_active_consumer(kinesis, created.arn)
    first = [kinesis.put_record(StreamName=created.name, Data=f"old-{i}".encode(), PartitionKey=f"k{i}")
             for i in range(5)]
    subscription = subscribe(transport, consumer, created.shard_ids[0], {"Type": "TRIM_HORIZON"})
    records, events = subscription.collect_records(5, 10)
    assert [r["Data"] for r in records] == [f"old-{i}".encode() for i in range(5)]
    assert [r["SequenceNumber"] for r in records] == [p["SequenceNumber"] for p in first]
    assert [r["PartitionKey"] for r in records] == [f"k{i}" for i in range(5)]
    for event in events_with_records(events):
        assert_event_shape(event)
    last_with_records = [e for e in events_with_records(events) if e.body["Records"]][-1]
    assert int(last_with_records.body["ContinuationSequenceNumber"]) >= int(first[-1]["SequenceNumber"])

    second = [kinesis.put_record(StreamName=created.name, Data=f"new-{i}".encode(), PartitionKey="k")
              for i in range(5)]
    records, events = subscription.collect_records(5, 10)
    assert [r["Data"] for r in records] == [f"new-{i}".encode() for i in range(5)]
    assert [r["SequenceNumber"] for r in records] == [p["SequenceNumber"] for p in second]
    for event in events_with_records(events):
        assert_event_shape(event)


def test_http2_answer_is_an_event_stream_led_by_initial_response(server, kinesis, stream):
    created = stream()
    consumer = register_active_consumer(kinesis, created.arn)
    kinesis.put_record(StreamName=created.name, Data=b"h2", PartitionKey="k")
    subscription = Http2Subscription(server.endpoint, consumer, created.shard_ids[0], {"Type": "TRIM_HORIZON"})
    try:
        assert subscription.status == 200
        assert subscription.http_version == "HTTP/2"
        assert subscription.content_type.startswith("application/vnd.amazon.eventstream")
        first = subscription.next(10)
        assert first is not None and first.kind == "initial-response", first
        records, events = subscription.collect_records(1, 10)
        assert [r["Data"] for r in records] == [b"h2"]
        assert all(e.kind == "SubscribeToShardEvent" for e in events)
    finally:
        subscription.close()


def test_large_and_binary_records_are_delivered_intact(kinesis, stream, subscribe):
    created = stream()
    payloads = [bytes(range(256)) * 4, b"\x00" * 1000, bytes(500_000)]
    for payload in payloads:
        kinesis.put_record(StreamName=created.name, Data=payload, PartitionKey="bin")
    for transport in TRANSPORTS:
        subscription = subscribe(transport, register_active_consumer(kinesis, created.arn), created.shard_ids[0],
                                 {"Type": "TRIM_HORIZON"})
        records, _ = subscription.collect_records(3, 15)
        assert [r["Data"] for r in records] == payloads, transport
        subscription.close()


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_starting_positions(kinesis, stream, subscribe, transport):
    created = stream()
    shard = created.shard_ids[0]
    puts = [kinesis.put_record(StreamName=created.name, Data=f"r{i}".encode(), PartitionKey="k") for i in range(6)]
    consumers = [register_active_consumer(kinesis, created.arn, f"pos{i}") for i in range(4)]

    at = subscribe(transport, consumers[0], shard,
                   {"Type": "AT_SEQUENCE_NUMBER", "SequenceNumber": puts[2]["SequenceNumber"]})
    records, _ = at.collect_records(4, 10)
    assert [r["Data"] for r in records] == [f"r{i}".encode() for i in range(2, 6)]

    after = subscribe(transport, consumers[1], shard,
                      {"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": puts[2]["SequenceNumber"]})
    records, _ = after.collect_records(3, 10)
    assert [r["Data"] for r in records] == [f"r{i}".encode() for i in range(3, 6)]

    # LATEST is fixed when the subscription is answered (the answer's headers are in by now).
    latest = subscribe(transport, consumers[2], shard, {"Type": "LATEST"})
    kinesis.put_record(StreamName=created.name, Data=b"fresh", PartitionKey="k")
    records, _ = latest.collect_records(1, 10)
    assert [r["Data"] for r in records] == [b"fresh"]

    old = subscribe(transport, consumers[3], shard,
                    {"Type": "AT_TIMESTAMP", "Timestamp": datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)})
    records, _ = old.collect_records(7, 10)
    assert [r["Data"] for r in records] == [f"r{i}".encode() for i in range(6)] + [b"fresh"]


def test_resume_after_continuation_sequence_number(kinesis, stream, subscribe):
    """A consumer resumes with AFTER_SEQUENCE_NUMBER from the last ContinuationSequenceNumber it saw."""
    created = stream()
    shard = created.shard_ids[0]
    for i in range(3):
        kinesis.put_record(StreamName=created.name, Data=f"a{i}".encode(), PartitionKey="k")
    first = subscribe("http1", register_active_consumer(kinesis, created.arn, "one"), shard, {"Type": "TRIM_HORIZON"})
    records, events = first.collect_records(3, 10)
    continuation = [e for e in events if e.kind == "SubscribeToShardEvent"][-1].body["ContinuationSequenceNumber"]
    first.close()
    for i in range(2):
        kinesis.put_record(StreamName=created.name, Data=f"b{i}".encode(), PartitionKey="k")
    resumed = subscribe("http1", register_active_consumer(kinesis, created.arn, "two"), shard,
                        {"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": continuation})
    records, _ = resumed.collect_records(2, 10)
    assert [r["Data"] for r in records] == [b"b0", b"b1"]


def test_idle_events_and_push_latency(kinesis, stream, subscribe):
    created = stream()
    consumer = register_active_consumer(kinesis, created.arn)
    subscription = subscribe("http2", consumer, created.shard_ids[0], {"Type": "LATEST"})
    # With nothing written, events still come at least every 5 seconds.
    idle = []
    deadline = time.monotonic() + 12
    while len(idle) < 2 and time.monotonic() < deadline:
        event = subscription.next(deadline - time.monotonic())
        if event is None:
            break
        assert event.kind != "error", event.body
        if event.kind == "SubscribeToShardEvent":
            assert event.body["Records"] == []
            assert_event_shape(event)
            idle.append(event.at)
    assert len(idle) == 2, f"expected two idle events within 12 s, got {len(idle)}"
    assert idle[1] - idle[0] <= 6.5, f"idle events {idle[1] - idle[0]:.1f}s apart"
    # A record is pushed as soon as it is written (sanity bound, not a benchmark).
    latencies = []
    for i in range(3):
        written = time.monotonic()
        kinesis.put_record(StreamName=created.name, Data=f"ping{i}".encode(), PartitionKey="k")
        records, events = subscription.collect_records(1, 5)
        assert [r["Data"] for r in records] == [f"ping{i}".encode()]
        latencies.append(events[-1].at - written)
    assert max(latencies) < 1.0, f"push latencies {latencies}"


# ----------------------------------------------------------------------------------------------- exclusivity & errors

@pytest.mark.parametrize("transport", TRANSPORTS)
def test_second_concurrent_subscription_is_in_use(server, kinesis, stream, subscribe, transport):
    created = stream(shard_count=2)
    consumer = register_active_consumer(kinesis, created.arn, "only")
    other = register_active_consumer(kinesis, created.arn, "other")
    s0, s1 = created.shard_ids
    kinesis.put_record(StreamName=created.name, Data=b"first", PartitionKey="x", ExplicitHashKey="0")
    holder = subscribe(transport, consumer, s0, {"Type": "TRIM_HORIZON"})
    records, _ = holder.collect_records(1, 10)
    assert [r["Data"] for r in records] == [b"first"]

    def same():
        if transport == "http1":
            return BotoSubscription(kinesis, consumer, s0, {"Type": "TRIM_HORIZON"})
        return Http2Subscription(server.endpoint, consumer, s0, {"Type": "TRIM_HORIZON"})
    assert subscription_error_code(same) == "ResourceInUseException"
    # Another consumer on the same shard, and the same consumer on another shard, are fine.
    assert subscription_error_code(lambda: BotoSubscription(kinesis, other, s0, {"Type": "TRIM_HORIZON"})) is None
    assert subscription_error_code(lambda: BotoSubscription(kinesis, consumer, s1, {"Type": "TRIM_HORIZON"})) is None
    # The holder still receives records.
    kinesis.put_record(StreamName=created.name, Data=b"still", PartitionKey="x", ExplicitHashKey="0")
    records, _ = holder.collect_records(1, 10)
    assert [r["Data"] for r in records] == [b"still"]


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_resubscribe_after_the_client_went_away(server, kinesis, stream, transport):
    """AWS: a SubscribeToShard call made 5 seconds or more after a successful one takes over the subscription;
    so a consumer whose connection dropped can subscribe again to the same shard within a few seconds."""
    created = stream()
    consumer = register_active_consumer(kinesis, created.arn)
    shard = created.shard_ids[0]
    kinesis.put_record(StreamName=created.name, Data=b"once", PartitionKey="k")

    def make():
        if transport == "http1":
            return BotoSubscription(kinesis, consumer, shard, {"Type": "TRIM_HORIZON"})
        return Http2Subscription(server.endpoint, consumer, shard, {"Type": "TRIM_HORIZON"})
    first = make()
    records, _ = first.collect_records(1, 10)
    assert [r["Data"] for r in records] == [b"once"]
    first.close()
    started = time.monotonic()
    codes = []
    while time.monotonic() - started < 7.5:
        code = subscription_error_code(make)
        codes.append((round(time.monotonic() - started, 1), code))
        if code is None:
            break
        time.sleep(0.5)
    assert codes[-1][1] is None, f"could not subscribe again within 7.5 s of closing: {codes}"


def test_subscribe_errors(kinesis, stream):
    created = stream()
    consumer = register_active_consumer(kinesis, created.arn)
    with aws_error("ResourceNotFoundException"):
        kinesis.subscribe_to_shard(ConsumerARN=f"{created.arn}/consumer/nobody:1700000000",
                                   ShardId=created.shard_ids[0], StartingPosition={"Type": "LATEST"})
    code = subscription_error_code(lambda: BotoSubscription(kinesis, consumer, "shardId-000000000042",
                                                            {"Type": "LATEST"}))
    assert code == "ResourceNotFoundException"
    code = subscription_error_code(lambda: BotoSubscription(kinesis, consumer, created.shard_ids[0],
                                                            {"Type": "AT_SEQUENCE_NUMBER"}))
    assert code in ("InvalidArgumentException", "ValidationException")


# ----------------------------------------------------------------------------------------------- resharding

@pytest.mark.parametrize("transport", TRANSPORTS)
def test_follow_child_shards_across_a_split(kinesis, stream, subscribe, transport):
    """Subscribe to the parent, get all its records and then ChildShards, subscribe to the children: every
    record is delivered once, and each key's records arrive in order."""
    created = stream()
    parent = created.shard_ids[0]
    consumer = register_active_consumer(kinesis, created.arn)
    keys = [f"key-{i}" for i in range(12)]
    expected = {k: [] for k in keys}

    def put(key: str, n: int):
        kinesis.put_record(StreamName=created.name, Data=f"{key}#{n}".encode(), PartitionKey=key)
        expected[key].append(f"{key}#{n}".encode())

    for key in keys:
        put(key, 0)
    parent_subscription = subscribe(transport, consumer, parent, {"Type": "TRIM_HORIZON"})
    got, _ = parent_subscription.collect_records(len(keys), 10)
    for key in keys:            # pushed live, before the split
        put(key, 1)
    kinesis.split_shard(StreamName=created.name, ShardToSplit=parent, NewStartingHashKey=str(HASH_SPACE // 2))
    wait_active(kinesis, created.name)
    for key in keys:            # written to the children
        put(key, 2)

    # The parent's subscription ends with an event that lists the children.
    delivered = {parent: list(got)}
    end_event = None
    deadline = time.monotonic() + 15
    while end_event is None and time.monotonic() < deadline:
        event = parent_subscription.next(deadline - time.monotonic())
        if event is None:
            break
        assert event.kind != "error", event.body
        if event.kind == "end":
            break
        if event.kind == "SubscribeToShardEvent":
            assert_event_shape(event)
            delivered[parent] += event.body["Records"]
            if event.body.get("ChildShards"):
                end_event = event
    assert end_event is not None, "the parent's subscription never delivered ChildShards"
    children = end_event.body["ChildShards"]
    assert sorted(c["ShardId"] for c in children) == ["shardId-000000000001", "shardId-000000000002"]
    for child in children:
        assert child["ParentShards"] == [parent]
    assert sorted((int(c["HashKeyRange"]["StartingHashKey"]), int(c["HashKeyRange"]["EndingHashKey"]))
                  for c in children) == [(0, HASH_SPACE // 2 - 1), (HASH_SPACE // 2, MAX_HASH_KEY)]
    assert len(delivered[parent]) == 2 * len(keys)

    for child in children:
        child_subscription = subscribe(transport, consumer, child["ShardId"], {"Type": "TRIM_HORIZON"})
        count = sum(1 for k in keys if child_records_belong(child, k))
        records, _ = child_subscription.collect_records(count, 10)
        delivered[child["ShardId"]] = records
        child_subscription.close()

    per_key = {k: [] for k in keys}
    sequence_numbers = []
    for shard_id in [parent] + sorted(c["ShardId"] for c in children):
        for record in delivered[shard_id]:
            per_key[record["PartitionKey"]].append(record["Data"])
            sequence_numbers.append(record["SequenceNumber"])
    assert len(set(sequence_numbers)) == len(sequence_numbers), "a record was delivered twice"
    assert per_key == expected


def child_records_belong(child: dict, key: str) -> bool:
    from support import md5_hash_key
    low = int(child["HashKeyRange"]["StartingHashKey"])
    high = int(child["HashKeyRange"]["EndingHashKey"])
    return low <= md5_hash_key(key) <= high


def test_follow_child_shards_across_a_merge(kinesis, stream, subscribe):
    created = stream(shard_count=2)
    s0, s1 = created.shard_ids
    consumer = register_active_consumer(kinesis, created.arn)
    kinesis.put_record(StreamName=created.name, Data=b"left", PartitionKey="l", ExplicitHashKey="1")
    kinesis.put_record(StreamName=created.name, Data=b"right", PartitionKey="r", ExplicitHashKey=str(MAX_HASH_KEY))
    kinesis.merge_shards(StreamName=created.name, ShardToMerge=s0, AdjacentShardToMerge=s1)
    wait_active(kinesis, created.name)
    kinesis.put_record(StreamName=created.name, Data=b"merged", PartitionKey="m")
    child_ids = set()
    for shard, data in ((s0, b"left"), (s1, b"right")):
        subscription = subscribe("http2", consumer, shard, {"Type": "TRIM_HORIZON"})
        records, events = subscription.collect_records(10, 10)   # stops at the ChildShards event
        assert [r["Data"] for r in records] == [data]
        ends = [e for e in events if e.kind == "SubscribeToShardEvent" and e.body.get("ChildShards")]
        assert ends, f"no ChildShards for {shard}"
        assert_event_shape(ends[-1])
        for child in ends[-1].body["ChildShards"]:
            assert sorted(child["ParentShards"]) == [s0, s1]
            child_ids.add(child["ShardId"])
        subscription.close()
    assert child_ids == {"shardId-000000000002"}
    child = subscribe("http1", consumer, "shardId-000000000002", {"Type": "TRIM_HORIZON"})
    records, _ = child.collect_records(1, 10)
    assert [r["Data"] for r in records] == [b"merged"]


def test_subscription_of_unknown_stream_consumer_after_stream_deletion(kinesis):
    """A consumer ARN whose stream was deleted is not found."""
    with consumer_stream_factory(kinesis) as factory:
        created = factory()
        consumer = register_active_consumer(kinesis, created.arn, unique_name("gone"))
        shard = created.shard_ids[0]
    code = subscription_error_code(lambda: BotoSubscription(kinesis, consumer, shard, {"Type": "LATEST"}))
    assert code == "ResourceNotFoundException"
