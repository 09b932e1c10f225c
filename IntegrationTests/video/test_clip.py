"""GetClip: a progressive MP4 of whole fragments, repackaged without re-encoding, that ffprobe decodes with the
requested duration and the fragments' frames; and its errors."""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ClientError

from .harness import probe_video, utc

DURATION_TOLERANCE_SECONDS = 0.1


def past(seconds: float) -> float:
    """`seconds`, once it is in the past (botocore sends whole seconds, so it cannot be moved earlier)."""
    time.sleep(max(0.0, seconds + 0.05 - time.time()))
    return seconds


def top_level_boxes(data: bytes) -> list[str]:
    boxes, position = [], 0
    while position + 8 <= len(data):
        size = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8].decode("latin-1")
        if size == 1:
            size = int.from_bytes(data[position + 8:position + 16], "big")
        assert size >= 8, f"box {kind} at {position} has size {size}"
        boxes.append(kind)
        position += size
    assert position == len(data), "the boxes do not add up to the file"
    return boxes


def clip_range(published, layout, first: int, last: int) -> tuple[float, float]:
    """Producer times (seconds) from cluster `first`'s start to just before cluster `last + 1`'s."""
    start_ms = published.start_ms + layout.clusters[first].timecode_ms
    end_ms = published.start_ms + layout.clusters[last + 1].timecode_ms - 1
    return start_ms / 1000, end_ms / 1000


def test_clip_of_three_fragments_has_their_frames_and_duration(published, source_video, tmp_path):
    layout = source_video.layout
    start, end = clip_range(published, layout, 2, 4)
    response = published.plane.archived.get_clip(
        StreamName=published.stream,
        ClipFragmentSelector={"FragmentSelectorType": "PRODUCER_TIMESTAMP",
                              "TimestampRange": {"StartTimestamp": utc(start), "EndTimestamp": utc(end)}})
    assert response["ContentType"] == "video/mp4"
    data = response["Payload"].read()
    boxes = top_level_boxes(data)
    assert boxes.index("moov") < boxes.index("mdat"), boxes
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    probe = probe_video(path)
    assert probe.frames == sum(cluster.video_frames for cluster in layout.clusters[2:5]), probe
    expected_seconds = (layout.clusters[5].timecode_ms - layout.clusters[2].timecode_ms) / 1000
    assert abs(probe.duration_seconds - expected_seconds) <= DURATION_TOLERANCE_SECONDS, (probe, expected_seconds)


def test_clip_by_server_timestamp_covers_the_whole_upload(published, source_video, tmp_path):
    response = published.plane.archived.get_clip(
        StreamName=published.stream,
        ClipFragmentSelector={"FragmentSelectorType": "SERVER_TIMESTAMP",
                              "TimestampRange": {"StartTimestamp": utc(published.upload_started - 1),
                                                 "EndTimestamp": utc(past(published.upload_ended + 1))}})
    path = tmp_path / "all.mp4"
    path.write_bytes(response["Payload"].read())
    assert probe_video(path).frames == source_video.probe.frames


def clip_error(published, start: float, end: float, name: str | None = None) -> ClientError:
    with pytest.raises(ClientError) as raised:
        published.plane.archived.get_clip(
            StreamName=name or published.stream,
            ClipFragmentSelector={"FragmentSelectorType": "PRODUCER_TIMESTAMP",
                                  "TimestampRange": {"StartTimestamp": utc(start), "EndTimestamp": utc(end)}})
    return raised.value


def test_clip_errors(published):
    start = published.start_ms / 1000
    empty = clip_error(published, start - 3600, start - 3000)
    assert empty.response["Error"]["Code"] == "ResourceNotFoundException"
    assert empty.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    backwards = clip_error(published, start + 5, start + 1)
    assert backwards.response["Error"]["Code"] == "InvalidArgumentException"
    too_long = clip_error(published, start, start + 25 * 3600)
    assert too_long.response["Error"]["Code"] == "InvalidArgumentException"
    future = published.plane.archived
    with pytest.raises(ClientError) as raised:
        future.get_clip(StreamName=published.stream, ClipFragmentSelector={
            "FragmentSelectorType": "SERVER_TIMESTAMP",
            "TimestampRange": {"StartTimestamp": utc(time.time() - 60), "EndTimestamp": utc(time.time() + 3600)}})
    assert raised.value.response["Error"]["Code"] == "InvalidArgumentException"
    unknown = clip_error(published, start, start + 5, name="no-such-stream")
    assert unknown.response["Error"]["Code"] == "ResourceNotFoundException"
