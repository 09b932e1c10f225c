"""The Lambda processor: the transform endpoint (`--transform-url`, or `--transform-command`) receives exactly
Lambda's Firehose event and its answer decides each record: Ok records are delivered as transformed, Dropped ones
vanish, ProcessingFailed ones (and every record of a failed invocation) go to the error output as JSON lines with
the raw data. S3BackupMode Enabled keeps every source record under the backup prefix."""

from __future__ import annotations

import base64
import json
import sys
import textwrap
import time

import pytest

from support import FlaggedServerProcess, unique_name

from .harness import (
    ROLE_ARN, LocalBucket, create_delivery_stream, default_key_pattern, delete_delivery_stream_and_wait, error_lines,
    firehose_client, processors, read_objects, s3_destination, wait_for_keys, wait_for_records,
)
from .listeners import lambda_arn

OUT_PREFIX = "out/!{timestamp:yyyy}/"
ERROR_PREFIX = "errors/!{firehose:error-output-type}/!{timestamp:yyyy}/"


def lambda_destination(bucket: str, arn: str, **extra) -> dict:
    return s3_destination(bucket, prefix=OUT_PREFIX, error_prefix=ERROR_PREFIX,
                          ProcessingConfiguration=processors(("Lambda", {"LambdaArn": arn, "NumberOfRetries": "0"})),
                          **extra)


def test_ok_dropped_and_processing_failed_are_handled_as_aws_does(delivery_stream, firehose, bucket, lambda_stub):
    arn = lambda_arn(unique_name("transform"))
    description = delivery_stream(ExtendedS3DestinationConfiguration=lambda_destination(bucket.name, arn))
    name = description["DeliveryStreamName"]
    actions = ["ok", "drop", "fail"]
    documents = [{"n": n, "action": actions[n % 3]} for n in range(12)]
    payloads = [json.dumps(doc).encode() for doc in documents]
    started = time.time()
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])

    delivered = wait_for_records(bucket, 4, prefix="out/")
    assert [json.loads(line) for item in delivered for line in item.records] == [
        {**doc, "transformed": True} for doc in documents if doc["action"] == "ok"], "Ok records, as transformed"

    error_prefix = f"errors/processing-failed/{time.gmtime(started).tm_year}/"
    wait_for_keys(bucket, error_prefix)
    failures = error_lines(read_objects(bucket, error_prefix))
    assert [base64.b64decode(doc["rawData"]) for doc in failures] == [
        data for data, doc in zip(payloads, documents) if doc["action"] == "fail"], "failed records keep raw data"
    for failure in failures:
        for field in ("attemptsMade", "arrivalTimestamp", "errorCode", "errorMessage", "rawData", "lambdaArn"):
            assert field in failure, f"{field} missing from the processing-failed record {failure}"
        assert failure["lambdaArn"] == arn
        assert started * 1000 - 2000 <= failure["arrivalTimestamp"] <= time.time() * 1000 + 2000
    everything = b"".join(item.body for item in read_objects(bucket))
    assert b'"drop"' not in everything.replace(b" ", b"") and base64.b64encode(payloads[1]) not in everything, (
        "Dropped records are delivered nowhere")

    invocations = lambda_stub.invocations_for(arn)
    assert invocations, "the transform endpoint was called with the function's ARN in X-Tributary-Lambda-Arn"
    sent = []
    for invocation in invocations:
        event = invocation.event
        assert isinstance(event["invocationId"], str) and event["invocationId"]
        assert event["deliveryStreamArn"] == description["DeliveryStreamARN"]
        assert event["region"] == "us-east-1"
        for record in event["records"]:
            assert isinstance(record["recordId"], str) and record["recordId"]
            assert isinstance(record["approximateArrivalTimestamp"], int)
            assert started * 1000 - 2000 <= record["approximateArrivalTimestamp"] <= time.time() * 1000 + 2000
            sent.append(base64.b64decode(record["data"]))
    assert sent == payloads, "the function saw every record once, in put order"
    ids = [record["recordId"] for invocation in invocations for record in invocation.event["records"]]
    assert len(ids) == len(set(ids)), "record ids are unique"


@pytest.mark.parametrize("function", ["broken", "forgetful"],
                         ids=["function-answers-500", "response-without-record-ids"])
def test_a_failed_invocation_sends_every_record_to_the_error_output(delivery_stream, firehose, bucket, function):
    name = delivery_stream(ExtendedS3DestinationConfiguration=lambda_destination(
        bucket.name, lambda_arn(function)))["DeliveryStreamName"]
    payloads = [json.dumps({"n": n}).encode() for n in range(5)]
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])
    wait_for_keys(bucket, "errors/processing-failed/")
    objects = wait_for_records(bucket, 5, prefix="errors/processing-failed/")
    failures = error_lines(objects)
    assert sorted(base64.b64decode(doc["rawData"]) for doc in failures) == sorted(payloads)
    assert all(doc.get("errorCode") for doc in failures), failures[:1]
    assert bucket.keys("out/") == [], "nothing was delivered as if it had been transformed"


def test_backup_mode_enabled_keeps_every_source_record(delivery_stream, firehose, bucket, s3_root):
    backup = LocalBucket(s3_root, unique_name("backup"))
    config = lambda_destination(bucket.name, lambda_arn("with-backup"), S3BackupMode="Enabled",
                                S3BackupConfiguration={"RoleARN": "arn:aws:iam::123456789012:role/backup",
                                                       "BucketARN": backup.arn, "Prefix": "source/",
                                                       "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 1}})
    name = delivery_stream(ExtendedS3DestinationConfiguration=config)["DeliveryStreamName"]
    documents = [{"n": n, "action": ["ok", "drop"][n % 2]} for n in range(10)]
    payloads = [(json.dumps(doc) + "\n").encode() for doc in documents]
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])
    wait_for_records(bucket, 5, prefix="out/")
    objects = wait_for_records(backup, 10)
    assert [line + b"\n" for item in objects for line in item.records] == payloads, (
        "the backup holds the source records as put, dropped ones included")
    for item in objects:
        assert default_key_pattern(name, prefix="source/").match(item.key), item.key


FUNCTION = textwrap.dedent("""
    import base64, json, os, sys
    event = json.load(sys.stdin)
    arn = os.environ.get("LAMBDA_ARN", "")
    records = []
    for record in event["records"]:
        data = base64.b64decode(record["data"]).upper() + b"|" + arn.encode() + b"\\n"
        records.append({"recordId": record["recordId"], "result": "Ok", "data": base64.b64encode(data).decode()})
    json.dump({"records": records}, sys.stdout)
""")


def test_transform_command_gets_the_event_on_stdin_and_the_arn_in_its_environment(tmp_path):
    script = tmp_path / "function.py"
    script.write_text(FUNCTION)
    s3_root = tmp_path / "s3"
    process = FlaggedServerProcess(tmp_path / "data", log_path=tmp_path / "server.log", state_delay_ms=50,
                                   extra_args=["--s3-root", str(s3_root),
                                               "--transform-command", f"{sys.executable} {script}"])
    process.start()
    try:
        client = firehose_client(process.endpoint)
        bucket = LocalBucket(s3_root, "commanded")
        arn = lambda_arn("upper")
        name = unique_name("fh")
        create_delivery_stream(client, name, ExtendedS3DestinationConfiguration=lambda_destination(bucket.name, arn))
        client.put_record_batch(DeliveryStreamName=name, Records=[{"Data": b"abc"}, {"Data": b"def"}])
        objects = wait_for_records(bucket, 2, prefix="out/")
        assert [line for item in objects for line in item.records] == [
            b"ABC|" + arn.encode(), b"DEF|" + arn.encode()]
        delete_delivery_stream_and_wait(client, name)
    finally:
        process.stop()


def test_events_for_a_data_stream_source_carry_the_kinesis_record_metadata(delivery_stream, kinesis, stream, bucket,
                                                                            lambda_stub):
    source = stream(shard_count=1)
    arn = lambda_arn(unique_name("from-stream"))
    delivery_stream(DeliveryStreamType="KinesisStreamAsSource",
                    KinesisStreamSourceConfiguration={"KinesisStreamARN": source.arn, "RoleARN": ROLE_ARN},
                    ExtendedS3DestinationConfiguration=lambda_destination(bucket.name, arn))
    written = [kinesis.put_record(StreamName=source.name, PartitionKey=f"pk-{n}",
                                  Data=json.dumps({"n": n}).encode()) for n in range(3)]
    wait_for_records(bucket, 3, prefix="out/")
    records = [record for invocation in lambda_stub.invocations_for(arn) for record in invocation.event["records"]]
    assert [json.loads(base64.b64decode(record["data"])) for record in records] == [{"n": n} for n in range(3)]
    for invocation in lambda_stub.invocations_for(arn):
        assert invocation.event["sourceKinesisStreamArn"] == source.arn
    for n, (record, answer) in enumerate(zip(records, written)):
        metadata = record["kinesisRecordMetadata"]
        assert metadata["shardId"] == answer["ShardId"]
        assert metadata["partitionKey"] == f"pk-{n}"
        assert metadata["sequenceNumber"] == answer["SequenceNumber"]
        assert "approximateArrivalTimestamp" in metadata and "subsequenceNumber" in metadata
