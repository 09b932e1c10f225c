"""Helpers for the playback tests: session URLs from boto3, and what ffmpeg decodes from them (the video frames it
counts and the time they span), for finished sessions and for live ones that ffmpeg follows until stopped."""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass
from fractions import Fraction

DECODE_TIMEOUT_SECONDS = 120


@dataclass
class Decoded:
    frames: int
    duration_seconds: float
    stderr: str
    # Each decoded frame's CRC of its pixels, in presentation order.
    checksums: list[str]


def _decode_command(url: str, live: bool) -> list[str]:
    command = ["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error"]
    if live:
        # A live session never reaches its end, so the decoder must not hold frames back waiting for more input
        # (frame threading delays output by a frame per thread).
        command += ["-threads", "1", "-flags", "low_delay"]
        if "/hls/" in url:
            command += ["-live_start_index", "0"]
    # -fps_mode passthrough: every decoded frame is listed once (ffmpeg would otherwise duplicate or drop frames to
    # keep a constant rate); -flush_packets: each line leaves ffmpeg at once instead of waiting in its buffer.
    return command + ["-i", url, "-map", "0:v:0", "-fps_mode", "passthrough", "-flush_packets", "1",
                      "-f", "framecrc", "-"]


def parse_framecrc(text: str, frames_max: int | None = None) -> tuple[int, float, list[str]]:
    """Frames, span and pixel CRCs of ffmpeg's framecrc listing of one stream (`#tb 0: 1/25`, then
    `0, dts, pts, duration, size, crc`), of the first `frames_max` frames when given."""
    time_base = Fraction(1, 1)
    starts, ends, checksums = [], [], []
    for line in text.splitlines():
        if line.startswith("#tb 0:"):
            time_base = Fraction(line.split(":", 1)[1].strip())
        elif line and not line.startswith("#"):
            fields = [field.strip() for field in line.split(",")]
            pts, duration = int(fields[2]), int(fields[3])
            starts.append(pts)
            ends.append(pts + duration)
            checksums.append(fields[5])
            if frames_max is not None and len(starts) == frames_max:
                break
    if not starts:
        return 0, 0.0, []
    return len(starts), float((max(ends) - min(starts)) * time_base), checksums


def decode(url: str) -> Decoded:
    """Decodes every video frame of a finished session (ffmpeg ends by itself)."""
    completed = subprocess.run(_decode_command(url, live=False), capture_output=True, text=True,
                               timeout=DECODE_TIMEOUT_SECONDS)
    assert completed.returncode == 0, f"ffmpeg could not play {url}: {completed.stderr[-2000:]}"
    return Decoded(*parse_framecrc(completed.stdout)[:2], completed.stderr, parse_framecrc(completed.stdout)[2])


class LiveDecoder:
    """ffmpeg following a live session from its first listed fragment. A live session never ends, so the frames
    ffmpeg has decoded are read as they come and the process is stopped once enough came (or time ran out)."""

    def __init__(self, url: str):
        self.process = subprocess.Popen(_decode_command(url, live=True), stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        self._lines: list[str] = []
        self._stderr = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        threading.Thread(target=self._read_errors, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self._lines.append(line)

    def _read_errors(self):
        self._stderr = self.process.stderr.read()

    def decoded(self, frames_max: int | None = None) -> Decoded:
        """What ffmpeg decoded so far (its first `frames_max` frames when given)."""
        frames, duration, checksums = parse_framecrc("".join(self._lines), frames_max)
        return Decoded(frames, duration, self._stderr, checksums)

    def wait_for_frames(self, count: int, timeout_seconds: float) -> Decoded:
        """Waits until ffmpeg decoded `count` frames, it exited, or the time is up; then stops it."""
        deadline = time.monotonic() + timeout_seconds
        while time.monotonic() < deadline and self.process.poll() is None and self.decoded().frames < count:
            time.sleep(0.2)
        self.kill()
        self._reader.join(5)
        return self.decoded(count)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def range_selector(kind: str, start, end) -> dict:
    return {"FragmentSelectorType": kind, "TimestampRange": {"StartTimestamp": start, "EndTimestamp": end}}
