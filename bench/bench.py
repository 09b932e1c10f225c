#!/usr/bin/env python3
"""Drivers of the Tributary benchmark; bench/run.sh calls them, one result row per JSON line in --out.

Subcommands:
  kinesis-put      create a 4-shard stream, replay PutRecords/PutRecord bodies with wrk, then read every record
                   back with GetRecords (the sanity count, timed: that is the drain figure)
  kinesis-latency  put -> visible latency: one producer process, one consumer process looping GetRecords
  redis-put        the Redis Streams equivalent of a put workload with redis-benchmark (XADD), then XREAD drain
  redis-latency    put -> visible latency with XADD and XREAD BLOCK
  report           turn the rows into the markdown table (and the Tributary/moto, Tributary/Redis ratios)

Every Kinesis call in a timed loop goes through `RawKinesis` (http.client, one kept-alive connection, no SigV4
signing) so the Python client costs as little as possible; boto3 is used only to create streams.
"""
from __future__ import annotations

import argparse
import base64
import datetime
import http.client
import json
import math
import multiprocessing
import os
import platform
import re
import statistics
import struct
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

BENCH_DIR = Path(__file__).resolve().parent

# Kinesis workloads replayed by wrk: name -> (API target, records per request, payload bytes, distinct bodies).
KINESIS_WORKLOADS = {
    "put500x100": ("PutRecords", 500, 100, 64),
    "put500x1k": ("PutRecords", 500, 1024, 24),
    "put1x100": ("PutRecord", 1, 100, 4096),
}
WORKLOAD_TITLES = {
    "put500x100": "PutRecords 500 × 100 B",
    "put500x1k": "PutRecords 500 × 1 KiB",
    "put1x100": "PutRecord 1 × 100 B",
    "drain100": "GetRecords drain, 100 B records",
    "drain1k": "GetRecords drain, 1 KiB records",
    "latency": "put → visible via GetRecords/XREAD, 100 B",
}
WORKLOAD_ORDER = list(WORKLOAD_TITLES)
DRAIN_OF = {"put500x100": "drain100", "put500x1k": "drain1k"}
# Redis equivalents: name -> (pipeline depth, payload bytes, key prefix).
REDIS_WORKLOADS = {
    "put500x100": (500, 100, "s100"),
    "put500x1k": (500, 1024, "s1k"),
    "put1x100": (1, 100, "s1"),
}
REDIS_SHARDS = 4  # XADD goes to one of 4 stream keys at random, as PutRecords spreads over 4 shards

HEADERS_BASE = {
    "Content-Type": "application/x-amz-json-1.1",
    # moto_server routes by the credential scope of the Authorization header; no signature is checked anywhere.
    "Authorization": "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/kinesis/aws4_request, "
                     "SignedHeaders=content-type;host;x-amz-target, Signature=0",
}


class BenchError(RuntimeError):
    pass


# ----------------------------------------------------------------------------------------------------------------
# Kinesis over raw HTTP


class RawKinesis:
    def __init__(self, endpoint: str, timeout: float = 120.0):
        url = urlparse(endpoint)
        self.host, self.port, self.timeout = url.hostname, url.port, timeout
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def call(self, operation: str, body: dict) -> dict:
        data = self.call_raw(operation, body)
        return json.loads(data) if data else {}

    def call_raw(self, operation: str, body: dict) -> bytes:
        payload = json.dumps(body, separators=(",", ":")).encode()
        headers = dict(HEADERS_BASE)
        headers["X-Amz-Target"] = "Kinesis_20131202." + operation
        for attempt in range(2):
            try:
                self.conn.request("POST", "/", payload, headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A server that closes kept-alive connections (werkzeug) is retried once on a new connection.
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                if attempt == 1:
                    raise
        if response.status != 200:
            raise BenchError(f"{operation} answered {response.status}: {data[:300]!r}")
        return data

    def shard_ids(self, stream: str) -> list[str]:
        shards, token = [], None
        while True:
            body = {"NextToken": token} if token else {"StreamName": stream}
            answer = self.call("ListShards", body)
            shards += [s["ShardId"] for s in answer["Shards"]]
            token = answer.get("NextToken")
            if not token:
                return shards


def create_stream(endpoint: str, name: str, shards: int) -> None:
    import boto3
    from botocore.config import Config

    client = boto3.client("kinesis", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test",
                          config=Config(retries={"max_attempts": 2}))
    client.create_stream(StreamName=name, ShardCount=shards)
    deadline = time.monotonic() + 30
    while True:
        summary = client.describe_stream(StreamName=name)["StreamDescription"]
        if summary["StreamStatus"] == "ACTIVE":
            if len(summary["Shards"]) != shards:
                raise BenchError(f"{name} has {len(summary['Shards'])} shards, not {shards}")
            return
        if time.monotonic() > deadline:
            raise BenchError(f"{name} did not become ACTIVE within 30 s")
        time.sleep(0.1)


def b64_length_to_bytes(text: str) -> int:
    return len(text) * 3 // 4 - text.count("=", max(0, len(text) - 2))


NEXT_ITERATOR = re.compile(rb'"NextShardIterator"\s*:\s*(null|("(?:[^"\\]|\\.)*"))')
MILLIS_BEHIND = re.compile(rb'"MillisBehindLatest"\s*:\s*(\d+)')


def scan_get_records(data: bytes) -> tuple[int, str | None, int]:
    """Record count, NextShardIterator and MillisBehindLatest of a GetRecords answer without decoding the JSON.

    Decoding 15 MB of JSON costs the Python client about as much as the server spends answering, so the drain
    counts `"SequenceNumber"` keys instead (base64 data and hex partition keys cannot contain a quote).
    """
    records = data.count(b'"SequenceNumber"')
    at = data.rfind(b'"NextShardIterator"')
    match = NEXT_ITERATOR.match(data, at) if at >= 0 else None
    # Decoded as the JSON string it is: moto's iterators hold escaped newlines (base64.encodebytes).
    iterator = json.loads(match.group(2)) if match and match.group(2) is not None else None
    at = data.rfind(b'"MillisBehindLatest"')
    match = MILLIS_BEHIND.match(data, at) if at >= 0 else None
    return records, iterator, int(match.group(1)) if match else 0


def drain_stream(endpoint: str, stream: str, payload: int) -> dict:
    """Reads every record of every shard from TRIM_HORIZON with chained GetRecords Limit 10000, timed.

    Every record of a bench stream has `payload` bytes of data; the first non-empty answer of each shard is
    decoded in full to check that (and the fast scan's count) before the rest is counted by scanning.
    """
    client = RawKinesis(endpoint)
    records = calls = 0
    call_latencies = []
    started = time.monotonic()
    for shard in client.shard_ids(stream):
        iterator = client.call("GetShardIterator", {"StreamName": stream, "ShardId": shard,
                                                    "ShardIteratorType": "TRIM_HORIZON"})["ShardIterator"]
        empty_in_a_row, verified = 0, False
        while iterator:
            t0 = time.monotonic()
            data = client.call_raw("GetRecords", {"ShardIterator": iterator, "Limit": 10000})
            count, iterator, behind = scan_get_records(data)
            call_latencies.append(time.monotonic() - t0)
            calls += 1
            if count and not verified:
                decoded = json.loads(data)
                sizes = {b64_length_to_bytes(r["Data"]) for r in decoded["Records"]}
                if len(decoded["Records"]) != count or sizes != {payload}:
                    raise BenchError(f"GetRecords check failed on {shard}: {len(decoded['Records'])} records "
                                     f"(scan counted {count}), data sizes {sorted(sizes)[:5]}, expected {payload}")
                verified = True
            records += count
            if count:
                empty_in_a_row = 0
                continue
            # An empty answer at the tip (MillisBehindLatest 0, or absent) ends the shard; AWS may answer empty
            # mid-shard, so a few empties behind the tip are tolerated before giving up.
            empty_in_a_row += 1
            if behind == 0 or empty_in_a_row >= 20:
                break
    seconds = time.monotonic() - started
    return {"records": records, "bytes": records * payload, "seconds": seconds, "calls": calls,
            "call_latencies": call_latencies}


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)  # nearest-rank percentile
    index = min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[index]


def append_row(out: str, row: dict) -> None:
    with open(out, "a") as f:
        f.write(json.dumps(row) + "\n")
    shown = {k: v for k, v in row.items() if k not in ("detail",)}
    print("  row:", json.dumps(shown), flush=True)


# ----------------------------------------------------------------------------------------------------------------
# kinesis-put


def bodies_file(work: Path, workload: str, stream: str) -> Path:
    target, records, payload, count = KINESIS_WORKLOADS[workload]
    path = work / f"bodies-{workload}.jsonl"
    if not path.exists():
        kind = "record" if target == "PutRecord" else "records"
        tmp = path.with_suffix(".tmp")
        subprocess.run([sys.executable, str(BENCH_DIR / "prep_bodies.py"), "--stream", stream, "--kind", kind,
                        "--records", str(records), "--payload", str(payload), "--count", str(count), str(tmp)],
                       check=True)
        tmp.rename(path)
    return path


def run_wrk(endpoint: str, bodies: Path, target: str, args) -> dict:
    command = ["wrk", f"-t{args.threads}", f"-c{args.conns}", f"-d{args.duration}s", "--timeout", "10s",
               "--latency", "-s", str(BENCH_DIR / "wrk" / "kinesis_put.lua"), endpoint + "/"]
    env = dict(os.environ, BENCH_BODIES=str(bodies), BENCH_TARGET=target)
    print("  $ BENCH_BODIES=%s BENCH_TARGET=%s %s" % (bodies.name, target, " ".join(command)), flush=True)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=args.duration + 120)
    if args.log:
        with open(args.log, "a") as log:
            log.write(f"\n### {args.system} {args.tier} {args.workload}\n{done.stdout}\n{done.stderr}\n")
    if done.returncode != 0:
        raise BenchError(f"wrk exited {done.returncode}: {done.stderr[-2000:]}")
    match = re.search(r"^WRKJSON (.*)$", done.stdout, re.M)
    if not match:
        raise BenchError("wrk printed no WRKJSON line:\n" + done.stdout[-2000:] + done.stderr[-2000:])
    return json.loads(match.group(1))


def cmd_kinesis_put(args) -> int:
    target, per_request, payload, _ = KINESIS_WORKLOADS[args.workload]
    stream = f"bench-{args.workload}"
    work = Path(args.work)
    bodies = bodies_file(work, args.workload, stream)
    create_stream(args.endpoint, stream, args.shards)
    stats = run_wrk(args.endpoint, bodies, target, args)

    seconds = stats["duration_us"] / 1e6
    ok_requests = stats["ok_responses"]
    acked = ok_requests * per_request - stats["failed_records"]
    socket_errors = stats["connect_errors"] + stats["read_errors"] + stats["write_errors"] + stats["timeouts"]
    problems = []
    if stats["non200"]:
        problems.append(f"{stats['non200']} non-200 answers (first: {stats['bad_status_sample'][:120]})")
    if stats["failed_records"]:
        problems.append(f"{stats['failed_records']} records failed inside PutRecords")
    if socket_errors:
        problems.append(f"socket errors: connect {stats['connect_errors']}, read {stats['read_errors']}, "
                        f"write {stats['write_errors']}, timeout {stats['timeouts']}")
    if ok_requests == 0:
        problems.append("no request succeeded")

    # Sanity: read everything back. wrk stops with up to `conns` requests in flight that the server may still
    # have committed, so the count may exceed the acknowledged records by at most that much. Those requests are
    # given time to finish first (as long as the slowest answer wrk saw, 0.2 to 5 s): moto_server fails a
    # GetRecords that runs while a PutRecords is still appending to the same shard.
    time.sleep(min(5.0, max(0.2, 1.2 * stats["max_us"] / 1e6)))
    drain = drain_stream(args.endpoint, stream, payload)
    slack = args.conns * per_request
    if drain["records"] < acked:
        problems.append(f"LOST: GetRecords found {drain['records']} records, {acked} were acknowledged")
    elif drain["records"] > acked + slack + stats["failed_records"]:
        problems.append(f"GetRecords found {drain['records']} records, more than {acked} acknowledged + in flight")
    check = f"read back {drain['records']:,} ≥ {acked:,} acked"

    append_row(args.out, {
        "system": args.system, "tier": args.tier, "workload": args.workload,
        "records_per_s": acked / seconds if seconds else 0.0,
        "mb_per_s": acked * payload / seconds / 1e6 if seconds else 0.0,
        "p50_ms": stats["p50_us"] / 1000, "p99_ms": stats["p99_us"] / 1000,
        "ok": not problems, "check": check, "problems": problems,
        "detail": {"requests": stats["requests"], "ok_requests": ok_requests, "seconds": seconds,
                   "wrk": f"-t{args.threads} -c{args.conns} -d{args.duration}s"},
    })
    if args.workload in DRAIN_OF:
        lat = drain["call_latencies"]
        append_row(args.out, {
            "system": args.system, "tier": args.tier, "workload": DRAIN_OF[args.workload],
            "records_per_s": drain["records"] / drain["seconds"], "mb_per_s": drain["bytes"] / drain["seconds"] / 1e6,
            "p50_ms": percentile(lat, 50) * 1000, "p99_ms": percentile(lat, 99) * 1000,
            "ok": drain["records"] > 0 and drain["records"] >= acked,
            "check": f"{drain['records']:,} records in {drain['calls']} GetRecords calls, {drain['seconds']:.2f} s",
            "problems": [] if drain["records"] >= acked else ["drain found fewer records than acknowledged"],
            "detail": {"latency_is": "per GetRecords call"},
        })
    return 0 if not problems else 3


# ----------------------------------------------------------------------------------------------------------------
# put -> visible latency (Kinesis)

LATENCY_PAYLOAD = 100


def latency_payload(index: int) -> bytes:
    head = struct.pack("<qq", time.monotonic_ns(), index)  # CLOCK_MONOTONIC is one clock for every process
    return head + os.urandom(LATENCY_PAYLOAD - len(head))


def kinesis_consumer(endpoint, stream, shard, samples, deadline_s, ready, queue):
    try:
        client = RawKinesis(endpoint)
        iterator = client.call("GetShardIterator", {"StreamName": stream, "ShardId": shard,
                                                    "ShardIteratorType": "LATEST"})["ShardIterator"]
        ready.set()
        seen, latencies, calls = set(), [], 0
        deadline = time.monotonic() + deadline_s
        while len(seen) < samples and time.monotonic() < deadline and iterator:
            answer = client.call("GetRecords", {"ShardIterator": iterator, "Limit": 10000})
            now = time.monotonic_ns()
            calls += 1
            for record in answer.get("Records", []):
                sent, index = struct.unpack_from("<qq", base64.b64decode(record["Data"]))
                if index not in seen:
                    seen.add(index)
                    latencies.append((now - sent) / 1e6)
            iterator = answer.get("NextShardIterator")
        queue.put({"latencies_ms": latencies, "calls": calls})
    except Exception as error:  # reported by the parent
        ready.set()
        queue.put({"error": repr(error)})


def cmd_kinesis_latency(args) -> int:
    stream = "bench-latency"
    create_stream(args.endpoint, stream, 1)
    shard = RawKinesis(args.endpoint).shard_ids(stream)[0]
    context = multiprocessing.get_context("fork")
    ready, queue = context.Event(), context.Queue()
    consumer = context.Process(target=kinesis_consumer, daemon=True,
                               args=(args.endpoint, stream, shard, args.samples, args.max_seconds, ready, queue))
    consumer.start()
    if not ready.wait(30):
        raise BenchError("latency consumer did not start")
    producer = RawKinesis(args.endpoint)
    put_latencies = []
    for index in range(args.samples):
        t0 = time.monotonic()
        producer.call("PutRecord", {"StreamName": stream, "PartitionKey": f"k{index}",
                                    "Data": base64.b64encode(latency_payload(index)).decode()})
        put_latencies.append((time.monotonic() - t0) * 1000)
        time.sleep(args.gap_ms / 1000)
    result = queue.get(timeout=args.max_seconds + 30)
    consumer.join(10)
    return finish_latency(args, result, put_latencies, "GetRecords on a LATEST iterator, no sleep")


def finish_latency(args, result, put_latencies, how) -> int:
    problems = []
    if "error" in result:
        problems.append("consumer failed: " + result["error"])
        result = {"latencies_ms": [], "calls": 0}
    latencies = result["latencies_ms"]
    if len(latencies) < args.samples:
        problems.append(f"only {len(latencies)} of {args.samples} records became visible")
    append_row(args.out, {
        "system": args.system, "tier": args.tier, "workload": "latency",
        "records_per_s": None, "mb_per_s": None,
        "p50_ms": percentile(latencies, 50), "p99_ms": percentile(latencies, 99),
        "ok": not problems,
        "check": f"{len(latencies)}/{args.samples} seen; put ack p50 {percentile(put_latencies, 50):.2f} ms, "
                 f"p99 {percentile(put_latencies, 99):.2f} ms; {result['calls']} reads",
        "problems": problems,
        "detail": {"consumer": how, "gap_ms": args.gap_ms},
    })
    return 0 if not problems else 3


# ----------------------------------------------------------------------------------------------------------------
# Redis Streams


def redis_client(port: int):
    import redis

    return redis.Redis(host="127.0.0.1", port=port, socket_timeout=120)


def redis_benchmark(port: int, conns: int, threads: int, requests: int, pipeline: int, key: str, payload: bytes,
                    log: str | None) -> dict:
    command = ["redis-benchmark", "-h", "127.0.0.1", "-p", str(port), "-c", str(conns), "--threads", str(threads),
               "-n", str(requests), "-P", str(pipeline), "-r", str(REDIS_SHARDS), "--csv",
               "XADD", f"{key}:__rand_int__", "*", "d", payload.decode()]
    shown = " ".join(command[:-1]) + f" <{len(payload)}-byte value>"
    print("  $ " + shown, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if log:
        with open(log, "a") as f:
            f.write(f"\n### {shown}\n{done.stdout}\n{done.stderr}\n")
    if done.returncode != 0:
        raise BenchError(f"redis-benchmark exited {done.returncode}: {done.stderr[-2000:]}")
    rows = [line for line in done.stdout.splitlines() if line.startswith('"XADD')]
    if not rows:
        raise BenchError("redis-benchmark printed no result:\n" + done.stdout[-2000:] + done.stderr[-2000:])
    fields = [f.strip('"') for f in rows[-1].split('","')]
    # "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max..."
    return {"rps": float(fields[1]), "p50_ms": float(fields[4]), "p99_ms": float(fields[6]), "command": shown}


def redis_stream_keys(client, prefix: str) -> list[bytes]:
    return sorted(client.scan_iter(match=f"{prefix}:*", count=1000))


def cmd_redis_put(args) -> int:
    pipeline, payload_size, prefix = REDIS_WORKLOADS[args.workload]
    # A fixed printable value (redis-benchmark 7 does not substitute __data__ in a custom command).
    payload = (b"0123456789abcdef" * 128)[:payload_size]
    client = redis_client(args.port)
    client.flushall()
    # redis-benchmark runs a request count, not a duration: a short probe sizes the run to about --duration s.
    # Counts are whole rounds of every connection's pipeline: redis-benchmark always sends full pipelines.
    round_size = pipeline * args.conns
    probe_n = 20 * round_size if pipeline > 1 else 20000
    probe = redis_benchmark(args.port, args.conns, args.threads, probe_n, pipeline, "probe", payload, args.log)
    client.flushall()
    requests = int(probe["rps"] * args.duration)
    requests = max(probe_n, min(requests, args.max_requests_1k if payload_size > 200 else args.max_requests))
    requests = (requests + round_size - 1) // round_size * round_size
    result = redis_benchmark(args.port, args.conns, args.threads, requests, pipeline, prefix, payload, args.log)

    keys = redis_stream_keys(client, prefix)
    stored = sum(client.xlen(k) for k in keys)
    problems = []
    if stored != requests:
        problems.append(f"XLEN total {stored} but {requests} XADD were sent")
    append_row(args.out, {
        "system": args.system, "tier": args.tier, "workload": args.workload,
        "records_per_s": result["rps"], "mb_per_s": result["rps"] * payload_size / 1e6,
        "p50_ms": result["p50_ms"], "p99_ms": result["p99_ms"],
        "ok": not problems, "check": f"XLEN total {stored:,} = {requests:,} sent over {len(keys)} stream keys",
        "problems": problems,
        "detail": {"command": result["command"], "pipeline": pipeline},
    })

    if args.workload in DRAIN_OF:
        records = data_bytes = calls = 0
        call_latencies = []
        started = time.monotonic()
        for key in keys:
            last = b"0-0"
            while True:
                t0 = time.monotonic()
                answer = client.xread({key: last}, count=10000)
                call_latencies.append(time.monotonic() - t0)
                calls += 1
                if not answer:
                    break
                entries = answer[0][1]
                records += len(entries)
                for _, fields in entries:
                    data_bytes += len(fields[b"d"])
                last = entries[-1][0]
        seconds = time.monotonic() - started
        append_row(args.out, {
            "system": args.system, "tier": args.tier, "workload": DRAIN_OF[args.workload],
            "records_per_s": records / seconds, "mb_per_s": data_bytes / seconds / 1e6,
            "p50_ms": percentile(call_latencies, 50) * 1000, "p99_ms": percentile(call_latencies, 99) * 1000,
            "ok": records == stored,
            "check": f"{records:,} entries in {calls} XREAD COUNT 10000 calls, {seconds:.2f} s",
            "problems": [] if records == stored else ["XREAD drain count differs from XLEN"],
            "detail": {"latency_is": "per XREAD call (redis-py + hiredis)"},
        })
    client.flushall()
    return 0 if not problems else 3


def redis_consumer(port, samples, deadline_s, ready, queue):
    try:
        client = redis_client(port)
        latencies, calls, last = [], 0, "$"
        deadline = time.monotonic() + deadline_s
        ready.set()
        while len(latencies) < samples and time.monotonic() < deadline:
            answer = client.xread({"latency": last}, count=10000, block=1000)
            now = time.monotonic_ns()
            calls += 1
            if not answer:
                continue
            for entry_id, fields in answer[0][1]:
                sent, _ = struct.unpack_from("<qq", fields[b"d"])
                latencies.append((now - sent) / 1e6)
                last = entry_id
        queue.put({"latencies_ms": latencies, "calls": calls})
    except Exception as error:
        ready.set()
        queue.put({"error": repr(error)})


def cmd_redis_latency(args) -> int:
    client = redis_client(args.port)
    client.delete("latency")
    context = multiprocessing.get_context("fork")
    ready, queue = context.Event(), context.Queue()
    consumer = context.Process(target=redis_consumer, daemon=True,
                               args=(args.port, args.samples, args.max_seconds, ready, queue))
    consumer.start()
    if not ready.wait(30):
        raise BenchError("latency consumer did not start")
    time.sleep(0.2)  # let the first XREAD BLOCK $ reach the server before the first XADD
    put_latencies = []
    for index in range(args.samples):
        t0 = time.monotonic()
        client.xadd("latency", {"d": latency_payload(index)})
        put_latencies.append((time.monotonic() - t0) * 1000)
        time.sleep(args.gap_ms / 1000)
    result = queue.get(timeout=args.max_seconds + 30)
    consumer.join(10)
    client.delete("latency")
    return finish_latency(args, result, put_latencies, "XREAD BLOCK chained on the last id")


# ----------------------------------------------------------------------------------------------------------------
# report

SYSTEM_ORDER = ["Tributary", "moto_server", "Redis"]


def fmt_number(value, digits=0) -> str:
    if value is None:
        return "—"
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def fmt_ms(value) -> str:
    if value is None:
        return "—"
    return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"


def ratio(a, b, lower_is_better=False) -> str:
    if a is None or b is None or b == 0 or a == 0:
        return "—"
    value = (b / a) if lower_is_better else (a / b)
    return f"{value:.2f}×"


def cmd_report(args) -> int:
    rows = [json.loads(line) for line in Path(args.rows).read_text().splitlines() if line.strip()]
    meta = json.loads(Path(args.meta).read_text()) if args.meta else {}
    rows.sort(key=lambda r: (WORKLOAD_ORDER.index(r["workload"]),
                             next((i for i, s in enumerate(SYSTEM_ORDER) if r["system"].startswith(s)), 9),
                             r["tier"]))
    lines = []
    lines.append(f"# Tributary benchmark — {meta.get('date', '')}")
    lines.append("")
    for key in ("commit", "binary", "machine", "parameters", "warning"):
        if meta.get(key):
            lines.append(f"- **{key}**: {meta[key]}")
    lines.append("")
    lines.append("MB/s is payload (record data) in 10^6 bytes per second. p50/p99: request latency for puts "
                 "(wrk / redis-benchmark), per-call latency for drains, put→visible latency for the latency row.")
    lines.append("")
    lines.append("| system | durability | workload | records/s | MB/s | p50 | p99 | check |")
    lines.append("|---|---|---|---:|---:|---:|---:|---|")
    failures = 0
    for r in rows:
        status = "ok" if r["ok"] else "**FAILED: " + "; ".join(r["problems"]) + "**"
        if not r["ok"]:
            failures += 1
        records = fmt_number(r["records_per_s"]) if r["ok"] else "~~" + fmt_number(r["records_per_s"]) + "~~"
        lines.append(f"| {r['system']} | {r['tier']} | {WORKLOAD_TITLES[r['workload']]} | {records} | "
                     f"{fmt_number(r['mb_per_s'], 1)} | {fmt_ms(r['p50_ms'])} | {fmt_ms(r['p99_ms'])} | "
                     f"{status}: {r['check']} |")
    lines.append("")

    # Ratios: each Tributary tier against moto and against the Redis tier of the same durability.
    def find(system_prefix, tier_substring, workload):
        for r in rows:
            if r["system"].startswith(system_prefix) and tier_substring in r["tier"] and r["workload"] == workload \
                    and r["ok"]:
                return r
        return None

    pairs = [("fsync always", "appendfsync always"), ("fsync interval", "appendfsync everysec")]
    lines.append("## Ratios (Tributary ÷ other; records/s for puts and drains, for the latency row "
                 "other p50 ÷ Tributary p50, so above 1 means Tributary is better everywhere)")
    lines.append("")
    lines.append("| workload | Tributary tier | ÷ moto_server (no durability) | ÷ Redis at the same durability |")
    lines.append("|---|---|---:|---:|")
    for workload in WORKLOAD_ORDER:
        for tributary_tier, redis_tier in pairs:
            t = find("Tributary", tributary_tier, workload)
            if t is None:
                continue
            m = find("moto", "", workload)
            r = find("Redis", redis_tier, workload)
            if workload == "latency":
                vs_moto = ratio(t["p50_ms"], m["p50_ms"] if m else None, lower_is_better=True)
                vs_redis = ratio(t["p50_ms"], r["p50_ms"] if r else None, lower_is_better=True)
            else:
                vs_moto = ratio(t["records_per_s"], m["records_per_s"] if m else None)
                vs_redis = ratio(t["records_per_s"], r["records_per_s"] if r else None)
            lines.append(f"| {WORKLOAD_TITLES[workload]} | {t['tier']} | {vs_moto} | {vs_redis} ({redis_tier}) |")
    lines.append("")
    if failures:
        lines.append(f"**{failures} row(s) FAILED: their figures are not throughput results.**")
        lines.append("")
    text = "\n".join(lines)
    Path(args.md).parent.mkdir(parents=True, exist_ok=True)
    Path(args.md).write_text(text)
    print(text)
    return 0 if not failures else 3


def cmd_machine(args) -> int:
    """One line describing the machine, for the report."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    disk = subprocess.run(["df", "-h", "--output=source,fstype,size,avail", args.path], capture_output=True,
                          text=True).stdout.strip().splitlines()[-1]
    print(f"{os.cpu_count()} cores ({cpu}), {memory} RAM, kernel {platform.release()}, data dir on: "
          + " ".join(disk.split()))
    return 0


# ----------------------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("--system", required=True)
        p.add_argument("--tier", required=True)
        p.add_argument("--out", required=True, help="JSON-lines file the result rows are appended to")
        p.add_argument("--log", help="file that gets the raw tool output")

    p = sub.add_parser("kinesis-put")
    common(p)
    p.add_argument("--endpoint", required=True)
    p.add_argument("--workload", choices=list(KINESIS_WORKLOADS), required=True)
    p.add_argument("--work", required=True, help="directory for the prepared bodies (reused between systems)")
    p.add_argument("--shards", type=int, default=4)
    p.add_argument("--duration", type=int, default=10)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--conns", type=int, default=16)
    p.set_defaults(func=cmd_kinesis_put)

    for name, func in (("kinesis-latency", cmd_kinesis_latency), ("redis-latency", cmd_redis_latency)):
        p = sub.add_parser(name)
        common(p)
        if name.startswith("kinesis"):
            p.add_argument("--endpoint", required=True)
        else:
            p.add_argument("--port", type=int, required=True)
        p.add_argument("--samples", type=int, default=1000)
        p.add_argument("--gap-ms", type=float, default=1.0)
        p.add_argument("--max-seconds", type=float, default=60.0)
        p.set_defaults(func=func)

    p = sub.add_parser("redis-put")
    common(p)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--workload", choices=list(REDIS_WORKLOADS), required=True)
    p.add_argument("--duration", type=float, default=10)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--conns", type=int, default=16)
    p.add_argument("--max-requests", type=int, default=6_000_000)
    p.add_argument("--max-requests-1k", type=int, default=1_500_000)
    p.set_defaults(func=cmd_redis_put)

    p = sub.add_parser("report")
    p.add_argument("--rows", required=True)
    p.add_argument("--md", required=True)
    p.add_argument("--meta")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("machine")
    p.add_argument("--path", default="/tmp")
    p.set_defaults(func=cmd_machine)

    args = parser.parse_args()
    try:
        return args.func(args)
    except (BenchError, OSError, subprocess.SubprocessError, KeyError, ValueError) as error:
        print(f"bench.py {args.command}: FAILED: {error!r}", file=sys.stderr)
        if getattr(args, "out", None) and getattr(args, "system", None):
            # The failure becomes a row, so the table shows it instead of silently missing a figure.
            workload = getattr(args, "workload", None) or "latency"
            append_row(args.out, {"system": args.system, "tier": args.tier, "workload": workload,
                                  "records_per_s": None, "mb_per_s": None, "p50_ms": None, "p99_ms": None,
                                  "ok": False, "check": "no result", "problems": [repr(error)[:300]]})
        return 2


if __name__ == "__main__":
    sys.exit(main())
