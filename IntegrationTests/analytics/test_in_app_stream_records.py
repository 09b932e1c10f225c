"""GetInApplicationStreamRecords, Tributary's extension of the Kinesis Analytics API for the web console: the rows of
an in-application stream of a RUNNING application, read live. No SDK models the operation, so it is called with a
raw SigV4-signed JSON 1.1 request; the rows it shows are checked against the records put into the source stream
(their arrival time is ROWTIME) and against what the same pump wrote to the output stream."""

from __future__ import annotations

import json
import time

import pytest
import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from support import (
    ACCESS_KEY, JSON_CONTENT_TYPE, REGION, SECRET_KEY, RawResponse, assert_raw_error, create_stream, wait_until,
)

from .harness import delete_application_and_wait
from .sql_harness import TICKER_SCHEMA, new_name, output_rows, put_paced, read_all, start_application

OPERATION = "KinesisAnalytics_20150814.GetInApplicationStreamRecords"
ROWS_TIMEOUT_SECONDS = 30.0

CODE = """
    CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ticker_symbol VARCHAR(4), doubled DOUBLE, cents DECIMAL(8,2));
    CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM ticker_symbol, price * 2, CAST(price AS DECIMAL(8,2))
        FROM "SOURCE_SQL_STREAM_001"
        WHERE sector = 'TECHNOLOGY';
"""

EVENTS = [
    {"TICKER_SYMBOL": "AAPL", "SECTOR": "TECHNOLOGY", "CHANGE": 1.5, "PRICE": 100.25},
    {"TICKER_SYMBOL": "JNJ", "SECTOR": "HEALTHCARE", "CHANGE": -0.5, "PRICE": 50.0},
    {"TICKER_SYMBOL": "MSFT", "SECTOR": "TECHNOLOGY", "CHANGE": 0.25, "PRICE": 200.5},
    {"TICKER_SYMBOL": "NFLX", "SECTOR": "TECHNOLOGY", "CHANGE": -2.0, "PRICE": 12.75},
]


def read_rows(endpoint: str, body: dict) -> RawResponse:
    """One GetInApplicationStreamRecords call, signed with botocore's SigV4 signer."""
    data = json.dumps(body).encode()
    headers = {"Content-Type": JSON_CONTENT_TYPE, "X-Amz-Target": OPERATION}
    url = endpoint.rstrip("/") + "/"
    request = AWSRequest(method="POST", url=url, data=data, headers=headers)
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "kinesisanalytics", REGION).add_auth(request)
    response = requests.post(url, data=data, headers=dict(request.headers.items()), timeout=30)
    return RawResponse(response.status_code, dict(response.headers), response.text)


def answer(endpoint: str, application: str, stream: str, after: int | None = None) -> dict:
    body = {"ApplicationName": application, "InAppStreamName": stream}
    if after is not None:
        body["AfterSequence"] = after
    response = read_rows(endpoint, body)
    assert response.status == 200, response.text
    return response.json


def poll(endpoint: str, application: str, stream: str, after: int, count: int) -> list[dict]:
    """Polls as the console does, AfterSequence = the last NextSequence, until `count` records came."""
    records: list[dict] = []

    def enough() -> bool:
        nonlocal after
        page = answer(endpoint, application, stream, after)
        records.extend(page["Records"])
        after = page["NextSequence"]
        return len(records) >= count
    wait_until(enough, ROWS_TIMEOUT_SECONDS, interval_seconds=0.2, what=f"{count} rows of {stream}")
    return records


@pytest.fixture
def running(analytics, kinesis):
    """A RUNNING application over an empty one-shard source with the filter pump above; yields (name, source)."""
    source = create_stream(kinesis, new_name("ka-tap-src"), shard_count=1)
    output = create_stream(kinesis, new_name("ka-tap-out"), shard_count=1)
    name = new_name("ka-tap")
    start_application(analytics, kinesis, name, CODE, source.arn, {"DESTINATION_SQL_STREAM": output.name})
    yield name, source.name, output.name
    delete_application_and_wait(analytics, name)


def test_rows_of_a_pump_target_arrive_live_with_their_values(server, kinesis, running):
    name, source, output = running
    first = answer(server.endpoint, name, "DESTINATION_SQL_STREAM")
    assert first["Columns"] == [
        {"Name": "ROWTIME", "SqlType": "TIMESTAMP"},
        {"Name": "TICKER_SYMBOL", "SqlType": "VARCHAR(4)"},
        {"Name": "DOUBLED", "SqlType": "DOUBLE"},
        {"Name": "CENTS", "SqlType": "DECIMAL(8,2)"},
    ]
    assert first["Records"] == []
    assert first["NextSequence"] == 0

    put_paced(kinesis, source, EVENTS, batch=2, pause_seconds=0.2)
    records = poll(server.endpoint, name, "DESTINATION_SQL_STREAM", first["NextSequence"], 3)
    assert [record["Sequence"] for record in records] == [1, 2, 3]
    arrivals = {json.loads(record["Data"])["TICKER_SYMBOL"]: record["ApproximateArrivalTimestamp"].timestamp()
                for record in read_all(kinesis, source)}
    assert [record["Values"][1:] for record in records] == [
        ["AAPL", 200.5, "100.25"], ["MSFT", 401.0, "200.50"], ["NFLX", 25.5, "12.75"]]
    for record in records:
        assert record["Values"][0] == pytest.approx(arrivals[record["Values"][1]], abs=0.0015), \
            "ROWTIME is the record's arrival time, in epoch seconds"

    # The console shows what the application delivers: the same rows reached the output stream.
    delivered = output_rows(kinesis, output, 3)
    assert [(row["TICKER_SYMBOL"], row["DOUBLED"]) for row in delivered] == [
        (values[1], values[2]) for values in (record["Values"] for record in records)]

    again = answer(server.endpoint, name, "DESTINATION_SQL_STREAM", after=records[-1]["Sequence"])
    assert again["Records"] == []
    assert again["NextSequence"] == 3
    everything = answer(server.endpoint, name, "destination_sql_stream")
    assert [record["Sequence"] for record in everything["Records"]] == [1, 2, 3], \
        "a first call gets what the stream holds; unquoted names fold to upper case as in the SQL"


def test_input_and_error_streams_can_be_watched(server, kinesis, running):
    name, source, _ = running
    for stream in ("SOURCE_SQL_STREAM_001", '"error_stream"'):
        assert answer(server.endpoint, name, stream)["NextSequence"] == 0
    kinesis.put_records(StreamName=source, Records=[
        {"Data": json.dumps(EVENTS[1]).encode(), "PartitionKey": "k"},
        {"Data": b"{not json", "PartitionKey": "k"}])

    inputs = poll(server.endpoint, name, "SOURCE_SQL_STREAM_001", 0, 1)
    assert inputs[0]["Values"][2:] == ["JNJ", "HEALTHCARE", -0.5, 50.0]
    assert inputs[0]["Values"][1] == pytest.approx(inputs[0]["Values"][0], abs=0.0015), \
        "APPROXIMATE_ARRIVAL_TIME is ROWTIME"

    errors = poll(server.endpoint, name, "error_stream", 0, 1)
    columns = answer(server.endpoint, name, "error_stream")["Columns"]
    error = dict(zip([column["Name"] for column in columns], errors[0]["Values"]))
    assert error["ERROR_NAME"] == "Error_Parsing"
    assert error["ERROR_LEVEL"] == "ERROR"
    assert bytes.fromhex(error["DATA_ROW"]) == b"{not json"


def test_an_unwatched_stream_keeps_no_rows(server, kinesis, running):
    name, source, _ = running
    put_paced(kinesis, source, EVENTS, batch=4, pause_seconds=0)
    wait_until(lambda: len(read_all(kinesis, running[2])) >= 3, ROWS_TIMEOUT_SECONDS, what="rows delivered")
    first = answer(server.endpoint, name, "DESTINATION_SQL_STREAM")
    assert first["Records"] == [] and first["NextSequence"] == 0, "nobody watched while the rows went by"


def test_errors(server, analytics, application, data_stream, running):
    name = running[0]
    missing_app = read_rows(server.endpoint, {"ApplicationName": "ka-no-such-app", "InAppStreamName": "S"})
    assert_raw_error(missing_app, "ResourceNotFoundException", message_contains="Application ka-no-such-app is not found")
    missing_stream = read_rows(server.endpoint, {"ApplicationName": name, "InAppStreamName": "NO_SUCH_STREAM"})
    assert_raw_error(missing_stream, "ResourceNotFoundException",
                     message_contains=f"In-application stream NO_SUCH_STREAM is not found in application {name}")
    case_sensitive = read_rows(server.endpoint, {"ApplicationName": name,
                                                 "InAppStreamName": '"destination_sql_stream"'})
    assert_raw_error(case_sensitive, "ResourceNotFoundException")

    ready = application(Inputs=[{"NamePrefix": "SOURCE_SQL_STREAM", "KinesisStreamsInput": {
        "ResourceARN": data_stream(), "RoleARN": "arn:aws:iam::000000000000:role/analytics"},
        "InputSchema": TICKER_SCHEMA}], ApplicationCode=CODE)
    not_running = read_rows(server.endpoint, {"ApplicationName": ready, "InAppStreamName": "DESTINATION_SQL_STREAM"})
    assert_raw_error(not_running, "ResourceInUseException", message_contains="READY")

    assert_raw_error(read_rows(server.endpoint, {"ApplicationName": name}), "ValidationException",
                     message_contains="Value null at 'inAppStreamName' failed to satisfy constraint")
    assert_raw_error(read_rows(server.endpoint, {"ApplicationName": "a b", "InAppStreamName": "S"}),
                     "ValidationException", message_contains="Member must satisfy regular expression pattern")
    assert_raw_error(read_rows(server.endpoint, {"ApplicationName": name, "InAppStreamName": "S",
                                                 "AfterSequence": -1}),
                     "ValidationException", message_contains="Member must have value greater than or equal to 0")
    assert_raw_error(read_rows(server.endpoint, {"ApplicationName": name, "InAppStreamName": "S",
                                                 "AfterSequence": "one"}), "SerializationException")
