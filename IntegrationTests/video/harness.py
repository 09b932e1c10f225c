"""Helpers for the Kinesis Video integration tests: boto3 clients, the `tributary video put` upload tool, ffmpeg
sources and ffprobe counts, fragment listing and media payload reading.

Everything drives the server over its public surfaces only (boto3 and the upload tool). AWS's API reference, the
botocore models of kinesisvideo, kinesis-video-media and kinesis-video-archived-media, and what ffprobe decodes
are the specification.
"""

from __future__ import annotations

import datetime
import json
import queue
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from support import ACCESS_KEY, REGION, SECRET_KEY, binary_path, wait_until

STATE_TIMEOUT_SECONDS = 15.0
UPLOAD_TIMEOUT_SECONDS = 60.0
# GetMedia is a live stream that the server ends a few seconds after the last fragment; this bounds the wait.
MEDIA_READ_TIMEOUT_SECONDS = 45.0
FRAGMENT_NUMBER_TAG = b"AWS_KINESISVIDEO_FRAGMENT_NUMBER"
STREAM_ARN_PATTERN = r"^arn:aws:kinesisvideo:us-east-1:\d{12}:stream/[a-zA-Z0-9_.-]+/\d+$"

# H.264 + AAC Matroska with one cluster per one-second GOP (see the wire notes: without -live and the cluster
# limits ffmpeg cuts clusters every ~32 KB / ~1 s, not at keyframes).
FFMPEG_INPUTS = [
    "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
]
FFMPEG_OUTPUT_OPTIONS = [
    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "0", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0",
    "-c:a", "aac",
    "-f", "matroska", "-live", "1", "-cluster_time_limit", "10000", "-cluster_size_limit", "50000000",
    "-write_crc32", "0",
]


# ----------------------------------------------------------------------------------------------- clients

def _config(read_timeout: float = 60, validate: bool = True) -> Config:
    return Config(retries={"max_attempts": 0}, connect_timeout=5, read_timeout=read_timeout,
                  parameter_validation=validate)


def video_client(endpoint: str, validate: bool = True):
    """The control plane (`kinesisvideo`); `validate=False` lets model violations reach the server."""
    return boto3.session.Session().client(
        "kinesisvideo", region_name=REGION, endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, config=_config(validate=validate))


def media_client(endpoint: str):
    """GetMedia (`kinesis-video-media`), with a read timeout that outlasts the server's idle end of a stream."""
    return boto3.session.Session().client(
        "kinesis-video-media", region_name=REGION, endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, config=_config(read_timeout=30))


def archived_media_client(endpoint: str):
    """ListFragments and GetMediaForFragmentList (`kinesis-video-archived-media`)."""
    return boto3.session.Session().client(
        "kinesis-video-archived-media", region_name=REGION, endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, config=_config(read_timeout=30))


@dataclass
class DataPlane:
    """The clients of one stream's data endpoints, each made from GetDataEndpoint like an AWS application does."""
    put_endpoint: str
    media: object
    archived: object


def data_plane(video, stream_name: str) -> DataPlane:
    def endpoint(api_name: str) -> str:
        return video.get_data_endpoint(StreamName=stream_name, APIName=api_name)["DataEndpoint"]
    return DataPlane(put_endpoint=endpoint("PUT_MEDIA"), media=media_client(endpoint("GET_MEDIA")),
                     archived=archived_media_client(endpoint("LIST_FRAGMENTS")))


# ----------------------------------------------------------------------------------------------- streams

def stream_info(video, name: str) -> dict | None:
    try:
        return video.describe_stream(StreamName=name)["StreamInfo"]
    except ClientError as error:
        if error.response["Error"]["Code"] == "ResourceNotFoundException":
            return None
        raise


def wait_stream_active(video, name: str) -> dict:
    def probe():
        info = stream_info(video, name)
        return info if info and info["Status"] == "ACTIVE" else None
    return wait_until(probe, STATE_TIMEOUT_SECONDS, what=f"video stream {name} ACTIVE")


def wait_stream_gone(video, name: str) -> None:
    wait_until(lambda: stream_info(video, name) is None, STATE_TIMEOUT_SECONDS, what=f"video stream {name} deleted")


def create_video_stream(video, name: str, retention_hours: int = 24, **params) -> dict:
    """Creates a stream and waits until it is ACTIVE; returns its StreamInfo."""
    video.create_stream(StreamName=name, DataRetentionInHours=retention_hours, **params)
    return wait_stream_active(video, name)


def delete_video_stream(video, name: str) -> None:
    info = stream_info(video, name)
    if info is None:
        return
    try:
        video.delete_stream(StreamARN=info["StreamARN"])
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
    wait_stream_gone(video, name)


# ----------------------------------------------------------------------------------------------- upload tool

@dataclass
class PutResult:
    """What one `tributary video put` run printed: its exit code, the acknowledgements and standard error."""
    returncode: int
    acks: list[dict]
    stderr: str

    @property
    def persisted(self) -> list[dict]:
        return [ack for ack in self.acks if ack.get("EventType") == "PERSISTED"]

    @property
    def errors(self) -> list[dict]:
        return [ack for ack in self.acks if ack.get("EventType") == "ERROR"]

    def describe(self) -> str:
        return f"exit {self.returncode}, acks {self.acks}, stderr {self.stderr.strip()!r}"


def put_command(endpoint: str, stream: str, source: str = "-", timecode_type: str | None = None,
                producer_start_timestamp: str | None = None) -> list[str]:
    command = [str(binary_path()), "video", "put", "--endpoint", endpoint, "--stream", stream]
    if timecode_type:
        command += ["--timecode-type", timecode_type]
    if producer_start_timestamp:
        command += ["--producer-start-timestamp", producer_start_timestamp]
    return command + [source]


def parse_acks(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def put_media(endpoint: str, stream: str, media: bytes | Path, timeout_seconds: float = UPLOAD_TIMEOUT_SECONDS,
              **options) -> PutResult:
    """Uploads a file (given as a Path) or bytes (through standard input) with the tool and waits for it."""
    source = str(media) if isinstance(media, Path) else "-"
    completed = subprocess.run(put_command(endpoint, stream, source, **options),
                               input=None if isinstance(media, Path) else media,
                               stdin=subprocess.DEVNULL if isinstance(media, Path) else None,
                               capture_output=True, timeout=timeout_seconds)
    return PutResult(completed.returncode, parse_acks(completed.stdout.decode()), completed.stderr.decode())


class LiveUpload:
    """A `tributary video put` run fed through its standard input piece by piece, like ffmpeg's pipe, whose
    acknowledgements are read while the upload goes on."""

    def __init__(self, endpoint: str, stream: str, **options):
        self.process = subprocess.Popen(put_command(endpoint, stream, "-", **options), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.acks: list[dict] = []
        self._lines: "queue.Queue[dict | None]" = queue.Queue()
        self._stderr = b""
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self._stderr_thread = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_thread.start()

    def _read_stdout(self):
        for line in self.process.stdout:
            if line.strip():
                self._lines.put(json.loads(line))
        self._lines.put(None)

    def _read_stderr(self):
        self._stderr = self.process.stderr.read()

    def send(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def wait_for_persisted(self, count: int, timeout_seconds: float = 20.0) -> list[dict]:
        """Collects acknowledgements until `count` PERSISTED ones came; fails on an ERROR or the end of output."""
        deadline = time.monotonic() + timeout_seconds
        while sum(ack.get("EventType") == "PERSISTED" for ack in self.acks) < count:
            try:
                ack = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"{count} PERSISTED acknowledgements did not come within {timeout_seconds}s: {self.acks}")
            if ack is None:
                pytest.fail(f"the upload tool ended before {count} PERSISTED acknowledgements: {self.acks}")
            self.acks.append(ack)
            assert ack.get("EventType") != "ERROR", f"unexpected ERROR acknowledgement: {ack}"
        return [ack for ack in self.acks if ack.get("EventType") == "PERSISTED"]

    def finish(self, timeout_seconds: float = UPLOAD_TIMEOUT_SECONDS) -> PutResult:
        """Closes standard input (the end of the upload) and waits for the tool to exit."""
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        self.process.wait(timeout=timeout_seconds)
        while True:
            ack = self._lines.get(timeout=timeout_seconds)
            if ack is None:
                break
            self.acks.append(ack)
        self._stderr_thread.join(timeout_seconds)
        return PutResult(self.process.returncode, self.acks, self._stderr.decode(errors="replace"))

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def now_timestamp_argument(seconds_ago: float = 0.0) -> tuple[str, int]:
    """A producer start timestamp `seconds_ago` in the past with a millisecond part: (argument, epoch ms)."""
    milliseconds = int((time.time() - seconds_ago) * 1000)
    return f"{milliseconds // 1000}.{milliseconds % 1000:03d}", milliseconds


# ----------------------------------------------------------------------------------------------- sources

def make_source(path: Path, seconds: int = 10, extra_arguments: tuple[str, ...] = ()) -> Path:
    """Encodes the lavfi test sources into a Matroska file with one cluster per one-second GOP."""
    command = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *FFMPEG_INPUTS, "-t", str(seconds),
               *FFMPEG_OUTPUT_OPTIONS, *extra_arguments, str(path)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert completed.returncode == 0, f"ffmpeg failed: {completed.stderr}"
    return path


@dataclass
class VideoProbe:
    """What ffprobe decodes from a file: the video frames it counted and the time they span."""
    frames: int
    duration_seconds: float


def probe_video(path: Path) -> VideoProbe:
    completed = subprocess.run(
        ["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
         "-show_entries", "stream=nb_read_frames:packet=pts_time,duration_time", "-of", "json", str(path)],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert completed.returncode == 0, f"ffprobe cannot read {path}: {completed.stderr}"
    document = json.loads(completed.stdout)
    streams = document.get("streams") or [{}]
    frames = int(streams[0].get("nb_read_frames") or 0)
    packets = [packet for packet in document.get("packets", []) if "pts_time" in packet]
    if not packets:
        return VideoProbe(frames, 0.0)
    starts = [float(packet["pts_time"]) for packet in packets]
    ends = [float(packet["pts_time"]) + float(packet.get("duration_time") or 0) for packet in packets]
    return VideoProbe(frames, max(ends) - min(starts))


# ----------------------------------------------------------------------------------------------- playback

def utc(seconds: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)


def list_fragments(archived, stream: str, selector_type: str, start, end, max_results: int | None = None,
                   pages: list | None = None) -> list[dict]:
    """Every fragment ListFragments returns for the range, following NextToken (each page appended to `pages`)."""
    params = {"StreamName": stream,
              "FragmentSelector": {"FragmentSelectorType": selector_type,
                                   "TimestampRange": {"StartTimestamp": start, "EndTimestamp": end}}}
    if max_results:
        params["MaxResults"] = max_results
    fragments, token = [], None
    for _ in range(1000):
        response = archived.list_fragments(**params, **({"NextToken": token} if token else {}))
        fragments += response["Fragments"]
        if pages is not None:
            pages.append(response["Fragments"])
        token = response.get("NextToken")
        if not token:
            return fragments
    pytest.fail("ListFragments paging did not end")


def read_to_end(payload, timeout_seconds: float = MEDIA_READ_TIMEOUT_SECONDS) -> bytes:
    """Reads a media payload until the server ends it; fails when that takes longer than `timeout_seconds`."""
    deadline = time.monotonic() + timeout_seconds
    parts = []
    while True:
        chunk = payload.read(64 * 1024)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        if time.monotonic() > deadline:
            pytest.fail(f"the media stream did not end within {timeout_seconds}s ({sum(map(len, parts))} bytes read)")


def get_media_for_fragments(archived, stream: str, fragment_numbers: list[str], path: Path) -> Path:
    response = archived.get_media_for_fragment_list(StreamName=stream, Fragments=fragment_numbers)
    path.write_bytes(read_to_end(response["Payload"]))
    return path
