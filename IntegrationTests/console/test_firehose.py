"""The console's Firehose pages in headless Chromium: a delivery stream's source, destination and buffering in the
list, a record put through its page, and the live counters showing it delivered, checked against the object the
server wrote."""

from __future__ import annotations

import json

import pytest

from support import unique_name, wait_until

from firehose.harness import (
    LocalBucket, create_delivery_stream, delete_delivery_stream_and_wait, firehose_client, s3_destination,
    split_lines,
)


@pytest.fixture(scope="module")
def firehose(server):
    return firehose_client(server.endpoint)


def test_a_delivery_stream_delivers_while_the_page_watches(console, firehose, server):
    name = unique_name("console-fh")
    bucket = LocalBucket(server.data_dir / "s3", unique_name("console-bucket"))
    create_delivery_stream(firehose, name, ExtendedS3DestinationConfiguration=s3_destination(
        bucket.name, interval_seconds=1, prefix="console/"))
    try:
        console.open("/firehose")
        console.wait_text("#delivery-stream-list", name)
        row = next(r for r in console.texts("#delivery-stream-list tr") if name in r)
        assert "ACTIVE" in row and "Direct PUT" in row and f"s3://{bucket.name}/console/" in row
        assert "1 MiB or 1 s" in row and "Not yet" in row

        console.open(f"/firehose/{name}")
        console.wait_text("#delivery-counters", "Records delivered")
        assert console.text_of("#delivered-count") == "0"
        record = {"hello": "firehose", "from": "console"}
        console.fill("#firehose-put textarea[name=data]", json.dumps(record))
        console.element("#firehose-put button[type=submit]").click()
        console.wait_text("#firehose-put-result", "Accepted as record")

        console.wait(lambda _: console.text_of("#delivered-count") == "1", timeout=30,
                     message="the page never counted the delivered record")
        assert console.text_of("#last-delivery") != "Not yet"
        wait_until(lambda: bucket.keys("console/"), 10, what="the delivered object")
        [key] = bucket.keys("console/")
        assert [json.loads(line) for line in split_lines(bucket.read(key))] == [record]
        console.screenshot("firehose")

        console.open("/firehose")
        console.wait(lambda _: console.text_of(f'.delivered[data-stream="{name}"]') == "1",
                     message="the list never showed the delivered count")
        console.screenshot("firehose-list")
        assert console.errors() == []
    finally:
        delete_delivery_stream_and_wait(firehose, name)
