"""Crash safety: acknowledged records survive kill -9, exactly once, in order, intact.

Four producers write to a 2-shard stream (fsync always) while the server is killed with SIGKILL five times
and restarted on the same data directory. A request that got no answer may or may not have been stored; a
request that was answered must be there, with the sequence number it was answered with. Payloads are never
resent, so no payload may appear twice.
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time

import pytest
from botocore.exceptions import BotoCoreError, ClientError

from support import (
    ServerProcess, create_stream, list_all_shards, make_client, md5_hash_key, read_from, shard_for_hash,
)

PRODUCERS = 4
KILLS = 5
TOLERATED_SERVER_ERRORS = {"InternalFailure", "InternalFailureException", "ServiceUnavailable",
                           "ServiceUnavailableException", "ProvisionedThroughputExceededException"}


def checksum(producer: int, counter: int, body: str) -> str:
    return hashlib.sha256(f"{producer}:{counter}:{body}".encode()).hexdigest()


def make_payload(producer: int, counter: int, rng: random.Random) -> bytes:
    body = rng.randbytes(rng.randint(8, 400)).hex()
    return json.dumps({"p": producer, "n": counter, "body": body,
                       "sha": checksum(producer, counter, body)}, sort_keys=True).encode()


def keys_per_shard(shards: list[dict]) -> list[str]:
    """One partition key per producer; producers 0,1 land on shard 0 and producers 2,3 on shard 1."""
    wanted = [shards[0]["ShardId"], shards[0]["ShardId"], shards[1]["ShardId"], shards[1]["ShardId"]]
    keys, candidate = [], 0
    for producer, shard_id in enumerate(wanted):
        while True:
            key = f"producer-{producer}-{candidate}"
            candidate += 1
            if shard_for_hash(shards, md5_hash_key(key)) == shard_id:
                keys.append(key)
                break
    return keys


class Producer(threading.Thread):
    def __init__(self, producer_id: int, endpoint: str, stream_name: str, partition_key: str,
                 stop: threading.Event, seed: int):
        super().__init__(name=f"producer-{producer_id}", daemon=True)
        self.producer_id = producer_id
        self.stream_name = stream_name
        self.partition_key = partition_key
        self.stop_event = stop
        self.rng = random.Random(seed)
        self.client = make_client(endpoint, connect_timeout=2, read_timeout=15)
        self.counter = 0
        self.acknowledged: list[tuple[bytes, str, str]] = []  # (payload, shard id, sequence number), in ack order
        self.unanswered = 0
        self.unexpected: list[str] = []
        self.deadline = time.monotonic() + 50

    def next_payload(self) -> bytes:
        payload = make_payload(self.producer_id, self.counter, self.rng)
        self.counter += 1
        return payload

    def run(self) -> None:
        while not self.stop_event.is_set() and time.monotonic() < self.deadline:
            try:
                if self.rng.random() < 0.3:
                    payload = self.next_payload()
                    answer = self.client.put_record(StreamName=self.stream_name, Data=payload,
                                                    PartitionKey=self.partition_key)
                    self.acknowledged.append((payload, answer["ShardId"], answer["SequenceNumber"]))
                else:
                    payloads = [self.next_payload() for _ in range(self.rng.randint(1, 50))]
                    answer = self.client.put_records(StreamName=self.stream_name, Records=[
                        {"Data": payload, "PartitionKey": self.partition_key} for payload in payloads])
                    assert len(answer["Records"]) == len(payloads)
                    for payload, result in zip(payloads, answer["Records"]):
                        if "SequenceNumber" in result and not result.get("ErrorCode"):
                            self.acknowledged.append((payload, result["ShardId"], result["SequenceNumber"]))
                        else:
                            self.unanswered += 1
            except ClientError as error:
                code = error.response.get("Error", {}).get("Code", "")
                status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
                self.unanswered += 1
                if code not in TOLERATED_SERVER_ERRORS and status < 500:
                    self.unexpected.append(f"{code} ({status}): {error}")
                time.sleep(0.02)
            except BotoCoreError:
                # Connection refused, reset or closed mid-answer: the server is down or being killed.
                self.unanswered += 1
                time.sleep(0.02)
            except Exception as error:  # noqa: BLE001 - reported as a failure below
                self.unexpected.append(f"{type(error).__name__}: {error}")
                time.sleep(0.02)


def read_everything(client, name: str, shard_ids: list[str]) -> dict[str, list[dict]]:
    everything = {}
    for shard_id in shard_ids:
        position = client.get_shard_iterator(StreamName=name, ShardId=shard_id,
                                             ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        everything[shard_id] = read_from(client, position)[0]
    return everything


def verify(producers: list[Producer], stored: dict[str, list[dict]]) -> None:
    """Checks the read-back against what was acknowledged; fails with a short list of the first problems."""
    problems: list[str] = []
    seen_payloads: dict[bytes, tuple[str, str]] = {}
    for shard_id, records in stored.items():
        numbers = [int(r["SequenceNumber"]) for r in records]
        for position, (a, b) in enumerate(zip(numbers, numbers[1:])):
            if a >= b:
                problems.append(f"{shard_id}: sequence number {b} at position {position + 1} does not exceed {a}")
        for record in records:
            data = record["Data"]
            try:
                document = json.loads(data)
                intact = checksum(document["p"], document["n"], document["body"]) == document["sha"]
            except (ValueError, KeyError, TypeError):
                intact = False
            if not intact:
                problems.append(f"{shard_id}: corrupt payload at {record['SequenceNumber']}: {data[:60]!r}")
            if data in seen_payloads:
                problems.append(f"{shard_id}: payload stored twice, at {seen_payloads[data]} and "
                                f"{record['SequenceNumber']}: {data[:60]!r}")
            else:
                seen_payloads[data] = (shard_id, record["SequenceNumber"])

    for producer in producers:
        positions = []
        for payload, shard_id, sequence_number in producer.acknowledged:
            counter = json.loads(payload)["n"]
            where = seen_payloads.get(payload)
            if where is None:
                problems.append(f"producer {producer.producer_id}: acknowledged record {counter} "
                                f"({shard_id} {sequence_number}) is missing after the crashes")
            elif where != (shard_id, sequence_number):
                problems.append(f"producer {producer.producer_id}: record {counter} was acknowledged as "
                                f"{(shard_id, sequence_number)} but is stored as {where}")
            positions.append(int(sequence_number))
        if positions != sorted(positions):
            problems.append(f"producer {producer.producer_id}: acknowledged order differs from sequence order")

    if problems:
        pytest.fail(f"{len(problems)} problems after kill -9 and restart; the first ones:\n" + "\n".join(problems[:15]))


def test_acknowledged_records_survive_kill_9(tmp_path):
    server = ServerProcess(tmp_path / "data", log_path=tmp_path / "server.log", state_delay_ms=50, fsync="always")
    server.start()
    stop = threading.Event()
    producers: list[Producer] = []
    try:
        admin = make_client(server.endpoint)
        created = create_stream(admin, shard_count=2)
        shards = list_all_shards(admin, created.name)
        keys = keys_per_shard(shards)
        producers = [Producer(i, server.endpoint, created.name, keys[i], stop, seed=1000 + i)
                     for i in range(PRODUCERS)]
        for producer in producers:
            producer.start()

        rng = random.Random(42)
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.3, 1.5))
            server.kill9()
            server.start()
        time.sleep(0.5)
        stop.set()
        for producer in producers:
            producer.join(timeout=30)
            assert not producer.is_alive(), f"{producer.name} did not stop"

        unexpected = [f"{p.name}: {message}" for p in producers for message in p.unexpected]
        if unexpected:
            pytest.fail(f"{len(unexpected)} unexpected errors, first ones:\n" + "\n".join(unexpected[:10]))
        total = sum(len(p.acknowledged) for p in producers)
        assert total >= 100, f"only {total} records were acknowledged; the test proves too little"
        for producer in producers:
            assert producer.acknowledged, f"{producer.name} got nothing acknowledged"
            assert {shard for _, shard, _ in producer.acknowledged} == {
                shard_for_hash(shards, md5_hash_key(producer.partition_key))}

        print(f"crash test: {total} records acknowledged, "
              f"{sum(p.unanswered for p in producers)} requests or records unanswered, {KILLS} kills")
        reader = make_client(server.endpoint)
        stored = read_everything(reader, created.name, created.shard_ids)
        verify(producers, stored)

        # A clean restart changes nothing.
        server.restart()
        assert read_everything(make_client(server.endpoint), created.name, created.shard_ids) == stored
    finally:
        stop.set()
        for producer in producers:
            producer.join(timeout=5)
        server.stop()
