"""Validation: model violations (botocore's `firehose` model: patterns, ranges, list sizes, enums, required members)
are ValidationException; AWS's semantic rules on prefixes, dynamic partitioning and request sizes are
InvalidArgumentException. The client used here skips botocore's own checks so that the server has to catch them."""

from __future__ import annotations

import pytest

from support import aws_error, unique_name

from .harness import ROLE_ARN, processors, s3_destination

MODEL_VIOLATIONS = {
    "name-pattern": {"DeliveryStreamName": "bad name!"},
    "name-too-long": {"DeliveryStreamName": "n" * 65},
    "size-zero": {"ExtendedS3DestinationConfiguration": s3_destination("v", size_mb=0)},
    "size-too-big": {"ExtendedS3DestinationConfiguration": s3_destination("v", size_mb=129)},
    "interval-too-long": {"ExtendedS3DestinationConfiguration": s3_destination("v", interval_seconds=901)},
    "compression-enum": {"ExtendedS3DestinationConfiguration": s3_destination("v", compression="BROTLI")},
    "bucket-arn-pattern": {"ExtendedS3DestinationConfiguration": {"RoleARN": ROLE_ARN, "BucketARN": "my-bucket"}},
    "role-required": {"ExtendedS3DestinationConfiguration": {"BucketARN": "arn:aws:s3:::v"}},
    "type-enum": {"DeliveryStreamType": "Carrier", "ExtendedS3DestinationConfiguration": s3_destination("v")},
    "http-url-not-https": {"HttpEndpointDestinationConfiguration": {
        "EndpointConfiguration": {"Url": "http://127.0.0.1:9/"},
        "S3Configuration": {"RoleARN": ROLE_ARN, "BucketARN": "arn:aws:s3:::v"}}},
}


@pytest.mark.parametrize("params", MODEL_VIOLATIONS.values(), ids=MODEL_VIOLATIONS.keys())
def test_create_model_violation_is_validation_exception(unvalidated_firehose, firehose, params):
    request = {"DeliveryStreamName": unique_name("fh"), **params}
    with aws_error("ValidationException"):
        unvalidated_firehose.create_delivery_stream(**request)
    if len(request["DeliveryStreamName"]) <= 64 and " " not in request["DeliveryStreamName"]:
        assert request["DeliveryStreamName"] not in firehose.list_delivery_streams(Limit=10000)["DeliveryStreamNames"]


@pytest.fixture
def target(delivery_stream, bucket):
    return delivery_stream(ExtendedS3DestinationConfiguration=s3_destination(bucket.name))["DeliveryStreamName"]


def test_put_record_batch_of_501_records_is_validation_exception(unvalidated_firehose, target):
    with aws_error("ValidationException"):
        unvalidated_firehose.put_record_batch(DeliveryStreamName=target, Records=[{"Data": b"x"}] * 501)


def test_put_record_batch_without_records_is_validation_exception(unvalidated_firehose, target):
    with aws_error("ValidationException"):
        unvalidated_firehose.put_record_batch(DeliveryStreamName=target, Records=[])


def test_record_over_1000_kib_is_validation_exception(unvalidated_firehose, target):
    with aws_error("ValidationException"):
        unvalidated_firehose.put_record(DeliveryStreamName=target, Record={"Data": b"x" * (1024000 + 1)})


def test_record_of_exactly_1000_kib_is_accepted(firehose, target):
    assert firehose.put_record(DeliveryStreamName=target, Record={"Data": b"x" * 1024000})["RecordId"]


def test_batch_over_4_mib_in_total_is_rejected(unvalidated_firehose, target):
    records = [{"Data": b"y" * 1000000}] * 5  # each record is allowed; the request is 5,000,000 bytes > 4 MiB
    with aws_error(("InvalidArgumentException", "ValidationException")):
        unvalidated_firehose.put_record_batch(DeliveryStreamName=target, Records=records)


def test_list_limit_zero_is_validation_exception(unvalidated_firehose):
    with aws_error("ValidationException"):
        unvalidated_firehose.list_delivery_streams(Limit=0)


def test_more_than_fifty_tags_in_one_call_is_validation_exception(unvalidated_firehose, target):
    with aws_error("ValidationException"):
        unvalidated_firehose.tag_delivery_stream(DeliveryStreamName=target,
                                                 Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(51)])


def test_update_destination_with_a_malformed_version_is_validation_exception(unvalidated_firehose, target):
    with aws_error("ValidationException"):
        unvalidated_firehose.update_destination(
            DeliveryStreamName=target, CurrentDeliveryStreamVersionId="one",
            DestinationId="destinationId-000000000001", ExtendedS3DestinationUpdate={"Prefix": "p/"})


DYNAMIC = {"Enabled": True}
QUERY = processors(("MetadataExtraction", {"MetadataExtractionQuery": "{customer:.customer_id}",
                                           "JsonParsingEngine": "JQ-1.6"}))

SEMANTIC_VIOLATIONS = {
    "expression-prefix-without-error-prefix": s3_destination("v", prefix="data/!{timestamp:yyyy}/"),
    "unknown-namespace": s3_destination("v", prefix="data/!{weather:today}/",
                                        error_prefix="e/!{firehose:error-output-type}/"),
    "error-output-type-in-prefix": s3_destination("v", prefix="data/!{firehose:error-output-type}/",
                                                  error_prefix="e/!{firehose:error-output-type}/"),
    "partition-key-without-dynamic-partitioning": s3_destination(
        "v", size_mb=64, prefix="customer=!{partitionKeyFromQuery:customer}/",
        error_prefix="e/!{firehose:error-output-type}/", ProcessingConfiguration=QUERY),
    "dynamic-partitioning-under-64-mib": s3_destination(
        "v", size_mb=1, prefix="customer=!{partitionKeyFromQuery:customer}/",
        error_prefix="e/!{firehose:error-output-type}/", ProcessingConfiguration=QUERY,
        DynamicPartitioningConfiguration=DYNAMIC),
    "error-prefix-expression-without-error-output-type": s3_destination(
        "v", prefix="data/!{timestamp:yyyy}/", error_prefix="errors/!{timestamp:yyyy}/"),
    "unterminated-expression": s3_destination("v", prefix="data/!{timestamp:yyyy/",
                                              error_prefix="e/!{firehose:error-output-type}/"),
}


@pytest.mark.parametrize("config", SEMANTIC_VIOLATIONS.values(), ids=SEMANTIC_VIOLATIONS.keys())
def test_create_semantic_violation_is_invalid_argument(firehose, config):
    name = unique_name("fh")
    with aws_error("InvalidArgumentException"):
        firehose.create_delivery_stream(DeliveryStreamName=name, ExtendedS3DestinationConfiguration=config)
    assert name not in firehose.list_delivery_streams(Limit=10000)["DeliveryStreamNames"]


def test_buffering_hints_must_come_in_pairs(unvalidated_firehose):
    config = {"RoleARN": ROLE_ARN, "BucketARN": "arn:aws:s3:::v", "BufferingHints": {"SizeInMBs": 5}}
    with aws_error(("InvalidArgumentException", "ValidationException")):
        unvalidated_firehose.create_delivery_stream(DeliveryStreamName=unique_name("fh"),
                                                    ExtendedS3DestinationConfiguration=config)
