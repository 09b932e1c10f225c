#!/usr/bin/env python3
"""Push latency: the time from sending a PutRecord to receiving the record in a SubscribeToShard event.

Starts its own Tributary (fsync policy from --fsync), registers an enhanced fan-out consumer on a 1-shard stream,
subscribes over HTTP/1.1 with boto3, then sends --samples PutRecord calls one after another (each carrying its
send time) with --gap-ms between them, and prints p50/p99/max of put→event latency as JSON. Latency includes the
PutRecord's own durability wait under the chosen fsync policy, since a record is pushed only once committed.
"""
import argparse
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time

import boto3
from botocore.config import Config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.environ.get("TRIBUTARY_BIN", ".build/release/tributary"))
    parser.add_argument("--fsync", default="always")
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--gap-ms", type=float, default=2.0)
    args = parser.parse_args()

    port = free_port()
    data_dir = tempfile.mkdtemp(prefix="tributary-push-")
    server = subprocess.Popen([args.bin, "serve", "--port", str(port), "--data-dir", data_dir, "--fsync", args.fsync,
                               "--state-delay-ms", "50"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        endpoint = f"http://127.0.0.1:{port}"
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        client = boto3.client("kinesis", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="bench",
                              aws_secret_access_key="bench", config=Config(retries={"max_attempts": 0}))
        client.create_stream(StreamName="push", ShardCount=1)
        while client.describe_stream_summary(StreamName="push")["StreamDescriptionSummary"]["StreamStatus"] != "ACTIVE":
            time.sleep(0.02)
        arn = client.describe_stream_summary(StreamName="push")["StreamDescriptionSummary"]["StreamARN"]
        consumer = client.register_stream_consumer(StreamARN=arn, ConsumerName="bench")["Consumer"]["ConsumerARN"]
        while client.describe_stream_consumer(ConsumerARN=consumer)["ConsumerDescription"]["ConsumerStatus"] != "ACTIVE":
            time.sleep(0.02)

        latencies_ms = []
        done = threading.Event()

        def consume():
            subscription = client.subscribe_to_shard(ConsumerARN=consumer, ShardId="shardId-000000000000",
                                                     StartingPosition={"Type": "LATEST"})
            for event in subscription["EventStream"]:
                received = time.perf_counter()
                for record in event["SubscribeToShardEvent"]["Records"]:
                    latencies_ms.append((received - float(record["Data"])) * 1000)
                if len(latencies_ms) >= args.samples:
                    done.set()
                    return

        consumer_thread = threading.Thread(target=consume, daemon=True)
        consumer_thread.start()
        time.sleep(0.5)
        producer = boto3.client("kinesis", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="bench",
                                aws_secret_access_key="bench", config=Config(retries={"max_attempts": 0}))
        for _ in range(args.samples):
            producer.put_record(StreamName="push", PartitionKey="k", Data=repr(time.perf_counter()).encode())
            time.sleep(args.gap_ms / 1000)
        done.wait(timeout=30)
        print(json.dumps({
            "workload": "put → SubscribeToShard event", "fsync": args.fsync, "samples": len(latencies_ms),
            "p50_ms": round(percentile(latencies_ms, 0.50), 3), "p99_ms": round(percentile(latencies_ms, 0.99), 3),
            "max_ms": round(max(latencies_ms), 3),
        }))
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
