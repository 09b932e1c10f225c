"""Input preprocessing with a Lambda function (InputProcessingConfiguration.InputLambdaProcessor).

No Lambda runs here: the server invokes functions through its transform endpoint, so these tests run their own
server with `--transform-url` pointing at `PreprocessingStub`. The stub upper-cases each record's "name", drops the
records whose "action" is "drop" and fails those whose "action" is "fail". Ok records reach the SQL with their new
data; Dropped ones vanish; ProcessingFailed ones, and every record of an invocation that still fails after the
retries, become error_stream rows with ERROR_NAME Lambda_Preprocessing_Error (read here through an output of
"error_stream" to a second data stream).
"""

from __future__ import annotations

import base64
import json

import pytest

from support import FlaggedServerProcess, create_stream, make_client, unique_name, wait_until

from .harness import (
    ROLE_ARN, STATE_TIMEOUT_SECONDS, analytics_client, delete_application_and_wait, firehose_client, wait_status,
)
from .preprocessing_stub import PreprocessingStub, lambda_arn
from .sql_harness import output_rows, read_all

ERROR_NAME = "Lambda_Preprocessing_Error"

SCHEMA = {
    "RecordFormat": {"RecordFormatType": "JSON", "MappingParameters": {"JSONMappingParameters": {"RecordRowPath": "$"}}},
    "RecordEncoding": "UTF-8",
    "RecordColumns": [
        {"Name": "NAME", "SqlType": "VARCHAR(16)", "Mapping": "$.name"},
        {"Name": "N", "SqlType": "INTEGER", "Mapping": "$.n"},
    ],
}

CODE = """
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (NAME VARCHAR(16), N INTEGER);
CREATE OR REPLACE PUMP "OUT_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM NAME, N FROM "SOURCE_SQL_STREAM_001";
"""


# These override the folder's session fixtures for this module only: its own server, with the stub as transform
# endpoint (the autouse `server_stays_up` then guards this server).
@pytest.fixture(scope="module")
def stub():
    stub = PreprocessingStub()
    stub.start()
    yield stub
    stub.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, stub):
    base = tmp_path_factory.mktemp("analytics-preprocessing")
    process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=50,
                                   extra_args=["--transform-url", stub.url, "--s3-root", str(base / "s3")])
    process.start()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def kinesis(server):
    return make_client(server.endpoint)


@pytest.fixture(scope="module")
def analytics(server):
    return analytics_client(server.endpoint)


@pytest.fixture(scope="module")
def firehose(server):
    return firehose_client(server.endpoint)


@pytest.fixture
def applications(analytics):
    created = []
    yield created
    for name in created:
        delete_application_and_wait(analytics, name)


def records(count: int) -> list[dict]:
    """Every third record is kept, the next dropped, the next failed."""
    actions = ["ok", "drop", "fail"]
    return [{"name": f"item-{n}", "n": n, "action": actions[n % 3]} for n in range(count)]


def stream_arn(kinesis, name: str) -> str:
    return kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamARN"]


def start_preprocessed(analytics, kinesis, applications, source: dict, function: str) -> tuple[str, str, str]:
    """Creates and starts (TRIM_HORIZON) an application over `source` (an Input's source member), preprocessed by
    `function`, with DESTINATION_SQL_STREAM and error_stream written to two new data streams; returns (application
    name, output stream, error stream)."""
    name = unique_name("ka-pre")
    output, errors = create_stream(kinesis, unique_name("ka-out")).name, create_stream(kinesis, unique_name("ka-err")).name
    applications.append(name)
    analytics.create_application(
        ApplicationName=name, ApplicationCode=CODE,
        Inputs=[{"NamePrefix": "SOURCE_SQL_STREAM", **source, "InputSchema": SCHEMA,
                 "InputProcessingConfiguration": {"InputLambdaProcessor": {
                     "ResourceARN": lambda_arn(function), "RoleARN": ROLE_ARN}}}],
        Outputs=[{"Name": in_app, "KinesisStreamsOutput": {"ResourceARN": stream_arn(kinesis, stream),
                                                           "RoleARN": ROLE_ARN},
                  "DestinationSchema": {"RecordFormatType": "JSON"}}
                 for in_app, stream in (("DESTINATION_SQL_STREAM", output), ("error_stream", errors))])
    analytics.start_application(ApplicationName=name, InputConfigurations=[
        {"Id": "1.1", "InputStartingPositionConfiguration": {"InputStartingPosition": "TRIM_HORIZON"}}])
    wait_status(analytics, name, "RUNNING")
    return name, output, errors


def put(kinesis, stream: str, documents: list[dict]) -> None:
    answer = kinesis.put_records(StreamName=stream, Records=[
        {"Data": json.dumps(document).encode(), "PartitionKey": "pk"} for document in documents])
    assert answer["FailedRecordCount"] == 0


def application_arn(analytics, name: str) -> str:
    return analytics.describe_application(ApplicationName=name)["ApplicationDetail"]["ApplicationARN"]


def test_ok_records_are_transformed_dropped_vanish_failed_go_to_error_stream(analytics, kinesis, stub, applications):
    source = create_stream(kinesis, unique_name("ka-src"))
    name, output, errors = start_preprocessed(
        analytics, kinesis, applications, {"KinesisStreamsInput": {"ResourceARN": source.arn, "RoleARN": ROLE_ARN}},
        "upper")
    sent = records(9)
    put(kinesis, source.name, sent)

    rows = output_rows(kinesis, output, 3)
    assert rows == [{"NAME": f"ITEM-{n}", "N": n} for n in (0, 3, 6)]
    failures = output_rows(kinesis, errors, 3)
    assert [row["ERROR_NAME"] for row in failures] == [ERROR_NAME] * 3
    assert all(row["ERROR_LEVEL"] == "ERROR" and "ProcessingFailed" in row["MESSAGE"] for row in failures)
    assert sorted(bytes.fromhex(row["DATA_ROW"]).decode() for row in failures) == sorted(
        json.dumps(document) for document in sent if document["action"] == "fail")

    # The event is Kinesis Data Analytics' preprocessing event for a data stream source.
    events = stub.events_for(lambda_arn("upper"))
    assert events
    source_records = {record["SequenceNumber"]: record for record in read_all(kinesis, source.name)}
    seen = []
    for event in events:
        assert set(event) == {"invocationId", "applicationArn", "streamArn", "records"}
        assert event["applicationArn"] == application_arn(analytics, name)
        assert event["streamArn"] == source.arn
        for record in event["records"]:
            metadata = record["kinesisStreamRecordMetadata"]
            original = source_records[metadata["sequenceNumber"]]
            assert record["recordId"] == metadata["sequenceNumber"]
            assert metadata["partitionKey"] == "pk"
            assert metadata["shardId"].startswith("shardId-")
            assert metadata["approximateArrivalTimestamp"] == round(
                original["ApproximateArrivalTimestamp"].timestamp() * 1000)
            seen.append(json.loads(base64.b64decode(record["data"])))
    assert seen == sent


@pytest.mark.parametrize("function", ["broken", "forgetful"])
def test_failed_invocations_are_retried_then_reported(analytics, kinesis, stub, applications, function):
    source = create_stream(kinesis, unique_name("ka-src"))
    _, output, errors = start_preprocessed(
        analytics, kinesis, applications, {"KinesisStreamsInput": {"ResourceARN": source.arn, "RoleARN": ROLE_ARN}},
        function)
    sent = [{"name": f"item-{n}", "n": n} for n in range(4)]
    put(kinesis, source.name, sent)

    failures = output_rows(kinesis, errors, 4)
    assert [row["ERROR_NAME"] for row in failures] == [ERROR_NAME] * 4
    assert all("attempts" in row["MESSAGE"] for row in failures)
    assert [bytes.fromhex(row["DATA_ROW"]).decode() for row in failures] == [json.dumps(d) for d in sent]
    assert read_all(kinesis, output) == []
    # One invocation and its retries, each with the same records.
    events = stub.events_for(lambda_arn(function))
    assert len(events) >= 2
    assert len({tuple(r["recordId"] for r in event["records"]) for event in events}) == 1


def test_delivery_stream_source(analytics, kinesis, firehose, stub, applications):
    delivery = unique_name("ka-fh")
    arn = firehose.create_delivery_stream(
        DeliveryStreamName=delivery,
        ExtendedS3DestinationConfiguration={"RoleARN": ROLE_ARN, "BucketARN": "arn:aws:s3:::preprocessing-sink"},
    )["DeliveryStreamARN"]
    try:
        wait_until(lambda: firehose.describe_delivery_stream(DeliveryStreamName=delivery)
                   ["DeliveryStreamDescription"]["DeliveryStreamStatus"] == "ACTIVE",
                   STATE_TIMEOUT_SECONDS, what=f"delivery stream {delivery} ACTIVE")
        name, output, errors = start_preprocessed(
            analytics, kinesis, applications, {"KinesisFirehoseInput": {"ResourceARN": arn, "RoleARN": ROLE_ARN}},
            "upper-firehose")
        sent = records(6)
        answer = firehose.put_record_batch(DeliveryStreamName=delivery, Records=[
            {"Data": json.dumps(document).encode()} for document in sent])
        assert answer["FailedPutCount"] == 0

        assert output_rows(kinesis, output, 2) == [{"NAME": f"ITEM-{n}", "N": n} for n in (0, 3)]
        assert [row["ERROR_NAME"] for row in output_rows(kinesis, errors, 2)] == [ERROR_NAME] * 2
        events = stub.events_for(lambda_arn("upper-firehose"))
        assert events and all(event["streamArn"] == arn for event in events)
        assert all(event["applicationArn"] == application_arn(analytics, name) for event in events)
        for record in (record for event in events for record in event["records"]):
            assert set(record) == {"recordId", "data", "kinesisFirehoseRecordMetadata"}
            assert isinstance(record["kinesisFirehoseRecordMetadata"]["approximateArrivalTimestamp"], int)
    finally:
        for name in applications:
            delete_application_and_wait(analytics, name)
        firehose.delete_delivery_stream(DeliveryStreamName=delivery)
