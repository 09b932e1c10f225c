"""Every CompressionFormat on the local-files destination: 10,000 JSON records put in batches of 500 arrive complete
and in order, in objects named with the format's extension (.gz, .zip, .snappy, .hsnappy per AWS's object name
table) that the standard tools read: gunzip, unzip, python-snappy (framing format; Hadoop's block format)."""

from __future__ import annotations

import pytest

from support import unique_name

from .harness import (
    COMPRESSION_FORMATS, DECODERS, LocalBucket, assert_complete_and_ordered, create_delivery_stream,
    default_key_pattern, delete_delivery_stream_and_wait, json_records, put_batches, s3_destination,
    wait_for_records,
)

RECORD_COUNT = 10000


@pytest.fixture(scope="module")
def compressed_streams(firehose, s3_root):
    """One delivery stream and bucket per format, all filled before any test waits, so they share the waiting."""
    streams = {}
    for compression in COMPRESSION_FORMATS:
        bucket = LocalBucket(s3_root, unique_name("compressed"))
        name = unique_name("fh")
        create_delivery_stream(firehose, name, ExtendedS3DestinationConfiguration=s3_destination(
            bucket.name, size_mb=1, interval_seconds=1, compression=compression))
        streams[compression] = (name, bucket)
    for compression, (name, _) in streams.items():
        put_batches(firehose, name, json_records(RECORD_COUNT, compression))
    yield streams
    for name, _ in streams.values():
        delete_delivery_stream_and_wait(firehose, name)


@pytest.mark.parametrize("compression", COMPRESSION_FORMATS)
def test_ten_thousand_records_arrive_complete_and_in_order(compressed_streams, compression):
    name, bucket = compressed_streams[compression]
    objects = wait_for_records(bucket, RECORD_COUNT, decode=DECODERS[compression], what=compression)
    pattern = default_key_pattern(name, compression)
    for item in objects:
        assert pattern.match(item.key), f"{item.key!r} is not a {compression} object key"
    assert_complete_and_ordered(objects, RECORD_COUNT, compression)
    if compression != "UNCOMPRESSED":
        plain = sum(len(line) + 1 for item in objects for line in item.records)
        stored = sum(len(item.body) for item in objects)
        assert stored < plain, f"{compression} objects ({stored} bytes) are not smaller than the data ({plain} bytes)"
