"""DiscoverInputSchema infers the record format and the columns, with SQL types, from samples of a data stream:
JSON (the stock-ticker demo's records) and CSV."""

from __future__ import annotations

import json

from .harness import ROLE_ARN


def discover(analytics, kinesis, arn: str, payloads: list[bytes]) -> dict:
    stream = arn.split("/")[-1]
    for payload in payloads:
        kinesis.put_record(StreamName=stream, PartitionKey="k", Data=payload)
    return analytics.discover_input_schema(ResourceARN=arn, RoleARN=ROLE_ARN,
                                           InputStartingPositionConfiguration={"InputStartingPosition": "TRIM_HORIZON"})


def columns(answer: dict) -> list[tuple]:
    return [(column["Name"], column["SqlType"], column.get("Mapping"))
            for column in answer["InputSchema"]["RecordColumns"]]


def test_json_samples_give_the_demo_schema(analytics, kinesis, data_stream):
    samples = [{"TICKER_SYMBOL": "QXZ", "SECTOR": "HEALTHCARE", "CHANGE": -0.05, "PRICE": 84.51},
               {"TICKER_SYMBOL": "AMZN", "SECTOR": "RETAIL", "CHANGE": 1.25, "PRICE": 120},
               {"TICKER_SYMBOL": "WMT", "SECTOR": "RETAIL", "CHANGE": 0.5, "PRICE": 61.3}]
    answer = discover(analytics, kinesis, data_stream(), [json.dumps(sample).encode() for sample in samples])
    assert answer["InputSchema"]["RecordFormat"] == {
        "RecordFormatType": "JSON", "MappingParameters": {"JSONMappingParameters": {"RecordRowPath": "$"}}}
    assert answer["InputSchema"]["RecordEncoding"] == "UTF-8"
    assert columns(answer) == [("TICKER_SYMBOL", "VARCHAR(4)", "$.TICKER_SYMBOL"),
                               ("SECTOR", "VARCHAR(16)", "$.SECTOR"),
                               ("CHANGE", "REAL", "$.CHANGE"),
                               ("PRICE", "REAL", "$.PRICE")]
    assert answer["ParsedInputRecords"][0] == ["QXZ", "HEALTHCARE", "-0.05", "84.51"]


def test_csv_samples_give_delimited_columns(analytics, kinesis, data_stream):
    answer = discover(analytics, kinesis, data_stream(),
                      [b"AMZN,RETAIL,10,2017-01-01\n", b"MSFT,TECHNOLOGY,2000000,2017-01-02\n"])
    schema = answer["InputSchema"]
    assert schema["RecordFormat"]["RecordFormatType"] == "CSV"
    assert schema["RecordFormat"]["MappingParameters"] == {
        "CSVMappingParameters": {"RecordRowDelimiter": "\n", "RecordColumnDelimiter": ","}}
    assert columns(answer) == [("COL_0", "VARCHAR(4)", None), ("COL_1", "VARCHAR(16)", None),
                               ("COL_2", "INTEGER", None), ("COL_3", "VARCHAR(16)", None)]
    assert answer["ParsedInputRecords"] == [["AMZN", "RETAIL", "10", "2017-01-01"],
                                            ["MSFT", "TECHNOLOGY", "2000000", "2017-01-02"]]
