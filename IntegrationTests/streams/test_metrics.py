"""/metrics: CloudWatch-named stream metrics always, shard-level ones once enhanced monitoring enables them."""
import re

import requests

from support import iterator, read_from


def scrape(endpoint: str) -> dict[str, float]:
    response = requests.get(endpoint.rstrip("/") + "/metrics", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    samples = {}
    for line in response.text.splitlines():
        match = re.match(r"^(\S+?)(\{.*\})? (\S+)$", line)
        if match and not line.startswith("#"):
            samples[match.group(1) + (match.group(2) or "")] = float(match.group(3))
    return samples


def test_stream_and_shard_level_metrics_count_what_was_written_and_read(server, kinesis, stream):
    created = stream(shard_count=1)
    shard = created.shard_ids[0]
    stream_label = f'{{StreamName="{created.name}"}}'
    shard_label = f'{{StreamName="{created.name}",ShardId="{shard}"}}'

    kinesis.put_records(StreamName=created.name, Records=[{"Data": b"12345", "PartitionKey": "k"}] * 4)
    before = scrape(server.endpoint)
    assert before["IncomingRecords" + stream_label] == 4
    assert before["IncomingBytes" + stream_label] == 20
    assert "IncomingRecords" + shard_label not in before, "shard-level metrics need EnableEnhancedMonitoring"

    answer = kinesis.enable_enhanced_monitoring(StreamName=created.name, ShardLevelMetrics=["IncomingRecords", "OutgoingBytes"])
    assert answer["CurrentShardLevelMetrics"] == []
    assert sorted(answer["DesiredShardLevelMetrics"]) == ["IncomingRecords", "OutgoingBytes"]
    kinesis.put_record(StreamName=created.name, Data=b"abc", PartitionKey="k")
    records, _ = read_from(kinesis, iterator(kinesis, created.name, shard))
    assert len(records) == 5

    after = scrape(server.endpoint)
    assert after["IncomingRecords" + stream_label] == 5
    assert after["IncomingRecords" + shard_label] == 1
    assert after["OutgoingBytes" + shard_label] == 23
    assert after["GetRecords_Records" + stream_label] == 5
    assert "IncomingBytes" + shard_label not in after, "only the enabled shard-level metrics are produced"
