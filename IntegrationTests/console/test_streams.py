"""The console's Data Streams pages in headless Chromium: create a stream, see its shard map, put a record through
the form, read it back in the data viewer as pretty JSON and hex, watch the live chart count it, delete the stream.
Each step is checked against the server through boto3 as well, so the page cannot pass by showing what it sent."""

from __future__ import annotations

import json
import re

from selenium.webdriver.common.by import By

from support import list_all_shards, unique_name, wait_gone

RECORD = {"order": 17, "items": ["tea", "milk"], "paid": True}


def test_the_root_sends_browsers_to_the_console(server):
    import requests
    answer = requests.get(f"{server.endpoint}/", allow_redirects=False, timeout=10)
    assert answer.status_code == 302 and answer.headers["Location"] == "/console/"
    page = requests.get(f"{server.endpoint}/console/", timeout=10)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    script = requests.get(f"{server.endpoint}/console/js/app.js", timeout=10)
    assert script.headers["Content-Type"].startswith("text/javascript")
    assert requests.get(f"{server.endpoint}/console/js/missing.js", timeout=10).status_code == 404
    # Every asset is local: no page or script names another origin.
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page.text + script.text)


def test_create_put_and_read_a_record_as_pretty_json(console, kinesis):
    name = unique_name("console")
    console.open("/streams")
    console.fill("#create-stream input[name=name]", name)
    console.fill("#create-stream input[name=shards]", "2")
    console.element("#create-stream button[type=submit]").click()
    console.wait_text("#stream-list", name)
    console.wait(lambda _: "ACTIVE" in row_of(console, name), message=f"{name} never became ACTIVE")
    assert kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["OpenShardCount"] == 2
    console.screenshot("streams")

    console.driver.find_element(By.LINK_TEXT, name).click()
    console.wait(lambda _: len(console.elements("tr[data-shard]")) == 2, message="the shard map never showed 2 shards")
    shown = sorted(row.get_attribute("data-shard") for row in console.elements("tr[data-shard]"))
    assert shown == sorted(shard["ShardId"] for shard in list_all_shards(kinesis, name))

    console.fill("#put-record input[name=partitionKey]", "customer-42")
    console.fill("#put-record textarea[name=data]", json.dumps(RECORD))
    console.element("#put-record button[type=submit]").click()
    result = console.wait_text("#put-result", "Stored in shardId-")
    shard_id = re.search(r"(shardId-\d+)", result).group(1)
    sequence = re.search(r"sequence number (\d+)", result).group(1)
    stored = kinesis.get_records(ShardIterator=kinesis.get_shard_iterator(
        StreamName=name, ShardId=shard_id, ShardIteratorType="AT_SEQUENCE_NUMBER",
        StartingSequenceNumber=sequence)["ShardIterator"])["Records"][0]
    assert json.loads(stored["Data"]) == RECORD and stored["PartitionKey"] == "customer-42"

    console.choose("#data-viewer select[name=shard]", shard_id)
    console.choose("#data-viewer select[name=position]", "TRIM_HORIZON")
    console.choose("#data-viewer select[name=format]", "json")
    console.element("#data-viewer button[type=submit]").click()
    console.wait_text("#records", sequence)
    assert console.text_of("#records .record-data") == json.dumps(RECORD, indent=2)

    # The live chart reads the server's metrics: the record shows up as incoming throughput.
    console.wait(lambda _: incoming_rate(console) > 0, timeout=15, message="the records chart never counted the put")
    console.screenshot("stream")

    console.choose("#data-viewer select[name=format]", "hex")
    dump = console.text_of("#records .record-data")
    data = json.dumps(RECORD).encode()
    assert dump.startswith("00000000  " + " ".join(f"{b:02x}" for b in data[:16]))

    # A sequence number starts the viewer there.
    console.choose("#data-viewer select[name=position]", "AFTER_SEQUENCE_NUMBER")
    console.fill("#data-viewer input[name=positionValue]", sequence)
    console.element("#data-viewer button[type=submit]").click()
    console.wait_text("#viewer-state", "0 record(s) shown")
    assert console.elements("#records .record") == []
    assert console.errors() == []


def test_delete_a_stream_from_the_list(console, kinesis):
    name = unique_name("console")
    kinesis.create_stream(StreamName=name, ShardCount=1)
    console.open("/streams")
    console.wait_text("#stream-list", name)
    button = console.element(f'button[data-stream="{name}"]')
    button.click()
    assert button.text == "Confirm delete"
    button.click()
    wait_gone(kinesis, name)
    console.wait(lambda _: name not in console.text_of("#stream-list"), message=f"{name} stayed in the list")


def test_a_bad_request_shows_aws_error(console):
    console.open("/streams")
    console.fill("#create-stream input[name=name]", "bad name with spaces")
    console.element("#create-stream button[type=submit]").click()
    notice = console.element(".notice.error")
    assert notice.text.startswith("ValidationException: ")


def row_of(console, name: str) -> str:
    return next((row for row in console.texts("#stream-list tr") if name in row), "")


def incoming_rate(console) -> float:
    legend = console.text_of(".chart .chart-legend")
    match = re.search(r"Incoming: ([\d.]+)", legend)
    return float(match.group(1)) if match else 0.0
