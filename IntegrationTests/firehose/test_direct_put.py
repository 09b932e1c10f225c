"""DirectPut to the local-files destination: objects land in `<s3 root>/<bucket>/<key>` under AWS's key format
(`YYYY/MM/dd/HH/<name>-<version>-YYYY-MM-dd-HH-mm-ss-<uuid>`, UTC), records concatenated in put order with nothing
added, custom prefixes evaluated, and every object written whole."""

from __future__ import annotations

import json
import re
import threading
import time

from support import aws_error, unique_name, wait_until

from .harness import (
    UUID_PATTERN, assert_complete_and_ordered, assert_key_time_plausible, create_delivery_stream,
    default_key_pattern, delete_delivery_stream_and_wait, describe, firehose_client, json_records, put_batches,
    s3_destination, suffix_pattern, wait_for_keys, wait_for_records,
)


def test_records_are_concatenated_in_put_order_under_the_default_key(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(bucket.name))["DeliveryStreamName"]
    records = [b"alpha", b"beta", bytes(range(256)), b"", b"\xff\xfe gamma"]
    started = time.time()
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in records])
    keys = wait_for_keys(bucket)
    time.sleep(1.5)  # a second interval: nothing else may follow
    keys = bucket.keys()
    assert len(keys) == 1, f"one PutRecordBatch under the size hint makes one object, got {keys}"
    match = default_key_pattern(name).match(keys[0])
    assert match, f"key {keys[0]!r} does not follow YYYY/MM/dd/HH/{name}-1-YYYY-MM-dd-HH-mm-ss-<uuid>"
    assert_key_time_plausible(match, started, time.time())
    assert bucket.read(keys[0]) == b"".join(records), "records are concatenated byte for byte, without delimiters"


def test_put_record_calls_accumulate_in_order(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(bucket.name))["DeliveryStreamName"]
    payloads = json_records(60, "single")
    for data in payloads:
        firehose.put_record(DeliveryStreamName=name, Record={"Data": data})
    objects = wait_for_records(bucket, 60)
    assert_complete_and_ordered(objects, 60, "single")
    for item in objects:
        assert default_key_pattern(name).match(item.key), item.key


def test_objects_after_update_destination_carry_the_new_version(delivery_stream, firehose, bucket):
    description = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(bucket.name))
    name = description["DeliveryStreamName"]
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"before\n"})
    first = wait_for_keys(bucket)
    assert default_key_pattern(name, version=1).match(first[0]), first
    firehose.update_destination(DeliveryStreamName=name, CurrentDeliveryStreamVersionId=description["VersionId"],
                                DestinationId=description["Destinations"][0]["DestinationId"],
                                ExtendedS3DestinationUpdate={"BufferingHints": {"SizeInMBs": 2,
                                                                                "IntervalInSeconds": 1}})
    wait_until(lambda: describe(firehose, name)["DeliveryStreamStatus"] == "ACTIVE", 10, what="ACTIVE")
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"after\n"})
    keys = wait_for_keys(bucket, count=2)
    later = [key for key in keys if key not in first]
    assert len(later) == 1 and default_key_pattern(name, version=2).match(later[0]), keys
    assert bucket.read(later[0]) == b"after\n"


def test_custom_prefix_evaluates_timestamp_and_random_string(delivery_stream, firehose, bucket):
    prefix = "logs/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/!{timestamp:HH}/!{firehose:random-string}/"
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, prefix=prefix, error_prefix="errors/!{firehose:error-output-type}/"))["DeliveryStreamName"]
    pattern = re.compile(r"^logs/(?P<y>\d{4})/(?P<mo>\d{2})/(?P<d>\d{2})/(?P<h>\d{2})/(?P<random>[A-Za-z0-9_-]{11})/"
                         + r"(?P<suffix>" + re.escape(name) + r"-1-(?P<Y>\d{4})-(?P<MO>\d{2})-(?P<D>\d{2})-"
                         + r"(?P<H>\d{2})-(?P<MI>\d{2})-(?P<S>\d{2})-" + UUID_PATTERN + r")$")
    started = time.time()
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"first\n"})
    first = wait_for_keys(bucket, "logs/")
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"second\n"})
    keys = wait_for_keys(bucket, "logs/", count=2)
    matches = [pattern.match(key) for key in keys]
    assert all(matches), f"keys {keys} do not follow {prefix} + the default suffix"
    for match in matches:
        assert_key_time_plausible(match, started, time.time())
    assert matches[0]["random"] != matches[1]["random"], "random-string is drawn per object"
    assert not bucket.keys("errors/"), "nothing failed"
    assert {bucket.read(key) for key in keys} == {b"first\n", b"second\n"}, first


def test_prefix_without_timestamp_gets_the_default_time_folders_appended(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, prefix="static/"))["DeliveryStreamName"]
    started = time.time()
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"x\n"})
    keys = wait_for_keys(bucket)
    match = default_key_pattern(name, prefix="static/").match(keys[0])
    assert match, f"{keys[0]!r} should be static/YYYY/MM/dd/HH/<suffix>"
    assert_key_time_plausible(match, started, time.time())


def test_a_prefix_without_trailing_slash_is_glued_to_the_name(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, prefix="flat-!{timestamp:yyyy}-", error_prefix="errors/!{firehose:error-output-type}/"))[
        "DeliveryStreamName"]
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"x\n"})
    keys = wait_for_keys(bucket)
    assert re.match(r"^flat-\d{4}-" + suffix_pattern(name) + "$", keys[0]), keys


def test_a_concurrent_reader_never_sees_part_of_an_object(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, size_mb=128, interval_seconds=1))["DeliveryStreamName"]
    payloads = json_records(400, "whole", batch_size=100, padding=8000)  # about 3.2 MB in one object
    problems, seen, stop = [], {}, threading.Event()

    def watch():
        while not stop.is_set():
            for key in bucket.keys():
                try:
                    body = bucket.read(key)
                except FileNotFoundError:
                    problems.append(f"{key} listed but gone")
                    continue
                if key in seen and seen[key] != len(body):
                    problems.append(f"{key} changed size {seen[key]} -> {len(body)}")
                seen[key] = len(body)
                if not body.endswith(b"\n"):
                    problems.append(f"{key} read with {len(body)} bytes, not ending at a record boundary")
            time.sleep(0.002)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        put_batches(firehose, name, payloads, batch_size=100)
        objects = wait_for_records(bucket, 400)
    finally:
        stop.set()
        watcher.join(timeout=5)
    assert not problems, problems[:5]
    assert_complete_and_ordered(objects, 400, "whole")
    assert bucket.hidden_files() == [], "no temporary files are left behind"


def test_deleted_delivery_stream_no_longer_accepts_records(firehose, bucket):
    name = unique_name("fh")
    create_delivery_stream(firehose, name, ExtendedS3DestinationConfiguration=s3_destination(bucket.name))
    delete_delivery_stream_and_wait(firehose, name)
    with aws_error("ResourceNotFoundException"):
        firehose.put_record(DeliveryStreamName=name, Record={"Data": b"late\n"})



def test_concurrent_producers_keep_their_own_order(delivery_stream, firehose, server, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(bucket.name))["DeliveryStreamName"]
    producers, per_producer, errors = 4, 1500, []

    def produce(producer: int):
        try:
            client = firehose_client(server.endpoint)
            put_batches(client, name, json_records(per_producer, f"p{producer}"))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=produce, args=(n,)) for n in range(producers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors[:1]
    objects = wait_for_records(bucket, producers * per_producer)
    for producer in range(producers):
        tag = f"p{producer}"
        runs = []
        for item in objects:
            seqs = [doc["seq"] for doc in map(json.loads, item.records) if doc["tag"] == tag]
            assert seqs == sorted(seqs), f"{tag} out of order inside {item.key}"
            if seqs:
                runs.append(seqs)
        runs.sort()
        assert [seq for run in runs for seq in run] == list(range(per_producer)), (
            f"{tag}: records lost, duplicated or interleaved across objects")
