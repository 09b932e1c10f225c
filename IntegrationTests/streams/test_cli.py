"""The aws CLI quick start against the server: create, put, iterate, get, delete."""

from __future__ import annotations

import base64
import subprocess

import pytest

from support import AwsCliError, unique_name, wait_active, wait_gone


def cli_major_version() -> int:
    completed = subprocess.run(["aws", "--version"], capture_output=True, text=True)
    output = completed.stdout + completed.stderr
    return int(output.split("/", 1)[1].split(".", 1)[0])


def data_arguments(text: str) -> list[str]:
    """CLI v1 takes blob arguments as raw text; v2 takes base64 unless told raw-in-base64-out."""
    if cli_major_version() >= 2:
        return ["--data", base64.b64encode(text.encode()).decode(), "--cli-binary-format", "base64"]
    return ["--data", text]


def test_cli_quick_start(aws_cli, kinesis):
    name = unique_name("demo")
    assert aws_cli("create-stream", "--stream-name", name, "--shard-count", "1") in (None, {})
    wait_active(kinesis, name)
    try:
        listed = aws_cli("list-streams")
        assert name in listed["StreamNames"]
        summary = aws_cli("describe-stream-summary", "--stream-name", name)["StreamDescriptionSummary"]
        assert summary["StreamStatus"] == "ACTIVE"
        assert summary["OpenShardCount"] == 1

        put = aws_cli("put-record", "--stream-name", name, "--partition-key", "k", *data_arguments("hello"))
        assert put["ShardId"] == "shardId-000000000000"
        assert put["SequenceNumber"].isdigit()

        iterator = aws_cli("get-shard-iterator", "--stream-name", name, "--shard-id", put["ShardId"],
                           "--shard-iterator-type", "TRIM_HORIZON")["ShardIterator"]
        got = aws_cli("get-records", "--shard-iterator", iterator)
        assert len(got["Records"]) == 1
        record = got["Records"][0]
        assert record["Data"] == "aGVsbG8="  # base64 of "hello"
        assert record["PartitionKey"] == "k"
        assert record["SequenceNumber"] == put["SequenceNumber"]
        assert got["NextShardIterator"]
        assert got["MillisBehindLatest"] == 0

        shards = aws_cli("list-shards", "--stream-name", name)["Shards"]
        assert [s["ShardId"] for s in shards] == ["shardId-000000000000"]
        aws_cli("delete-stream", "--stream-name", name)
        wait_gone(kinesis, name)
    finally:
        try:
            kinesis.delete_stream(StreamName=name)
        except Exception:
            pass


def test_cli_reports_aws_errors(aws_cli):
    with pytest.raises(AwsCliError) as excinfo:
        aws_cli("describe-stream", "--stream-name", unique_name("missing"))
    assert "ResourceNotFoundException" in excinfo.value.stderr
