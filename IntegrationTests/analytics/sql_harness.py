"""Helpers for the SQL acceptance tests: the stock-ticker data set, running applications over it, reading their
output streams, and computing the expected rows independently with duckdb."""

from __future__ import annotations

import json
import random
import time

import duckdb

from support import unique_name, wait_until

from .harness import ROLE_ARN, wait_status

TICKERS = ["AAPL", "AMZN", "MSFT", "QXZ", "JNJ", "WMT", "XOM", "NFLX"]
SECTORS = {"AAPL": "TECHNOLOGY", "AMZN": "RETAIL", "MSFT": "TECHNOLOGY", "QXZ": "HEALTHCARE", "JNJ": "HEALTHCARE",
           "WMT": "RETAIL", "XOM": "ENERGY", "NFLX": "TECHNOLOGY"}

TICKER_SCHEMA = {
    "RecordFormat": {"RecordFormatType": "JSON", "MappingParameters": {"JSONMappingParameters": {"RecordRowPath": "$"}}},
    "RecordEncoding": "UTF-8",
    "RecordColumns": [
        {"Name": "TICKER_SYMBOL", "SqlType": "VARCHAR(4)", "Mapping": "$.TICKER_SYMBOL"},
        {"Name": "SECTOR", "SqlType": "VARCHAR(16)", "Mapping": "$.SECTOR"},
        {"Name": "CHANGE", "SqlType": "DOUBLE", "Mapping": "$.CHANGE"},
        {"Name": "PRICE", "SqlType": "DOUBLE", "Mapping": "$.PRICE"},
    ],
}


def ticker_records(count: int, seed: int) -> list[dict]:
    """`count` stock-ticker events like the AWS demo stream's, repeatable from `seed`."""
    rng = random.Random(seed)
    records = []
    for _ in range(count):
        ticker = rng.choice(TICKERS)
        records.append({"TICKER_SYMBOL": ticker, "SECTOR": SECTORS[ticker],
                        "CHANGE": round(rng.uniform(-5, 5), 2), "PRICE": round(rng.uniform(10, 200), 2)})
    return records


def put_paced(kinesis, stream: str, records: list[dict], batch: int, pause_seconds: float) -> None:
    """Puts the records in order, `batch` per PutRecords with a pause between, on one partition key (one shard)."""
    for start in range(0, len(records), batch):
        chunk = records[start:start + batch]
        answer = kinesis.put_records(StreamName=stream, Records=[
            {"Data": json.dumps(record).encode(), "PartitionKey": "ticker"} for record in chunk])
        assert answer["FailedRecordCount"] == 0
        time.sleep(pause_seconds)


def read_all(kinesis, stream: str) -> list[dict]:
    """Every record of every shard of `stream`, from TRIM_HORIZON, with its arrival time in milliseconds."""
    records = []
    for shard in kinesis.list_shards(StreamName=stream)["Shards"]:
        iterator = kinesis.get_shard_iterator(StreamName=stream, ShardId=shard["ShardId"],
                                              ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        while iterator:
            answer = kinesis.get_records(ShardIterator=iterator, Limit=10000)
            records += answer["Records"]
            if not answer["Records"]:
                break
            iterator = answer.get("NextShardIterator")
    return records


def source_table(kinesis, stream: str):
    """The source stream as a duckdb table `src(seq, arrival_ms, ticker, sector, change, price)`."""
    rows = []
    for seq, record in enumerate(read_all(kinesis, stream)):
        event = json.loads(record["Data"])
        arrival_ms = round(record["ApproximateArrivalTimestamp"].timestamp() * 1000)
        rows.append((seq, arrival_ms, event["TICKER_SYMBOL"], event["SECTOR"], event["CHANGE"], event["PRICE"]))
    db = duckdb.connect()
    db.execute("CREATE TABLE src (seq INTEGER, arrival_ms BIGINT, ticker VARCHAR, sector VARCHAR, change DOUBLE, "
               "price DOUBLE)")
    db.executemany("INSERT INTO src VALUES (?, ?, ?, ?, ?, ?)", rows)
    return db


def output_rows(kinesis, stream: str, count: int, timeout_seconds: float = 60.0) -> list[dict]:
    """The JSON rows of an output stream, once it holds at least `count` (then a moment more to catch extras)."""
    found: list[dict] = []

    def enough() -> bool:
        nonlocal found
        found = [json.loads(record["Data"]) for record in read_all(kinesis, stream)]
        return len(found) >= count
    wait_until(enough, timeout_seconds, what=f"{count} rows in {stream}")
    time.sleep(1.5)
    return [json.loads(record["Data"]) for record in read_all(kinesis, stream)]


def start_application(analytics, kinesis, name: str, code: str, source_arn: str, outputs: dict[str, str],
                      references: list[dict] = (), position: str = "TRIM_HORIZON") -> None:
    """Creates `name` over the ticker source with JSON outputs `{in-app stream: data stream}`, starts it at
    `position`. With reference data sources, the code comes last through UpdateApplication (code is checked against
    the tables the application has)."""
    analytics.create_application(
        ApplicationName=name, **({} if references else {"ApplicationCode": code}),
        Inputs=[{"NamePrefix": "SOURCE_SQL_STREAM", "KinesisStreamsInput": {"ResourceARN": source_arn,
                                                                            "RoleARN": ROLE_ARN},
                 "InputSchema": TICKER_SCHEMA}],
        Outputs=[{"Name": in_app, "KinesisStreamsOutput": {"ResourceARN": kinesis.describe_stream_summary(
            StreamName=stream)["StreamDescriptionSummary"]["StreamARN"], "RoleARN": ROLE_ARN},
            "DestinationSchema": {"RecordFormatType": "JSON"}} for in_app, stream in outputs.items()])
    for reference in references:
        version = analytics.describe_application(ApplicationName=name)["ApplicationDetail"]["ApplicationVersionId"]
        analytics.add_application_reference_data_source(ApplicationName=name, CurrentApplicationVersionId=version,
                                                        ReferenceDataSource=reference)
    if references:
        version = analytics.describe_application(ApplicationName=name)["ApplicationDetail"]["ApplicationVersionId"]
        analytics.update_application(ApplicationName=name, CurrentApplicationVersionId=version,
                                     ApplicationUpdate={"ApplicationCodeUpdate": code})
    detail = analytics.describe_application(ApplicationName=name)["ApplicationDetail"]
    analytics.start_application(ApplicationName=name, InputConfigurations=[{
        "Id": detail["InputDescriptions"][0]["InputId"],
        "InputStartingPositionConfiguration": {"InputStartingPosition": position}}])
    wait_status(analytics, name, "RUNNING")


def timestamp_text(ms: int) -> str:
    """A TIMESTAMP as Kinesis Data Analytics writes it in JSON output."""
    seconds, millis = divmod(ms, 1000)
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}"


def new_name(prefix: str) -> str:
    return unique_name(prefix)
