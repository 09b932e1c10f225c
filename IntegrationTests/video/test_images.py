"""GetImages: the frames on screen at the requested producer times, decoded by the server, match the frames ffmpeg
extracts from the source at the same media times (PSNR above 30 dB); scaling, formats and errors."""

from __future__ import annotations

import base64
import json
import re
import subprocess

import pytest
from botocore.exceptions import ClientError

from .harness import utc

PSNR_FLOOR_DB = 30.0
# Seconds into the upload: botocore sends timestamps in whole seconds, so the sample times are whole seconds of
# producer time and the expected frame is the one on screen then (the last one starting at or before it).
SAMPLE_SECONDS = (1, 4, 8)


def video_frame_times_ms(path) -> list[int]:
    completed = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time", "-of", "json",
         str(path)], capture_output=True, text=True, timeout=120, check=True)
    return [round(float(frame["pts_time"]) * 1000) for frame in json.loads(completed.stdout)["frames"]]


def reference_frame(source, media_ms: int, path) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{media_ms / 1000:.3f}", "-i", str(source),
                    "-frames:v", "1", str(path)], check=True, timeout=60)


def psnr(first, second) -> float:
    completed = subprocess.run(["ffmpeg", "-v", "info", "-i", str(first), "-i", str(second), "-lavfi", "psnr",
                                "-f", "null", "-"], capture_output=True, text=True, timeout=60)
    match = re.search(r"average:(inf|[0-9.]+)", completed.stderr)
    assert match, completed.stderr[-2000:]
    return float("inf") if match.group(1) == "inf" else float(match.group(1))


def images_at(published, second: int, **options) -> list[dict]:
    """The images of one sample at `second` (whole seconds since 1970)."""
    return published.plane.archived.get_images(
        StreamName=published.stream, ImageSelectorType="PRODUCER_TIMESTAMP",
        StartTimestamp=utc(second), EndTimestamp=utc(second), SamplingInterval=3000,
        **{"Format": "PNG", **options})["Images"]


def sample_second(published, seconds_into_upload: int) -> int:
    return -(-published.start_ms // 1000) + seconds_into_upload


@pytest.mark.parametrize("seconds_into_upload", SAMPLE_SECONDS)
def test_image_matches_the_frame_ffmpeg_extracts(published, source_video, tmp_path, seconds_into_upload):
    second = sample_second(published, seconds_into_upload)
    on_screen_ms = second * 1000 - published.start_ms
    times = video_frame_times_ms(source_video.path)
    position = max(index for index, time in enumerate(times) if time <= on_screen_ms)
    images = images_at(published, second)
    assert len(images) == 1 and "Error" not in images[0], images
    served = tmp_path / "served.png"
    served.write_bytes(base64.b64decode(images[0]["ImageContent"]))
    assert served.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    scores = {}
    for neighbour in (position - 1, position, position + 1):
        reference = tmp_path / f"reference-{neighbour}.png"
        reference_frame(source_video.path, times[neighbour], reference)
        scores[neighbour] = psnr(served, reference)
    assert scores[position] > PSNR_FLOOR_DB, scores
    # The frame on screen, not a neighbour: it matches better than the frames just before and after it.
    assert scores[position] > max(scores[position - 1], scores[position + 1]), scores


def test_jpeg_scaled_images_and_no_media(published, tmp_path):
    images = images_at(published, sample_second(published, 2), Format="JPEG",
                       FormatConfig={"JPEGQuality": "90"}, WidthPixels=160, HeightPixels=120)
    content = base64.b64decode(images[0]["ImageContent"])
    assert content[:3] == b"\xff\xd8\xff", content[:8]
    path = tmp_path / "small.jpg"
    path.write_bytes(content)
    size = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=width,height", "-of", "csv=p=0",
                           str(path)], capture_output=True, text=True, check=True).stdout.strip()
    assert size == "160,120"
    before = images_at(published, sample_second(published, -60))
    assert before[0]["Error"] == "NO_MEDIA" and "ImageContent" not in before[0], before


def test_images_errors(published):
    with pytest.raises(ClientError) as raised:
        published.plane.archived.get_images(
            StreamName=published.stream, ImageSelectorType="PRODUCER_TIMESTAMP",
            StartTimestamp=utc(published.start_ms / 1000), EndTimestamp=utc(published.start_ms / 1000 + 301),
            SamplingInterval=1000, Format="PNG")
    assert raised.value.response["Error"]["Code"] == "InvalidArgumentException"
    with pytest.raises(ClientError) as raised:
        published.plane.archived.get_images(
            StreamName="no-such-stream", ImageSelectorType="PRODUCER_TIMESTAMP",
            StartTimestamp=utc(published.start_ms / 1000), EndTimestamp=utc(published.start_ms / 1000 + 1),
            SamplingInterval=1000, Format="PNG")
    assert raised.value.response["Error"]["Code"] == "ResourceNotFoundException"
