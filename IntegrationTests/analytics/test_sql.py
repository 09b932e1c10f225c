"""Acceptance tests of the SQL engine, driven with boto3's kinesisanalytics client over real data streams: the
stock-ticker demo through a filter pump, a tumbling-window average per ticker, sliding windows and a reference-data
join. Every expected row is computed independently with duckdb over the records read back from the source stream
(with their arrival times, which are the rows' ROWTIME) and compared with what the applications wrote."""

from __future__ import annotations

import pytest

from support import create_stream, wait_until

from .harness import ROLE_ARN, delete_application_and_wait
from .sql_harness import (
    TICKER_SCHEMA, new_name, output_rows, put_paced, source_table, start_application, ticker_records, timestamp_text,
)

SOURCE_RECORDS = 400


@pytest.fixture(scope="module")
def ticker_source(kinesis):
    """A one-shard source stream holding 400 ticker events put over about six seconds, and its duckdb table."""
    stream = create_stream(kinesis, new_name("ka-ticker"), shard_count=1)
    put_paced(kinesis, stream.name, ticker_records(SOURCE_RECORDS, seed=5), batch=20, pause_seconds=0.3)
    return stream, source_table(kinesis, stream.name)


@pytest.fixture
def applications(analytics):
    """Names of the applications a test creates; each is deleted when the test ends."""
    names: list[str] = []
    yield names
    for name in names:
        delete_application_and_wait(analytics, name)


def output_stream(kinesis) -> str:
    return create_stream(kinesis, new_name("ka-out"), shard_count=1).name


def rounded(value, places=9):
    return None if value is None else round(value, places)


def test_filter_pump_and_tumbling_window_average_per_ticker(analytics, kinesis, applications, ticker_source):
    source, db = ticker_source
    filtered, averages = output_stream(kinesis), output_stream(kinesis)
    name = new_name("ka-demo")
    applications.append(name)
    code = """
        CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ticker_symbol VARCHAR(4), sector VARCHAR(12),
            change DOUBLE, price DOUBLE);
        CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
            SELECT STREAM ticker_symbol, sector, change, price
            FROM "SOURCE_SQL_STREAM_001"
            WHERE sector SIMILAR TO '%TECH%';

        CREATE OR REPLACE STREAM "AVERAGES" (window_start TIMESTAMP, ticker_symbol VARCHAR(4), avg_price DOUBLE,
            trades INTEGER, low DOUBLE, high DOUBLE);
        CREATE OR REPLACE PUMP "AVERAGE_PUMP" AS INSERT INTO "AVERAGES"
            SELECT STREAM STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '2' SECOND), ticker_symbol,
                AVG(price), COUNT(*), MIN(price), MAX(price)
            FROM "SOURCE_SQL_STREAM_001"
            GROUP BY ticker_symbol, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '2' SECOND);
    """
    start_application(analytics, kinesis, name, code, source.arn,
                      {"DESTINATION_SQL_STREAM": filtered, "AVERAGES": averages})
    expected_filtered = [
        {"TICKER_SYMBOL": t, "SECTOR": s, "CHANGE": c, "PRICE": p}
        for t, s, c, p in db.execute("SELECT ticker, sector, change, price FROM src "
                                     "WHERE sector LIKE '%TECH%' ORDER BY seq").fetchall()]
    assert output_rows(kinesis, filtered, len(expected_filtered)) == expected_filtered

    expected_windows = sorted(
        (timestamp_text(window * 2000), ticker, rounded(avg), count, low, high)
        for window, ticker, avg, count, low, high in db.execute(
            "SELECT arrival_ms // 2000 AS w, ticker, avg(price), count(*), min(price), max(price) FROM src "
            "GROUP BY w, ticker").fetchall())
    got = output_rows(kinesis, averages, len(expected_windows))
    assert sorted((row["WINDOW_START"], row["TICKER_SYMBOL"], rounded(row["AVG_PRICE"]), row["TRADES"],
                   row["LOW"], row["HIGH"]) for row in got) == expected_windows
    # Windows are emitted in ROWTIME order: a window's rows never come after a later window's.
    starts = [row["WINDOW_START"] for row in got]
    assert starts == sorted(starts)


def test_sliding_windows_give_one_row_per_input_row(analytics, kinesis, applications, ticker_source):
    source, db = ticker_source
    moving = output_stream(kinesis)
    name = new_name("ka-sliding")
    applications.append(name)
    code = """
        CREATE OR REPLACE STREAM "MOVING" (ticker_symbol VARCHAR(4), price DOUBLE, avg_3s DOUBLE, max_3s DOUBLE,
            n_3s BIGINT, sum_last5 DOUBLE);
        CREATE OR REPLACE PUMP "MOVING_PUMP" AS INSERT INTO "MOVING"
            SELECT STREAM ticker_symbol, price, AVG(price) OVER w3, MAX(price) OVER w3, COUNT(*) OVER w3,
                SUM(price) OVER (PARTITION BY ticker_symbol ROWS 4 PRECEDING)
            FROM "SOURCE_SQL_STREAM_001"
            WINDOW w3 AS (PARTITION BY ticker_symbol RANGE INTERVAL '3' SECOND PRECEDING);
    """
    start_application(analytics, kinesis, name, code, source.arn, {"MOVING": moving})
    # RANGE: the rows of the ticker within the last 3 s of ROWTIME, up to and including the current row;
    # ROWS 4 PRECEDING: the current row and the four before it.
    expected = [
        (ticker, price, rounded(avg), high, count, rounded(last5))
        for ticker, price, avg, high, count, last5 in db.execute("""
            SELECT a.ticker, a.price, avg(b.price), max(b.price), count(*),
                   (SELECT sum(price) FROM (SELECT price FROM src c WHERE c.ticker = a.ticker AND c.seq <= a.seq
                                            ORDER BY c.seq DESC LIMIT 5))
            FROM src a JOIN src b ON b.ticker = a.ticker AND b.seq <= a.seq
                                  AND b.arrival_ms >= a.arrival_ms - 3000
            GROUP BY a.seq, a.ticker, a.price, a.arrival_ms ORDER BY a.seq""").fetchall()]
    got = output_rows(kinesis, moving, len(expected))
    assert [(row["TICKER_SYMBOL"], row["PRICE"], rounded(row["AVG_3S"]), row["MAX_3S"], row["N_3S"],
             rounded(row["SUM_LAST5"])) for row in got] == expected


def test_reference_data_join_names_each_company(analytics, kinesis, applications, ticker_source, s3_root):
    source, db = ticker_source
    named = output_stream(kinesis)
    companies = {"AAPL": "Apple Inc.", "AMZN": "Amazon.com, Inc.", "MSFT": "Microsoft", "JNJ": "Johnson & Johnson",
                 "XOM": "Exxon Mobil"}
    bucket = s3_root / "ka-reference"
    bucket.mkdir(exist_ok=True)
    (bucket / "companies.csv").write_text("".join(f"{ticker};{company}\n" for ticker, company in companies.items()))
    name = new_name("ka-join")
    applications.append(name)
    code = """
        CREATE OR REPLACE STREAM "NAMED" (ticker_symbol VARCHAR(4), company VARCHAR(64), price DOUBLE);
        CREATE OR REPLACE PUMP "JOIN_PUMP" AS INSERT INTO "NAMED"
            SELECT STREAM s.ticker_symbol, c."Company", s.price
            FROM "SOURCE_SQL_STREAM_001" AS s
            LEFT JOIN "CompanyNames" AS c ON s.ticker_symbol = c."Ticker";
    """
    reference = {
        "TableName": "CompanyNames",
        "S3ReferenceDataSource": {"BucketARN": "arn:aws:s3:::ka-reference", "FileKey": "companies.csv",
                                  "ReferenceRoleARN": "arn:aws:iam::000000000000:role/analytics"},
        "ReferenceSchema": {
            "RecordFormat": {"RecordFormatType": "CSV", "MappingParameters": {
                "CSVMappingParameters": {"RecordRowDelimiter": "\n", "RecordColumnDelimiter": ";"}}},
            "RecordEncoding": "UTF-8",
            "RecordColumns": [{"Name": "Ticker", "SqlType": "VARCHAR(4)"},
                              {"Name": "Company", "SqlType": "VARCHAR(64)"}]}}
    start_application(analytics, kinesis, name, code, source.arn, {"NAMED": named}, references=[reference])
    db.execute("CREATE TABLE companies (ticker VARCHAR, company VARCHAR)")
    db.executemany("INSERT INTO companies VALUES (?, ?)", list(companies.items()))
    expected = [{"TICKER_SYMBOL": t, "COMPANY": c, "PRICE": p} for t, c, p in db.execute(
        "SELECT s.ticker, c.company, s.price FROM src s LEFT JOIN companies c ON s.ticker = c.ticker "
        "ORDER BY s.seq").fetchall()]
    assert output_rows(kinesis, named, len(expected)) == expected


def test_csv_output_to_a_delivery_stream(analytics, kinesis, firehose, applications, ticker_source, s3_root):
    """An output to a delivery stream as CSV: the objects Firehose delivers hold the filtered rows in order."""
    source, db = ticker_source
    delivery = new_name("ka-csv")
    bucket = new_name("ka-csv-bucket")
    created = firehose.create_delivery_stream(DeliveryStreamName=delivery, ExtendedS3DestinationConfiguration={
        "RoleARN": "arn:aws:iam::000000000000:role/analytics", "BucketARN": f"arn:aws:s3:::{bucket}",
        "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 0}})
    wait_until(lambda: firehose.describe_delivery_stream(DeliveryStreamName=delivery)
               ["DeliveryStreamDescription"]["DeliveryStreamStatus"] == "ACTIVE", 30, what="delivery stream ACTIVE")
    name = new_name("ka-csv-app")
    applications.append(name)
    code = """
        CREATE OR REPLACE STREAM "ENERGY" (ticker_symbol VARCHAR(4), change DOUBLE, price DOUBLE);
        CREATE OR REPLACE PUMP "ENERGY_PUMP" AS INSERT INTO "ENERGY"
            SELECT STREAM ticker_symbol, change, price FROM "SOURCE_SQL_STREAM_001" WHERE sector = 'ENERGY';
    """
    analytics.create_application(
        ApplicationName=name, ApplicationCode=code,
        Inputs=[{"NamePrefix": "SOURCE_SQL_STREAM",
                 "KinesisStreamsInput": {"ResourceARN": source.arn, "RoleARN": ROLE_ARN},
                 "InputSchema": TICKER_SCHEMA}],
        Outputs=[{"Name": "ENERGY", "KinesisFirehoseOutput": {"ResourceARN": created["DeliveryStreamARN"],
                                                              "RoleARN": ROLE_ARN},
                  "DestinationSchema": {"RecordFormatType": "CSV"}}])
    analytics.start_application(ApplicationName=name, InputConfigurations=[{
        "Id": "1.1", "InputStartingPositionConfiguration": {"InputStartingPosition": "TRIM_HORIZON"}}])
    expected = "".join(f"{t},{c!r},{p!r}\n" for t, c, p in db.execute(
        "SELECT ticker, change, price FROM src WHERE sector = 'ENERGY' ORDER BY seq").fetchall())

    def delivered() -> str:
        # Objects are delivered one after the other: their modification times give their order.
        objects = sorted((path for path in (s3_root / bucket).rglob("*") if path.is_file()),
                         key=lambda path: (path.stat().st_mtime_ns, path.name))
        return "".join(path.read_text() for path in objects)
    wait_until(lambda: len(delivered()) >= len(expected), 60, what="CSV rows delivered")
    assert delivered() == expected
    firehose.delete_delivery_stream(DeliveryStreamName=delivery)


def test_rows_that_fail_to_map_or_compute_go_to_error_stream(analytics, kinesis, applications):
    source = create_stream(kinesis, new_name("ka-err-src"), shard_count=1)
    ratios, errors = output_stream(kinesis), output_stream(kinesis)
    name = new_name("ka-errors")
    applications.append(name)
    code = """
        CREATE OR REPLACE STREAM "RATIOS" (ticker_symbol VARCHAR(4), ratio DOUBLE);
        CREATE OR REPLACE PUMP "RATIO_PUMP" AS INSERT INTO "RATIOS"
            SELECT STREAM ticker_symbol, price / change FROM "SOURCE_SQL_STREAM_001";
    """
    start_application(analytics, kinesis, name, code, source.arn, {"RATIOS": ratios, "error_stream": errors},
                      position="NOW")
    records = [{"TICKER_SYMBOL": "AAA", "SECTOR": "X", "CHANGE": 2, "PRICE": 10},
               {"TICKER_SYMBOL": "BBB", "SECTOR": "X", "CHANGE": 2, "PRICE": "not a number"},
               {"TICKER_SYMBOL": "CCC", "SECTOR": "X", "CHANGE": 0, "PRICE": 10}]
    put_paced(kinesis, source.name, records, batch=3, pause_seconds=0)
    assert output_rows(kinesis, ratios, 1) == [{"TICKER_SYMBOL": "AAA", "RATIO": 5.0}]
    failed = output_rows(kinesis, errors, 2)
    assert [(row["ERROR_LEVEL"], row["ERROR_NAME"], row["PUMP_NAME"]) for row in failed] == [
        ("ERROR", "Error_Parsing", None), ("ERROR", "Error_Computing", "RATIO_PUMP")]
    assert "not a number" in bytes.fromhex(failed[0]["DATA_ROW"]).decode()
    assert ",CCC," in bytes.fromhex(failed[1]["DATA_ROW"]).decode()
    assert all(row["MESSAGE"] for row in failed)
    assert all(row["DATA_ROWTIME"] for row in failed)
