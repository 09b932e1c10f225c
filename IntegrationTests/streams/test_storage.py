"""Storage behaviour seen through the API: small segments, every fsync policy, restarts."""

from __future__ import annotations

import random

import pytest

from support import ServerProcess, create_stream, iterator, make_client, read_from, read_shard


SEGMENT_BYTES = 65536  # the smallest segment size the server accepts


@pytest.fixture
def small_segment_server(tmp_path):
    process = ServerProcess(tmp_path / "data", log_path=tmp_path / "server.log", state_delay_ms=50,
                            fsync="always", segment_size=SEGMENT_BYTES)
    process.start()
    yield process
    process.stop()


def test_records_span_many_small_segments(small_segment_server):
    client = make_client(small_segment_server.endpoint)
    created = create_stream(client, shard_count=1)
    shard = created.shard_ids[0]
    rng = random.Random(7)
    payloads = [rng.randbytes(rng.randint(200, 1500)) for _ in range(400)]  # ~340 KB: five or more segments
    answers = []
    for start in range(0, 300, 100):
        batch = client.put_records(StreamName=created.name, Records=[
            {"Data": p, "PartitionKey": "k"} for p in payloads[start:start + 100]])
        assert batch["FailedRecordCount"] == 0
        answers += batch["Records"]
    for payload in payloads[300:]:
        answers.append(client.put_record(StreamName=created.name, Data=payload, PartitionKey="k"))
    sequence_numbers = [a["SequenceNumber"] for a in answers]

    def check_everything(c):
        records, _ = read_from(c, iterator(c, created.name, shard), limit=37)
        assert [r["Data"] for r in records] == payloads
        assert [r["SequenceNumber"] for r in records] == sequence_numbers
        for index in (0, 1, 57, 199, 200, 333, 399):
            at = read_shard(c, created.name, shard, "AT_SEQUENCE_NUMBER",
                            StartingSequenceNumber=sequence_numbers[index])
            assert [r["SequenceNumber"] for r in at] == sequence_numbers[index:], index
            after = read_shard(c, created.name, shard, "AFTER_SEQUENCE_NUMBER",
                               StartingSequenceNumber=sequence_numbers[index])
            assert [r["SequenceNumber"] for r in after] == sequence_numbers[index + 1:], index

    check_everything(client)
    small_segment_server.restart()
    client = make_client(small_segment_server.endpoint)
    check_everything(client)
    small_segment_server.kill9()
    small_segment_server.start()
    client = make_client(small_segment_server.endpoint)
    check_everything(client)
    # Appends continue after the recovered tail.
    more = client.put_record(StreamName=created.name, Data=b"tail", PartitionKey="k")
    assert int(more["SequenceNumber"]) > int(sequence_numbers[-1])
    assert read_shard(client, created.name, shard)[-1]["Data"] == b"tail"


@pytest.mark.parametrize("fsync", ["always", "interval", "never"])
def test_clean_shutdown_keeps_everything_under_each_fsync_policy(tmp_path, fsync):
    server = ServerProcess(tmp_path / "data", log_path=tmp_path / "server.log", state_delay_ms=50, fsync=fsync)
    server.start()
    try:
        client = make_client(server.endpoint)
        created = create_stream(client, shard_count=2)
        answers = client.put_records(StreamName=created.name, Records=[
            {"Data": f"{fsync}-{i}".encode(), "PartitionKey": f"k{i}"} for i in range(50)])["Records"]
        assert server.stop() == 0, f"SIGTERM should end the server cleanly; log:\n{server.log_tail()}"
        server.start()
        client = make_client(server.endpoint)
        stored = {}
        for shard_id in created.shard_ids:
            for record in read_shard(client, created.name, shard_id):
                stored[record["SequenceNumber"]] = (shard_id, record["Data"])
        assert stored == {a["SequenceNumber"]: (a["ShardId"], f"{fsync}-{i}".encode())
                          for i, a in enumerate(answers)}
    finally:
        server.stop()
