"""Delivery through a real S3 API (`--s3-endpoint` pointed at moto's server): 10,000 JSON records per compression
format arrive complete and in order under AWS's keys, a large object is uploaded in parts, and a delivery that
fails (the bucket does not exist yet) is retried within the S3 retry window."""

from __future__ import annotations

import time

import pytest

from support import ACCESS_KEY, SECRET_KEY, FlaggedServerProcess, unique_name

from .harness import (
    COMPRESSION_FORMATS, DECODERS, MotoServer, S3Bucket, assert_complete_and_ordered, create_delivery_stream,
    default_key_pattern, delete_delivery_stream_and_wait, firehose_client, json_records, put_batches, s3_client,
    s3_destination, wait_for_keys, wait_for_records,
)

RECORD_COUNT = 10000


@pytest.fixture(scope="module")
def moto(tmp_path_factory):
    base = tmp_path_factory.mktemp("moto")
    server = MotoServer(base / "moto.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory, moto):
    """A Tributary server whose S3 destinations deliver to moto."""
    base = tmp_path_factory.mktemp("firehose-moto")
    process = FlaggedServerProcess(
        base / "data", log_path=base / "server.log", state_delay_ms=50,
        extra_args=["--s3-endpoint", moto.endpoint, "--s3-access-key", ACCESS_KEY, "--s3-secret-key", SECRET_KEY,
                    "--s3-region", "us-east-1", "--s3-retry-seconds", "120"])
    process.start()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def s3(moto):
    return s3_client(moto.endpoint)


@pytest.fixture(scope="module")
def remote_firehose(s3_server):
    return firehose_client(s3_server.endpoint)


@pytest.fixture(scope="module")
def moto_streams(remote_firehose, s3):
    """One bucket and delivery stream per compression format, all filled before any test waits."""
    streams = {}
    for compression in COMPRESSION_FORMATS:
        bucket = S3Bucket(s3, unique_name("moto"))
        s3.create_bucket(Bucket=bucket.name)
        name = unique_name("fh")
        create_delivery_stream(remote_firehose, name, ExtendedS3DestinationConfiguration=s3_destination(
            bucket.name, size_mb=1, interval_seconds=1, compression=compression))
        streams[compression] = (name, bucket)
    for compression, (name, _) in streams.items():
        put_batches(remote_firehose, name, json_records(RECORD_COUNT, compression))
    yield streams
    for name, _ in streams.values():
        delete_delivery_stream_and_wait(remote_firehose, name)


@pytest.mark.parametrize("compression", COMPRESSION_FORMATS)
def test_ten_thousand_records_reach_moto_complete_and_in_order(moto_streams, compression):
    name, bucket = moto_streams[compression]
    objects = wait_for_records(bucket, RECORD_COUNT, decode=DECODERS[compression], what=f"moto {compression}")
    pattern = default_key_pattern(name, compression)
    for item in objects:
        assert pattern.match(item.key), f"{item.key!r} is not a {compression} object key"
    assert_complete_and_ordered(objects, RECORD_COUNT, compression)


def test_a_large_object_is_uploaded_in_parts(remote_firehose, s3):
    bucket = S3Bucket(s3, unique_name("moto-large"))
    s3.create_bucket(Bucket=bucket.name)
    name = unique_name("fh")
    create_delivery_stream(remote_firehose, name, ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, size_mb=32, interval_seconds=1))
    try:
        payloads = [bytes([65 + n]) * 999999 + b"\n" for n in range(20)]  # 20 MB, one object
        put_batches(remote_firehose, name, payloads, batch_size=4)
        keys = wait_for_keys(bucket, timeout_seconds=60)
        time.sleep(1.5)
        keys = bucket.keys()
        assert len(keys) == 1, keys
        body = bucket.read(keys[0])
        assert body == b"".join(payloads), f"object of {len(body)} bytes differs from the 20,000,000 bytes put"
        etag = s3.head_object(Bucket=bucket.name, Key=keys[0])["ETag"].strip('"')
        assert "-" in etag, f"a 20 MB object is uploaded with a multipart upload (ETag {etag} is a single PUT's)"
    finally:
        delete_delivery_stream_and_wait(remote_firehose, name)


def test_delivery_is_retried_until_the_bucket_exists(remote_firehose, s3):
    bucket = S3Bucket(s3, unique_name("moto-late"))
    name = unique_name("fh")
    create_delivery_stream(remote_firehose, name, ExtendedS3DestinationConfiguration=s3_destination(bucket.name))
    try:
        payloads = json_records(50, "late")
        put_batches(remote_firehose, name, payloads)
        time.sleep(3)
        s3.create_bucket(Bucket=bucket.name)
        objects = wait_for_records(bucket, 50, timeout_seconds=60, what="records after the bucket appeared")
        assert_complete_and_ordered(objects, 50, "late")
    finally:
        delete_delivery_stream_and_wait(remote_firehose, name)
