#!/usr/bin/env python3
"""Video soak: a LIVE HLS session played for SOAK_SECONDS (default 600) while ffmpeg publishes a live test pattern
through `tributary video put`; shows the media playlist sliding and the server's memory staying flat.

Not part of the test run. Usage: python3 bench/video_soak.py   (needs .build/release/tributary, ffmpeg, boto3)
Knobs (environment): SOAK_SECONDS (600), SOAK_SAMPLE_SECONDS (30), TRIBUTARY_BIN.
Writes the table to bench/results/video-soak.md and prints it. Exits non-zero when a check fails: the media
sequence must advance, the player must keep up (at least 95% of the frames published), and the server's resident
memory in the last sample may exceed the first sample taken after one minute by at most 32 MiB.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import boto3

ROOT = Path(__file__).resolve().parent.parent
BINARY = os.environ.get("TRIBUTARY_BIN", str(ROOT / ".build/release/tributary"))
SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
SAMPLE_SECONDS = int(os.environ.get("SOAK_SAMPLE_SECONDS", "30"))
FPS = 25
MEMORY_GROWTH_LIMIT_MIB = 32


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def resident_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def media_sequence(url: str) -> tuple[int, int]:
    text = urllib.request.urlopen(url.replace("getHLSMasterPlaylist", "getHLSMediaPlaylist")).read().decode()
    sequence = int(re.search(r"#EXT-X-MEDIA-SEQUENCE:(\d+)", text).group(1))
    return sequence, text.count("#EXTINF")


class Player:
    """ffmpeg following the LIVE session and decoding every video frame; `frames` is its running count."""

    def __init__(self, url: str):
        self.frames = 0
        self.process = subprocess.Popen(
            ["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-live_start_index", "0", "-i", url,
             "-map", "0:v:0", "-f", "null", "-", "-progress", "pipe:1", "-stats_period", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            if line.startswith("frame="):
                self.frames = int(line.split("=", 1)[1])

    def stop(self):
        self.process.kill()
        self.process.wait()


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="tributary-video-soak-"))
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([BINARY, "serve", "--port", str(port), "--data-dir", str(work / "data"),
                               "--state-delay-ms", "50", "--log-level", "warning"],
                              stdout=open(work / "server.log", "w"), stderr=subprocess.STDOUT)
    producer = player = None
    try:
        time.sleep(1.5)
        session = boto3.Session(aws_access_key_id="soak", aws_secret_access_key="soak", region_name="us-east-1")
        video = session.client("kinesisvideo", endpoint_url=endpoint)
        video.create_stream(StreamName="soak", DataRetentionInHours=1)
        time.sleep(0.5)
        encode = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-re",
                  "-f", "lavfi", "-i", f"testsrc=size=640x360:rate={FPS}", "-f", "lavfi", "-i", "sine",
                  "-t", str(SECONDS + 20), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                  "-bf", "0", "-g", str(FPS), "-c:a", "aac", "-f", "matroska", "-live", "1",
                  "-cluster_time_limit", "10000", "-"]
        producer = subprocess.Popen(f"{' '.join(encode)} | {BINARY} video put --endpoint {endpoint} --stream soak -",
                                    shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    start_new_session=True)
        archived = session.client("kinesis-video-archived-media", endpoint_url=endpoint)
        deadline = time.time() + 30
        url = None
        while url is None and time.time() < deadline:
            try:
                url = archived.get_hls_streaming_session_url(
                    StreamName="soak", PlaybackMode="LIVE", Expires=SECONDS + 600)["HLSStreamingSessionURL"]
            except archived.exceptions.ResourceNotFoundException:
                time.sleep(0.5)
        if url is None:
            print("no fragment arrived within 30 s", file=sys.stderr)
            return 1
        player = Player(url)
        started = time.time()
        rows = []
        while time.time() - started < SECONDS:
            time.sleep(SAMPLE_SECONDS)
            elapsed = time.time() - started
            sequence, listed = media_sequence(url)
            rows.append((elapsed, resident_mib(server.pid), sequence, listed, player.frames))
            print(f"{elapsed:6.0f} s  rss {rows[-1][1]:7.1f} MiB  media sequence {sequence:5d}  "
                  f"listed {listed}  frames played {player.frames}", flush=True)
        lines = ["| elapsed (s) | server RSS (MiB) | EXT-X-MEDIA-SEQUENCE | fragments listed | frames played |",
                 "|---:|---:|---:|---:|---:|"]
        lines += [f"| {e:.0f} | {r:.1f} | {s} | {n} | {f} |" for e, r, s, n, f in rows]
        settled = next((row for row in rows if row[0] >= 60), rows[0])
        growth = rows[-1][1] - settled[1]
        played_ratio = rows[-1][4] / (FPS * rows[-1][0])
        checks = {
            "media sequence advanced": rows[-1][2] > rows[0][2],
            f"player kept up (played {played_ratio:.1%} of the frames published since it started)": played_ratio >= 0.95,
            f"memory flat (last − first after 1 min: {growth:+.1f} MiB, limit {MEMORY_GROWTH_LIMIT_MIB})":
                growth <= MEMORY_GROWTH_LIMIT_MIB,
        }
        lines += [""] + [f"- {'pass' if ok else 'FAIL'}: {name}" for name, ok in checks.items()]
        report = "\n".join(lines)
        results = ROOT / "bench/results"
        results.mkdir(parents=True, exist_ok=True)
        (results / "video-soak.md").write_text(report + "\n")
        print(report)
        return 0 if all(checks.values()) else 1
    finally:
        if player is not None:
            player.stop()
        if producer is not None and producer.poll() is None:
            os.killpg(producer.pid, signal.SIGKILL)
            producer.wait()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
