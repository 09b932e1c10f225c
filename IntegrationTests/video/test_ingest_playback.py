"""The Video acceptance: media published with `tributary video put` is acknowledged per fragment, listed by
ListFragments, and played back by GetMedia (archived and live) and GetMediaForFragmentList exactly as ffprobe
decodes the source; malformed input, a killed server and timecodes that go backwards end as AWS's do.

The source is ffmpeg's H.264 + AAC Matroska with one cluster per one-second GOP, so one fragment per cluster. The
expectations (cluster count, timecodes, frames per cluster) come from reading the source itself (`matroska.py`)
and from ffprobe, never from the server.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import pytest

from support import FlaggedServerProcess, unique_name

from .harness import (
    FRAGMENT_NUMBER_TAG, LiveUpload, create_video_stream, data_plane, delete_video_stream, get_media_for_fragments,
    list_fragments, make_source, now_timestamp_argument, probe_video, put_media, read_to_end, utc, video_client,
)
from .matroska import read_layout

TIMESTAMP_TOLERANCE_SECONDS = 0.0015
DURATION_TOLERANCE_SECONDS = 0.1
FRAGMENT_LENGTH_TOLERANCE_MS = 60
GARBAGE = b"\x00" * 16 + b"this is not Matroska " * 64
LIVE_PAUSE_SECONDS = 0.2


def by_producer_time(fragments: list[dict]) -> list[dict]:
    return sorted(fragments, key=lambda fragment: fragment["ProducerTimestamp"])


def frames_of(clusters) -> int:
    return sum(cluster.video_frames for cluster in clusters)


# ----------------------------------------------------------------------------------------------- 1. ingest

def test_every_fragment_is_persisted_and_listed(published, source_video):
    clusters = source_video.layout.clusters
    result = published.result
    assert result.returncode == 0, result.describe()
    assert not result.errors, result.describe()
    persisted = result.persisted
    assert len(persisted) == len(clusters), result.describe()
    for ack, cluster in zip(persisted, clusters):
        assert ack["FragmentNumber"].isdigit(), ack
        assert ack["FragmentTimecode"] in (cluster.timecode_ms, published.start_ms + cluster.timecode_ms), (
            ack, cluster)
    numbers = [ack["FragmentNumber"] for ack in persisted]
    assert len(set(numbers)) == len(numbers), numbers

    archived = published.plane.archived
    by_server = list_fragments(archived, published.stream, "SERVER_TIMESTAMP",
                               utc(published.upload_started - 2), utc(published.upload_ended + 2))
    assert sorted(fragment["FragmentNumber"] for fragment in by_server) == sorted(numbers)
    last_timecode = clusters[-1].timecode_ms
    by_producer = list_fragments(archived, published.stream, "PRODUCER_TIMESTAMP",
                                 utc(published.start_ms / 1000 - 1), utc((published.start_ms + last_timecode) / 1000 + 1))
    assert sorted(fragment["FragmentNumber"] for fragment in by_producer) == sorted(numbers)

    for index, (fragment, cluster) in enumerate(zip(by_producer_time(by_server), clusters)):
        expected = (published.start_ms + cluster.timecode_ms) / 1000
        assert abs(fragment["ProducerTimestamp"].timestamp() - expected) <= TIMESTAMP_TOLERANCE_SECONDS, (
            fragment, cluster)
        assert published.upload_started - 2 <= fragment["ServerTimestamp"].timestamp() <= published.upload_ended + 2
        assert fragment["FragmentSizeInBytes"] > 0, fragment
        expected_length = source_video.layout.cluster_duration_ms(index)
        assert abs(fragment["FragmentLengthInMilliseconds"] - expected_length) <= FRAGMENT_LENGTH_TOLERANCE_MS, (
            fragment, expected_length)
    assert [fragment["FragmentNumber"] for fragment in by_producer_time(by_server)] == numbers


def test_list_fragments_pages_with_max_results(published, source_video):
    pages = []
    fragments = list_fragments(published.plane.archived, published.stream, "SERVER_TIMESTAMP",
                               utc(published.upload_started - 2), utc(published.upload_ended + 2),
                               max_results=3, pages=pages)
    numbers = [fragment["FragmentNumber"] for fragment in fragments]
    assert len(numbers) == len(set(numbers)) == len(source_video.layout.clusters), pages
    assert all(len(page) <= 3 for page in pages), [len(page) for page in pages]
    assert len(pages) >= -(-len(numbers) // 3), [len(page) for page in pages]
    assert set(numbers) == {ack["FragmentNumber"] for ack in published.result.persisted}


def test_list_fragments_outside_the_upload_is_empty(published):
    before = list_fragments(published.plane.archived, published.stream, "SERVER_TIMESTAMP",
                            utc(published.upload_started - 3600), utc(published.upload_started - 60))
    assert before == []


# ----------------------------------------------------------------------------------------------- 2. GetMedia EARLIEST

def test_get_media_from_earliest_plays_the_whole_source(published, source_video, tmp_path):
    response = published.plane.media.get_media(StreamName=published.stream,
                                               StartSelector={"StartSelectorType": "EARLIEST"})
    payload = read_to_end(response["Payload"])
    path = tmp_path / "earliest.mkv"
    path.write_bytes(payload)
    probe = probe_video(path)
    assert probe.frames == source_video.probe.frames, (probe, source_video.probe)
    assert abs(probe.duration_seconds - source_video.probe.duration_seconds) <= DURATION_TOLERANCE_SECONDS, (
        probe, source_video.probe)
    assert payload.count(FRAGMENT_NUMBER_TAG) == len(source_video.layout.clusters)
    for ack in published.result.persisted:
        assert ack["FragmentNumber"].encode() in payload, f"fragment {ack['FragmentNumber']} is not tagged"


# ----------------------------------------------------------------------------------------------- 3. fragment list

def test_get_media_for_a_fragment_subset_decodes_exactly_those_frames(published, source_video, tmp_path):
    fragments = by_producer_time(list_fragments(published.plane.archived, published.stream, "SERVER_TIMESTAMP",
                                                utc(published.upload_started - 2), utc(published.upload_ended + 2)))
    chosen = slice(2, 6)
    numbers = [fragment["FragmentNumber"] for fragment in fragments[chosen]]
    path = get_media_for_fragments(published.plane.archived, published.stream, numbers, tmp_path / "subset.mkv")
    probe = probe_video(path)
    assert probe.frames == frames_of(source_video.layout.clusters[chosen]), probe
    payload = path.read_bytes()
    assert all(number.encode() in payload for number in numbers)
    assert not any(fragment["FragmentNumber"].encode() in payload
                   for fragment in fragments[:chosen.start] + fragments[chosen.stop:])


# ----------------------------------------------------------------------------------------------- 4. live

def test_get_media_now_receives_a_live_upload(kinesisvideo, video_stream, source_video, tmp_path):
    name = video_stream()["StreamName"]
    plane = data_plane(kinesisvideo, name)
    called, received, failures = threading.Event(), [], []

    def read_live():
        try:
            response = plane.media.get_media(StreamName=name, StartSelector={"StartSelectorType": "NOW"})
            called.set()
            received.append(read_to_end(response["Payload"]))
        except Exception as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)
            called.set()

    reader = threading.Thread(target=read_live, daemon=True)
    reader.start()
    called.wait(3.0)
    assert not failures, failures

    upload = LiveUpload(plane.put_endpoint, name)
    try:
        data, clusters = source_video.data, source_video.layout.clusters
        upload.send(data[:source_video.layout.header_end])
        for cluster in clusters:
            upload.send(data[cluster.offset:cluster.end])
            time.sleep(LIVE_PAUSE_SECONDS)
        result = upload.finish()
    finally:
        upload.kill()
    assert result.returncode == 0, result.describe()
    assert len(result.persisted) == len(clusters), result.describe()

    reader.join(60)
    assert not reader.is_alive(), "the live GetMedia stream did not end after the upload"
    assert not failures, failures
    path = tmp_path / "live.mkv"
    path.write_bytes(received[0])
    probe = probe_video(path)
    assert probe.frames == source_video.probe.frames, probe
    assert received[0].count(FRAGMENT_NUMBER_TAG) == len(clusters)


# ----------------------------------------------------------------------------------------------- 5. malformed

def test_malformed_data_after_good_clusters_is_error_4006(kinesisvideo, video_stream, source_video, tmp_path):
    name = video_stream()["StreamName"]
    plane = data_plane(kinesisvideo, name)
    good = source_video.layout.clusters[:4]
    started = time.time()
    result = put_media(plane.put_endpoint, name, source_video.data[:good[-1].end] + GARBAGE)
    assert result.returncode == 1, result.describe()
    assert len(result.persisted) == len(good), result.describe()
    assert result.acks[-1]["EventType"] == "ERROR", result.describe()
    assert result.acks[-1]["ErrorId"] == 4006, result.describe()
    assert result.acks[-1].get("ErrorCode", "INVALID_MKV_DATA") == "INVALID_MKV_DATA", result.describe()

    listed = list_fragments(plane.archived, name, "SERVER_TIMESTAMP", utc(started - 2), utc(time.time() + 2))
    numbers = [ack["FragmentNumber"] for ack in result.persisted]
    assert sorted(fragment["FragmentNumber"] for fragment in listed) == sorted(numbers)
    probe = probe_video(get_media_for_fragments(plane.archived, name, numbers, tmp_path / "good.mkv"))
    assert probe.frames == frames_of(good), probe


# ----------------------------------------------------------------------------------------------- 6. kill -9

def test_persisted_fragments_survive_kill_9(source_video, tmp_path):
    server = FlaggedServerProcess(tmp_path / "data", log_path=tmp_path / "server.log", state_delay_ms=50)
    server.start()
    try:
        video = video_client(server.endpoint)
        name = unique_name("kv-crash")
        create_video_stream(video, name)
        plane = data_plane(video, name)
        data, clusters = source_video.data, source_video.layout.clusters
        acknowledged = clusters[:5]
        started = time.time()
        upload = LiveUpload(plane.put_endpoint, name)
        try:
            upload.send(data[:source_video.layout.header_end])
            for cluster in acknowledged:
                upload.send(data[cluster.offset:cluster.end])
            persisted = upload.wait_for_persisted(len(acknowledged))
            unfinished = clusters[len(acknowledged)]
            upload.send(data[unfinished.offset:(unfinished.offset + unfinished.end) // 2])
            time.sleep(0.2)
            server.kill9()
            result = upload.finish()
        finally:
            upload.kill()
        assert result.returncode != 0, f"the upload cannot have ended well: {result.describe()}"
        numbers = [ack["FragmentNumber"] for ack in persisted]

        server.start()
        plane = data_plane(video, name)
        listed = list_fragments(plane.archived, name, "SERVER_TIMESTAMP", utc(started - 2), utc(time.time() + 2))
        assert sorted(fragment["FragmentNumber"] for fragment in listed) == sorted(numbers), (listed, numbers)
        probe = probe_video(get_media_for_fragments(plane.archived, name, numbers, tmp_path / "survived.mkv"))
        assert probe.frames == frames_of(acknowledged), probe
    finally:
        server.stop()


# ----------------------------------------------------------------------------------------------- 7. backwards

def test_timecodes_going_backwards_is_error_4004(kinesisvideo, video_stream, tmp_path):
    offset_seconds = int(time.time()) - 120
    path = make_source(tmp_path / "absolute.mkv", seconds=4, extra_arguments=("-output_ts_offset", str(offset_seconds)))
    data = path.read_bytes()
    clusters = read_layout(data).clusters
    assert clusters[0].timecode_ms >= (offset_seconds - 1) * 1000, "ffmpeg did not write absolute timecodes"
    repeated = data[:clusters[-1].end] + data[clusters[0].offset:clusters[1].end]

    name = video_stream()["StreamName"]
    plane = data_plane(kinesisvideo, name)
    result = put_media(plane.put_endpoint, name, repeated, timecode_type="ABSOLUTE")
    assert result.returncode == 1, result.describe()
    assert len(result.persisted) == len(clusters), result.describe()
    assert result.acks[-1]["EventType"] == "ERROR", result.describe()
    assert result.acks[-1]["ErrorId"] == 4004, result.describe()

    listed = by_producer_time(list_fragments(plane.archived, name, "PRODUCER_TIMESTAMP",
                                             utc(clusters[0].timecode_ms / 1000 - 1),
                                             utc(clusters[-1].timecode_ms / 1000 + 1)))
    assert [fragment["FragmentNumber"] for fragment in listed] == [ack["FragmentNumber"] for ack in result.persisted]
    for fragment, cluster in zip(listed, clusters):
        assert abs(fragment["ProducerTimestamp"].timestamp() - cluster.timecode_ms / 1000) <= (
            TIMESTAMP_TOLERANCE_SECONDS), (fragment, cluster)
