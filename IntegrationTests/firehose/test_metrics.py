"""/metrics: Firehose's CloudWatch metrics with the DeliveryStreamName dimension (dots in CloudWatch names become
underscores): IncomingRecords, IncomingBytes, DeliveryToS3.Records/Success/DataFreshness and the
DeliveryToHttpEndpoint equivalents."""

from __future__ import annotations

import json

from support import unique_name, wait_until

from .harness import ROLE_ARN, s3_destination, scrape_metrics, wait_for_records


def label(name: str) -> str:
    return f'{{DeliveryStreamName="{name}"}}'


def test_s3_delivery_metrics_count_incoming_and_delivered_records(server, delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(bucket.name))["DeliveryStreamName"]
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": b"1234\n"}] * 3)
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"1234\n"})
    incoming = scrape_metrics(server.endpoint)
    assert incoming["IncomingRecords" + label(name)] == 4
    assert incoming["IncomingBytes" + label(name)] == 20
    wait_for_records(bucket, 4)
    samples = wait_until(lambda: (s := scrape_metrics(server.endpoint)).get("DeliveryToS3_Records" + label(name)) == 4
                         and s, 10, what="DeliveryToS3_Records = 4")
    assert samples["DeliveryToS3_Success" + label(name)] >= 1
    assert "DeliveryToS3_DataFreshness" + label(name) in samples
    assert samples["DeliveryToS3_DataFreshness" + label(name)] >= 0


def test_http_endpoint_metrics_count_delivered_records(server, delivery_stream, firehose, bucket, https_receiver):
    path = f"/ok/{unique_name('metrics')}"
    name = delivery_stream(HttpEndpointDestinationConfiguration={
        "EndpointConfiguration": {"Url": https_receiver.url(path)},
        "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 1},
        "S3Configuration": {"RoleARN": ROLE_ARN, "BucketARN": bucket.arn},
    })["DeliveryStreamName"]
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": json.dumps({"n": n}).encode()}
                                                                for n in range(5)])
    samples = wait_until(
        lambda: (s := scrape_metrics(server.endpoint)).get("DeliveryToHttpEndpoint_Records" + label(name)) == 5 and s,
        20, what="DeliveryToHttpEndpoint_Records = 5")
    assert samples["IncomingRecords" + label(name)] == 5
    assert samples["DeliveryToHttpEndpoint_Success" + label(name)] >= 1
    assert len(https_receiver.received(path)) >= 1
