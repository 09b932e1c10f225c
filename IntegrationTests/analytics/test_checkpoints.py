"""Progress is checkpointed: stopping and starting again at LAST_STOPPED_POINT neither loses nor repeats a row, and
an application RUNNING when the server stops runs again, from where it was, when the server comes back."""

from __future__ import annotations

import json
import threading
import time

import pytest

from support import create_stream, wait_until

from .harness import delete_application_and_wait, wait_status
from .sql_harness import new_name, read_all, start_application

PASS_THROUGH = """
    CREATE OR REPLACE STREAM "COPY" (ticker_symbol VARCHAR(4), price DOUBLE);
    CREATE OR REPLACE PUMP "COPY_PUMP" AS INSERT INTO "COPY"
        SELECT STREAM ticker_symbol, price FROM "SOURCE_SQL_STREAM_001";
"""


def numbered(start: int, count: int) -> list[dict]:
    return [{"TICKER_SYMBOL": "N", "SECTOR": "S", "CHANGE": 0, "PRICE": float(n)} for n in range(start, start + count)]


def put_numbered(kinesis, stream: str, start: int, count: int, batch: int = 10, pause_seconds: float = 0.02) -> None:
    records = numbered(start, count)
    for first in range(0, count, batch):
        kinesis.put_records(StreamName=stream, Records=[
            {"Data": json.dumps(record).encode(), "PartitionKey": "n"} for record in records[first:first + batch]])
        time.sleep(pause_seconds)


def prices(kinesis, stream: str) -> list[int]:
    return [int(json.loads(record["Data"])["PRICE"]) for record in read_all(kinesis, stream)]


@pytest.fixture
def pass_through(analytics, kinesis):
    """A running pass-through application from a fresh source to a fresh output stream: (name, source, output)."""
    source = create_stream(kinesis, new_name("ka-cp-src"), shard_count=2)
    output = create_stream(kinesis, new_name("ka-cp-out"), shard_count=1)
    name = new_name("ka-cp")
    start_application(analytics, kinesis, name, PASS_THROUGH, source.arn, {"COPY": output.name}, position="NOW")
    yield name, source.name, output.name
    delete_application_and_wait(analytics, name)


def restart_at_last_stopped_point(analytics, name: str) -> None:
    detail = analytics.describe_application(ApplicationName=name)["ApplicationDetail"]
    analytics.start_application(ApplicationName=name, InputConfigurations=[{
        "Id": detail["InputDescriptions"][0]["InputId"],
        "InputStartingPositionConfiguration": {"InputStartingPosition": "LAST_STOPPED_POINT"}}])
    wait_status(analytics, name, "RUNNING")


def test_stop_and_start_at_last_stopped_point_neither_loses_nor_repeats(analytics, kinesis, pass_through):
    name, source, output = pass_through
    total = 600
    writer = threading.Thread(target=put_numbered, args=(kinesis, source, 0, total))
    writer.start()
    # Stop while records are still flowing in.
    wait_until(lambda: len(prices(kinesis, output)) >= 100, 30, what="first rows out")
    analytics.stop_application(ApplicationName=name)
    wait_status(analytics, name, "READY")
    stopped_at = len(prices(kinesis, output))
    writer.join()
    time.sleep(1)
    assert len(prices(kinesis, output)) == stopped_at, "a stopped application writes nothing"
    restart_at_last_stopped_point(analytics, name)
    wait_until(lambda: len(prices(kinesis, output)) >= total, 60, what="every row out")
    time.sleep(1.5)
    assert sorted(prices(kinesis, output)) == list(range(total))


def test_running_application_resumes_after_a_server_restart(analytics, kinesis, pass_through, server):
    name, source, output = pass_through
    put_numbered(kinesis, source, 0, 50)
    wait_until(lambda: len(prices(kinesis, output)) >= 50, 30, what="rows before the restart")
    server.restart()
    wait_status(analytics, name, "RUNNING")
    put_numbered(kinesis, source, 50, 50)
    wait_until(lambda: len(prices(kinesis, output)) >= 100, 60, what="rows after the restart")
    time.sleep(1.5)
    assert sorted(prices(kinesis, output)) == list(range(100))
