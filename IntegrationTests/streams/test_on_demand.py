"""ON_DEMAND scaling (`tributary serve --on-demand-check-ms N`).

The rule: at each check, if the write rate over the last interval exceeded half of the open shards' capacity
(0.5 MiB/s or 500 records/s per open shard), the stream doubles its open shards (through the same split/merge
machinery as UpdateShardCount). It never scales down by itself, and PROVISIONED streams never scale.
A new ON_DEMAND stream has 4 shards: the threshold is 2,000 records/s or 2 MiB/s; after doubling to 8 it is
4,000 records/s or 4 MiB/s. The loads below sit between the two, so exactly one doubling is expected.
"""

from __future__ import annotations

import os
import threading
import time

import pytest
from botocore.exceptions import BotoCoreError, ClientError

from support import (
    FlaggedServerProcess, assert_covers_key_space, consumer_stream_factory, is_open, list_all_shards, make_client,
    read_stream_kcl_order, wait_active, wait_until,
)

CHECK_MS = 1000


@pytest.fixture(scope="module")
def scaling_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("tributary-on-demand")
    process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=50, fsync="never",
                                   extra_args=["--on-demand-check-ms", str(CHECK_MS)])
    process.start()
    yield process
    process.kill9()     # a throwaway server


@pytest.fixture(scope="module")
def client(scaling_server):
    return make_client(scaling_server.endpoint)


@pytest.fixture
def stream(client):
    with consumer_stream_factory(client) as factory:
        yield factory


class Load:
    """A paced writer thread: `batches_per_second` PutRecords calls of `make_batch()`; never bursts to catch up."""

    def __init__(self, endpoint: str, name: str, batches_per_second: float, make_batch):
        self.client = make_client(endpoint)
        self.name = name
        self.period = 1.0 / batches_per_second
        self.make_batch = make_batch
        self.stop_event = threading.Event()
        self.acked = 0
        self.failures: list[str] = []
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        next_at = time.monotonic()
        while not self.stop_event.is_set():
            try:
                answer = self.client.put_records(StreamName=self.name, Records=self.make_batch())
                self.acked += len(answer["Records"]) - answer["FailedRecordCount"]
                if answer["FailedRecordCount"]:
                    self.failures.append(f"{answer['FailedRecordCount']} refused")
            except (ClientError, BotoCoreError) as error:
                self.failures.append(str(error))
            next_at = max(next_at + self.period, time.monotonic())
            self.stop_event.wait(max(0.0, next_at - time.monotonic()))

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        self.thread.join(timeout=30)


def open_count(client, name: str) -> int:
    return client.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["OpenShardCount"]


def small_records():
    return [{"Data": b"x" * 20, "PartitionKey": f"k{i}"} for i in range(500)]


def test_record_rate_doubles_the_shards_once_and_never_scales_down(scaling_server, client, stream):
    created = stream(shard_count=None, mode="ON_DEMAND")
    assert open_count(client, created.name) == 4
    # 6 batches of 500 per second: 3,000 records/s, above 2,000 (4 shards) and below 4,000 (8 shards).
    with Load(scaling_server.endpoint, created.name, 6, small_records) as load:
        wait_until(lambda: open_count(client, created.name) == 8, 10 * CHECK_MS / 1000,
                   what="the ON_DEMAND stream to double to 8 open shards")
        wait_active(client, created.name)
        scaled_at = load.acked
        # With the load still on (below the new threshold), it stays at 8.
        time.sleep(2.5 * CHECK_MS / 1000)
        assert open_count(client, created.name) == 8
        assert load.acked > scaled_at, "the load stopped while scaling"
    assert not load.failures, load.failures[:3]
    # Idle for several checks: never scales down.
    time.sleep(2.5 * CHECK_MS / 1000)
    summary = wait_active(client, created.name)
    assert summary["OpenShardCount"] == 8
    assert summary["StreamModeDetails"]["StreamMode"] == "ON_DEMAND"

    shards = list_all_shards(client, created.name)
    opened = [s for s in shards if is_open(s)]
    assert len(opened) == 8
    assert_covers_key_space(opened)
    originals = {s["ShardId"] for s in shards[:4]}
    assert all(not is_open(s) for s in shards if s["ShardId"] in originals)
    # No acknowledged record was lost across the scaling.
    total = sum(len(records) for _, records in read_stream_kcl_order(client, created.name))
    assert total == load.acked


def test_byte_rate_doubles_the_shards(scaling_server, client, stream):
    created = stream(shard_count=None, mode="ON_DEMAND")
    chunk = os.urandom(512 * 1024)

    def big_records():
        return [{"Data": chunk, "PartitionKey": f"b{i}"} for i in range(3)]
    # 2 batches of 1.5 MiB per second: 3 MiB/s (only 6 records/s), above 2 MiB/s and below 4 MiB/s.
    with Load(scaling_server.endpoint, created.name, 2, big_records) as load:
        wait_until(lambda: open_count(client, created.name) == 8, 10 * CHECK_MS / 1000,
                   what="the ON_DEMAND stream to double to 8 open shards on bytes")
    assert not load.failures, load.failures[:3]
    wait_active(client, created.name)
    assert open_count(client, created.name) == 8


def test_provisioned_and_idle_streams_do_not_scale(scaling_server, client, stream):
    provisioned = stream(shard_count=1)
    idle = stream(shard_count=None, mode="ON_DEMAND")
    with Load(scaling_server.endpoint, provisioned.name, 6, small_records) as load:
        time.sleep(3 * CHECK_MS / 1000)
    assert load.acked > 0
    assert not load.failures, load.failures[:3]
    assert open_count(client, provisioned.name) == 1
    assert len(list_all_shards(client, provisioned.name)) == 1
    assert open_count(client, idle.name) == 4
    assert len(list_all_shards(client, idle.name)) == 4
