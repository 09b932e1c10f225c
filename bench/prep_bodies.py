#!/usr/bin/env python3
"""Writes the request bodies wrk replays: one JSON body per line (JSON bodies hold no raw newline).

Every record gets random data and a random partition key, so PutRecords spreads over all shards of the stream.
A file holds `--count` distinct bodies; wrk cycles through them.

    prep_bodies.py --stream S --kind records --records 500 --payload 100 --count 64 OUT
    prep_bodies.py --stream S --kind record --payload 100 --count 4096 OUT
"""
import argparse
import base64
import json
import os


def partition_key() -> str:
    return os.urandom(8).hex()


def record_body(stream: str, payload: int) -> str:
    return json.dumps({
        "StreamName": stream,
        "PartitionKey": partition_key(),
        "Data": base64.b64encode(os.urandom(payload)).decode(),
    }, separators=(",", ":"))


def records_body(stream: str, records: int, payload: int) -> str:
    return json.dumps({
        "StreamName": stream,
        "Records": [
            {"Data": base64.b64encode(os.urandom(payload)).decode(), "PartitionKey": partition_key()}
            for _ in range(records)
        ],
    }, separators=(",", ":"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stream", required=True)
    parser.add_argument("--kind", choices=["record", "records"], required=True)
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--payload", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("out")
    args = parser.parse_args()
    with open(args.out, "w") as out:
        for _ in range(args.count):
            body = (record_body(args.stream, args.payload) if args.kind == "record"
                    else records_body(args.stream, args.records, args.payload))
            out.write(body + "\n")


if __name__ == "__main__":
    main()
