#!/usr/bin/env python3
"""Firehose benchmark: PutRecordBatch ingest throughput and end-to-end delivery time, Tributary vs moto_server.

Usage: python3 bench/firehose_delivery.py [--seconds 10] [--threads 4] [--systems tributary,moto]
Needs .build/release/tributary (or $TRIBUTARY_BIN) and moto[server]. Prints one Markdown table.

- Ingest: each thread posts a pre-built PutRecordBatch body (500 records of 100 random bytes) in a loop on its own
  keep-alive connection for --seconds; the figure is acknowledged records per second. Tributary acknowledges only
  after the records are fsynced into the delivery stream's buffer (--fsync always); moto keeps them in memory.
- Delivery: with IntervalInSeconds 0, the time from PutRecord's answer until the object is readable (a file under
  --s3-root for Tributary, an object in moto's own S3 for moto), median of 20.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import boto3
import requests

ROOT = Path(__file__).resolve().parent.parent
TARGET = "Firehose_20150804.PutRecordBatch"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"port {port} never opened")


def client(service: str, endpoint: str):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="bench", aws_secret_access_key="bench")


def create(firehose, name: str) -> None:
    firehose.create_delivery_stream(DeliveryStreamName=name, ExtendedS3DestinationConfiguration={
        "RoleARN": "arn:aws:iam::123456789012:role/bench", "BucketARN": "arn:aws:s3:::bench",
        "BufferingHints": {"SizeInMBs": 64, "IntervalInSeconds": 0}})
    deadline = time.time() + 30
    while time.time() < deadline:
        status = firehose.describe_delivery_stream(DeliveryStreamName=name)["DeliveryStreamDescription"]
        if status["DeliveryStreamStatus"] == "ACTIVE":
            return
        time.sleep(0.05)
    raise RuntimeError("delivery stream never became ACTIVE")


def ingest(endpoint: str, name: str, seconds: float, threads: int) -> float:
    records = [{"Data": base64.b64encode(os.urandom(100)).decode()} for _ in range(500)]
    body = json.dumps({"DeliveryStreamName": name, "Records": records}).encode()
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": TARGET,
               "Authorization": "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/firehose/aws4_request, "
                                "SignedHeaders=host, Signature=0"}
    counts = [0] * threads
    stop = time.time() + seconds

    def run(index: int) -> None:
        session = requests.Session()
        while time.time() < stop:
            answer = session.post(endpoint, data=body, headers=headers, timeout=60)
            answer.raise_for_status()
            counts[index] += 500 - json.loads(answer.content)["FailedPutCount"]

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    started = time.time()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(counts) / (time.time() - started)


def delivery_ms(firehose, name: str, visible, samples: int = 20) -> float:
    times = []
    for index in range(samples):
        marker = f"marker-{index}-{time.time_ns()}".encode()
        firehose.put_record(DeliveryStreamName=name, Record={"Data": marker})
        acknowledged = time.perf_counter()
        deadline = time.time() + 30
        while not visible(marker):
            if time.time() > deadline:
                raise RuntimeError("record never delivered")
            time.sleep(0.002)
        times.append((time.perf_counter() - acknowledged) * 1000)
    return statistics.median(times)


def run_tributary(args, work: Path) -> dict:
    binary = os.environ.get("TRIBUTARY_BIN", str(ROOT / ".build/release/tributary"))
    port, s3_root = free_port(), work / "s3"
    process = subprocess.Popen([binary, "serve", "--port", str(port), "--data-dir", str(work / "data"),
                                "--state-delay-ms", "50", "--s3-root", str(s3_root), "--log-level", "error"])
    try:
        wait_port(port)
        endpoint = f"http://127.0.0.1:{port}"
        firehose = client("firehose", endpoint)
        create(firehose, "ingest")
        throughput = ingest(endpoint, "ingest", args.seconds, args.threads)
        create(firehose, "latency")

        def visible(marker: bytes) -> bool:
            for path in (s3_root / "bench").rglob("latency-*"):
                if marker in path.read_bytes():
                    return True
            return False
        return {"ingest": throughput, "delivery": delivery_ms(firehose, "latency", visible)}
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


def run_moto(args, work: Path) -> dict:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port)
        endpoint = f"http://127.0.0.1:{port}"
        client("s3", endpoint).create_bucket(Bucket="bench")
        firehose = client("firehose", endpoint)
        create(firehose, "ingest")
        throughput = ingest(endpoint, "ingest", args.seconds, args.threads)
        create(firehose, "latency")
        s3 = client("s3", endpoint)

        def visible(marker: bytes) -> bool:
            for item in s3.list_objects_v2(Bucket="bench").get("Contents", []):
                if "latency" in item["Key"] and marker in s3.get_object(Bucket="bench", Key=item["Key"])["Body"].read():
                    return True
            return False
        return {"ingest": throughput, "delivery": delivery_ms(firehose, "latency", visible, samples=5)}
    finally:
        process.terminate()
        process.wait(timeout=20)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--systems", default="tributary,moto")
    args = parser.parse_args()
    rows = {}
    for system in args.systems.split(","):
        work = Path(tempfile.mkdtemp(prefix=f"bench-firehose-{system}-"))
        try:
            rows[system] = (run_tributary if system == "tributary" else run_moto)(args, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print("| system | PutRecordBatch 500 × 100 B, records/s | PutRecord → object readable, median ms |")
    print("|---|---|---|")
    for system, row in rows.items():
        print(f"| {system} | {row['ingest']:,.0f} | {row['delivery']:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
