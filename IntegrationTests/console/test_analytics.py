"""The console's Analytics pages in headless Chromium: an application in the list, SQL refused and accepted
through the editor (UpdateApplication validates it), the application started from its page, and the rows of its
output in-application stream appearing live while records flow into its source."""

from __future__ import annotations

import json
import threading

import pytest

from support import create_stream, delete_and_wait, unique_name

from analytics.harness import ROLE_ARN, analytics_client, delete_application_and_wait, wait_status
from analytics.sql_harness import TICKER_SCHEMA

CODE = """CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (TICKER VARCHAR(4), DOUBLED DOUBLE);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM TICKER_SYMBOL, PRICE * 2 FROM "SOURCE_SQL_STREAM_001";"""


@pytest.fixture(scope="module")
def analytics(server):
    return analytics_client(server.endpoint)


def test_sql_application_rows_appear_live(console, analytics, kinesis):
    source = create_stream(kinesis, unique_name("console-src"), shard_count=1)
    name = unique_name("console-app")
    analytics.create_application(ApplicationName=name, Inputs=[{
        "NamePrefix": "SOURCE_SQL_STREAM",
        "KinesisStreamsInput": {"ResourceARN": source.arn, "RoleARN": ROLE_ARN},
        "InputSchema": TICKER_SCHEMA}])
    stop = threading.Event()
    try:
        console.open("/analytics")
        console.wait_text("#application-list", name)
        console.open(f"/analytics/{name}")
        console.wait_text("#application-status", "READY")

        console.fill("#sql-editor", "CREATE STREAM oops (")
        console.element("#save-sql").click()
        assert console.wait_text("#sql-status", "CodeValidationException")
        console.driver.get_log("browser")  # the browser logs that expected 400; later errors would be unexpected
        assert analytics.describe_application(ApplicationName=name)["ApplicationDetail"]["ApplicationVersionId"] == 1

        console.fill("#sql-editor", CODE)
        console.element("#save-sql").click()
        console.wait_text("#sql-status", "Valid. Saved as version 2")
        detail = analytics.describe_application(ApplicationName=name)["ApplicationDetail"]
        assert detail["ApplicationCode"] == CODE and detail["ApplicationVersionId"] == 2

        console.choose("#starting-position", "TRIM_HORIZON")
        console.element("#start-application").click()
        console.wait_text("#application-status", "RUNNING", timeout=30)
        wait_status(analytics, name, "RUNNING")

        console.choose("#in-app-stream", "DESTINATION_SQL_STREAM")
        console.wait_text("#rows-state", "Watching DESTINATION_SQL_STREAM")
        sent: list[dict] = []

        def produce():
            serial = 0
            while not stop.is_set():
                record = {"TICKER_SYMBOL": "AMZN", "SECTOR": "RETAIL", "CHANGE": 1.5, "PRICE": 100.0 + serial}
                kinesis.put_record(StreamName=source.name, Data=json.dumps(record).encode(), PartitionKey="p")
                sent.append(record)
                serial += 1
                stop.wait(0.5)

        threading.Thread(target=produce, daemon=True).start()
        console.wait(lambda _: len(console.elements("#in-app-rows tbody tr")) >= 3, timeout=30,
                     message="no rows of DESTINATION_SQL_STREAM appeared")
        headers = console.texts("#in-app-rows thead th")
        assert headers[-2:] == ["TICKER", "DOUBLED"]
        expected = {2 * record["PRICE"] for record in sent}
        for row in console.texts("#in-app-rows tbody tr")[:3]:
            cells = row.split("\t")
            assert cells[-2] == "AMZN" and float(cells[-1]) in expected
        console.screenshot("analytics")
        assert console.errors() == []
    finally:
        stop.set()
        delete_application_and_wait(analytics, name)
        delete_and_wait(kinesis, source.name)


def test_application_list_shows_status(console, analytics):
    name = unique_name("console-app")
    analytics.create_application(ApplicationName=name)
    try:
        console.open("/analytics")
        console.wait_text("#application-list", name)
        row = next(r for r in console.texts("#application-list tr") if name in r)
        assert "READY" in row
        console.screenshot("analytics-list")
    finally:
        delete_application_and_wait(analytics, name)
