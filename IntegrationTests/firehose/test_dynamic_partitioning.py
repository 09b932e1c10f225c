"""Dynamic partitioning: MetadataExtraction with JQ-1.6 queries (paths, object construction, string functions)
and partition keys returned by the Lambda processor decide each record's prefix; AppendDelimiterToRecord adds the
newline; records whose keys cannot be extracted go to the error output."""

from __future__ import annotations

import base64
import json
import re

from .harness import (
    error_lines, processors, read_objects, s3_destination, suffix_pattern, wait_for_keys, wait_for_records,
)
from .listeners import lambda_arn

ERROR_PREFIX = "errors/!{firehose:error-output-type}/"
TIME_FOLDERS = r"(?:\d{4}/\d{2}/\d{2}/\d{2}/)?"


def dynamic_destination(bucket: str, prefix: str, *processor_entries) -> dict:
    return s3_destination(bucket, size_mb=64, interval_seconds=1, prefix=prefix, error_prefix=ERROR_PREFIX,
                          DynamicPartitioningConfiguration={"Enabled": True},
                          ProcessingConfiguration=processors(*processor_entries))


def extraction(query: str) -> tuple[str, dict]:
    return ("MetadataExtraction", {"MetadataExtractionQuery": query, "JsonParsingEngine": "JQ-1.6"})


DELIMITER = ("AppendDelimiterToRecord", {})


def records_under(bucket, prefix: str) -> list[dict]:
    return [json.loads(line) for item in read_objects(bucket, prefix) for line in item.records]


def test_each_record_lands_under_the_prefix_of_its_jq_key(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=dynamic_destination(
        bucket.name, "customer=!{partitionKeyFromQuery:customer}/",
        extraction("{customer:.customer_id}"), DELIMITER))["DeliveryStreamName"]
    customers = ["acme", "globex", "initech"]
    documents = [{"customer_id": customers[n % 3], "n": n} for n in range(90)]
    firehose.put_record_batch(DeliveryStreamName=name,
                              Records=[{"Data": json.dumps(doc).encode()} for doc in documents])
    wait_for_records(bucket, 90)
    for customer in customers:
        keys = bucket.keys(f"customer={customer}/")
        assert keys, f"nothing under customer={customer}/; keys: {bucket.keys()[:10]}"
        for key in keys:
            assert re.match(rf"^customer={customer}/{TIME_FOLDERS}{suffix_pattern(name)}$", key), key
        delivered = records_under(bucket, f"customer={customer}/")
        assert delivered == [doc for doc in documents if doc["customer_id"] == customer], (
            "each partition holds exactly its records, in put order, one per line")
    assert all(key.startswith("customer=") for key in bucket.keys()), bucket.keys()


def test_nested_paths_and_string_functions_build_several_keys(delivery_stream, firehose, bucket):
    query = "{customer: .customer.id, kind: .event.kind | ascii_downcase}"
    name = delivery_stream(ExtendedS3DestinationConfiguration=dynamic_destination(
        bucket.name, "customer=!{partitionKeyFromQuery:customer}/kind=!{partitionKeyFromQuery:kind}/",
        extraction(query), DELIMITER))["DeliveryStreamName"]
    documents = [{"customer": {"id": f"c{n % 2}"}, "event": {"kind": ["Click", "VIEW"][n // 2 % 2]}, "n": n}
                 for n in range(40)]
    firehose.put_record_batch(DeliveryStreamName=name,
                              Records=[{"Data": json.dumps(doc).encode()} for doc in documents])
    wait_for_records(bucket, 40)
    for customer in ("c0", "c1"):
        for kind in ("click", "view"):
            prefix = f"customer={customer}/kind={kind}/"
            expected = [doc for doc in documents
                        if doc["customer"]["id"] == customer and doc["event"]["kind"].lower() == kind]
            assert records_under(bucket, prefix) == expected, prefix


def test_records_without_extractable_keys_go_to_the_error_output(delivery_stream, firehose, bucket):
    name = delivery_stream(ExtendedS3DestinationConfiguration=dynamic_destination(
        bucket.name, "customer=!{partitionKeyFromQuery:customer}/",
        extraction("{customer:.customer_id}"), DELIMITER))["DeliveryStreamName"]
    good = [json.dumps({"customer_id": "acme", "n": n}).encode() for n in range(3)]
    bad = b"this is not json"
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in [good[0], bad, *good[1:]]])
    wait_for_records(bucket, 3, prefix="customer=acme/")
    wait_for_keys(bucket, "errors/")
    failures = error_lines(read_objects(bucket, "errors/"))
    assert [base64.b64decode(doc["rawData"]) for doc in failures] == [bad]
    assert failures[0].get("errorCode") and failures[0].get("errorMessage"), failures[0]
    assert records_under(bucket, "customer=acme/") == [json.loads(data) for data in good]


def test_lambda_partition_keys_decide_the_prefix(delivery_stream, firehose, bucket, lambda_stub):
    arn = lambda_arn("tenant-router")
    name = delivery_stream(ExtendedS3DestinationConfiguration=dynamic_destination(
        bucket.name, "tenant=!{partitionKeyFromLambda:tenant}/",
        ("Lambda", {"LambdaArn": arn})))["DeliveryStreamName"]
    documents = [{"tenant": ["red", "blue"][n % 2], "n": n} for n in range(20)]
    firehose.put_record_batch(DeliveryStreamName=name,
                              Records=[{"Data": json.dumps(doc).encode()} for doc in documents])
    wait_for_records(bucket, 20)
    for tenant in ("red", "blue"):
        expected = [{**doc, "transformed": True} for doc in documents if doc["tenant"] == tenant]
        assert records_under(bucket, f"tenant={tenant}/") == expected, tenant
    assert lambda_stub.invocations_for(arn), "the transform endpoint was called with the function's ARN"
