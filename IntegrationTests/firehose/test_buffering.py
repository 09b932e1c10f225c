"""BufferingHints: the interval delivers a partial buffer once it has passed (and not long before), the size hint
cuts a batch as soon as the buffer reaches it, and an interval of 0 delivers at once."""

from __future__ import annotations

import json
import time

from .harness import (
    assert_complete_and_ordered, json_records, put_batches, read_objects, s3_destination, wait_for_keys,
    wait_for_records,
)

MIB = 1024 * 1024


def test_interval_delivers_a_partial_buffer_after_it_passes(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, size_mb=128, interval_seconds=3))["DeliveryStreamName"]
    put_at = time.monotonic()
    put_batches(firehose, name, json_records(5, "interval"))
    time.sleep(1.5)
    assert bucket.keys() == [], "5 small records are far below 128 MiB: they wait for the 3 s interval"
    wait_for_keys(bucket, timeout_seconds=15)
    delivered_after = time.monotonic() - put_at
    assert 2.5 <= delivered_after <= 12, f"delivered {delivered_after:.1f}s after the put, interval is 3 s"
    assert_complete_and_ordered(read_objects(bucket), 5, "interval")


def test_size_hint_cuts_a_batch_long_before_the_interval(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, size_mb=1, interval_seconds=900))["DeliveryStreamName"]
    payloads = json_records(150, "size", batch_size=50, padding=10000)  # about 10 KB each, 1.5 MB in all
    put_batches(firehose, name, payloads, batch_size=50)
    keys = wait_for_keys(bucket, timeout_seconds=15)
    time.sleep(1.5)
    keys = bucket.keys()
    assert len(keys) == 1, f"only the first full MiB is due; the rest waits for the 900 s interval: {keys}"
    body = bucket.read(keys[0])
    record_bytes = len(payloads[0])
    assert MIB - 2 * record_bytes <= len(body) <= MIB + 2 * record_bytes, (
        f"the size-cut object holds {len(body)} bytes, the hint is {MIB}")
    objects = read_objects(bucket)
    seqs = [json.loads(line)["seq"] for line in objects[0].records]
    assert seqs == list(range(len(seqs))), "the first object holds the first records, in order"


def test_zero_interval_delivers_at_once(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, size_mb=128, interval_seconds=0))["DeliveryStreamName"]
    put_at = time.monotonic()
    put_batches(firehose, name, json_records(10, "zero"))
    objects = wait_for_records(bucket, 10, timeout_seconds=10)
    assert time.monotonic() - put_at < 3, "IntervalInSeconds 0 does not wait"
    assert_complete_and_ordered(objects, 10, "zero")
