"""HLS (fMP4 and MPEG-TS) and DASH sessions: ffmpeg plays the session URLs and decodes every frame of the
published source, with the same duration, on demand and live while an upload is running; playlists and tokens
behave as AWS's do."""

from __future__ import annotations

import time
import urllib.error
from contextlib import contextmanager
from xml.etree import ElementTree
import urllib.request

import pytest
from botocore.exceptions import ClientError

from support import unique_name

from .harness import LiveUpload, create_video_stream, data_plane, delete_video_stream, make_source, utc
from .matroska import read_layout
from .playback import LiveDecoder, decode, range_selector

DURATION_TOLERANCE_SECONDS = 0.1
LIVE_FRAGMENT_PAUSE_SECONDS = 0.5
LIVE_CATCH_UP_SECONDS = 30
LIVE_SOURCE_SECONDS = 8
LIVE_TAIL_SECONDS = 2


def past(seconds: float) -> float:
    """`seconds`, once it is in the past: a SERVER_TIMESTAMP range must end in the past, and botocore sends whole
    seconds, so the end cannot be moved earlier without losing the last fragments."""
    time.sleep(max(0.0, seconds + 0.05 - time.time()))
    return seconds


def on_demand_hls(published, container: str) -> str:
    return published.plane.archived.get_hls_streaming_session_url(
        StreamName=published.stream, PlaybackMode="ON_DEMAND", ContainerFormat=container,
        HLSFragmentSelector=range_selector("SERVER_TIMESTAMP", utc(published.upload_started - 1),
                                           utc(past(published.upload_ended + 1))))["HLSStreamingSessionURL"]


@pytest.mark.parametrize("container", ["FRAGMENTED_MP4", "MPEG_TS"])
def test_on_demand_hls_decodes_every_frame(published, source_video, container):
    decoded = decode(on_demand_hls(published, container))
    assert decoded.frames == source_video.probe.frames, decoded
    assert abs(decoded.duration_seconds - source_video.probe.duration_seconds) <= DURATION_TOLERANCE_SECONDS, decoded


def test_on_demand_dash_decodes_every_frame(published, source_video):
    url = published.plane.archived.get_dash_streaming_session_url(
        StreamName=published.stream, PlaybackMode="ON_DEMAND",
        DASHFragmentSelector=range_selector("PRODUCER_TIMESTAMP", utc(published.start_ms / 1000 - 1),
                                            utc(published.start_ms / 1000 + 60)))["DASHStreamingSessionURL"]
    decoded = decode(url)
    assert decoded.frames == source_video.probe.frames, decoded
    assert abs(decoded.duration_seconds - source_video.probe.duration_seconds) <= DURATION_TOLERANCE_SECONDS, decoded


def test_on_demand_media_playlist_lists_every_fragment_and_ends(published, source_video):
    master_url = on_demand_hls(published, "FRAGMENTED_MP4")
    master = urllib.request.urlopen(master_url).read().decode()
    assert master.startswith("#EXTM3U"), master
    assert 'CODECS="avc1.' in master and "mp4a.40.2" in master, master
    media_path = next(line for line in master.splitlines() if line and not line.startswith("#"))
    media = urllib.request.urlopen(master_url.rsplit("/", 1)[0] + "/" + media_path).read().decode()
    fragment_lines = [line for line in media.splitlines() if line.startswith("getMP4MediaFragment.mp4")]
    assert len(fragment_lines) == len(source_video.layout.clusters), media
    assert "#EXT-X-ENDLIST" in media and "#EXT-X-MAP:URI=" in media, media


@contextmanager
def live_upload(kinesisvideo, prefix: str, data: bytes, layout):
    """A fresh stream whose upload has sent its header and first cluster (PERSISTED); yields the stream name, its
    data plane and the running upload, and cleans all up."""
    name = unique_name(prefix)
    create_video_stream(kinesisvideo, name)
    plane = data_plane(kinesisvideo, name)
    upload = LiveUpload(plane.put_endpoint, name)
    try:
        upload.send(data[:layout.clusters[0].end])
        upload.wait_for_persisted(1)
        yield name, plane, upload
    finally:
        upload.kill()
        delete_video_stream(kinesisvideo, name)


def live_session_url(archived, name: str, session: str) -> str:
    if session == "DASH":
        # A manifest that keeps every fragment of the session: ffmpeg 5.1's DASH reader loses its place when a live
        # manifest slides (see test_live_dash_manifest_serves_every_fragment_while_uploading for a sliding one).
        return archived.get_dash_streaming_session_url(
            StreamName=name, PlaybackMode="LIVE", MaxManifestFragmentResults=1000)["DASHStreamingSessionURL"]
    return archived.get_hls_streaming_session_url(
        StreamName=name, PlaybackMode="LIVE", ContainerFormat=session)["HLSStreamingSessionURL"]


@pytest.mark.parametrize("session", ["FRAGMENTED_MP4", "MPEG_TS", "DASH"])
def test_live_session_follows_a_running_upload(kinesisvideo, tmp_path, session):
    """ffmpeg plays the LIVE session (HLS in either container, or DASH) while the upload runs and decodes every frame
    of the published source, pixel for pixel. A player of a live stream holds its last frames until more media
    comes (its demuxer cannot know a fragment ended), so the producer goes on for LIVE_TAIL_SECONDS after the
    source, as a camera would."""
    source = make_source(tmp_path / "live.mkv", seconds=LIVE_SOURCE_SECONDS + LIVE_TAIL_SECONDS)
    data = source.read_bytes()
    layout = read_layout(data)
    published_clusters = layout.clusters[:LIVE_SOURCE_SECONDS]
    source_frames = sum(cluster.video_frames for cluster in published_clusters)
    published = tmp_path / "published.mkv"
    published.write_bytes(data[:published_clusters[-1].end])
    expected = decode(str(published))
    decoder = None
    try:
        with live_upload(kinesisvideo, "kv-live", data, layout) as (name, plane, upload):
            decoder = LiveDecoder(live_session_url(plane.archived, name, session))
            for index, cluster in enumerate(layout.clusters[1:], start=2):
                time.sleep(LIVE_FRAGMENT_PAUSE_SECONDS)
                upload.send(data[cluster.offset:cluster.end])
                upload.wait_for_persisted(index)
            result = upload.finish()
            assert result.returncode == 0, result.describe()
            decoded = decoder.wait_for_frames(source_frames, timeout_seconds=LIVE_CATCH_UP_SECONDS)
            assert decoded.frames == source_frames == expected.frames, decoded
            assert decoded.checksums == expected.checksums, "live frames differ"
            assert abs(decoded.duration_seconds - expected.duration_seconds) <= DURATION_TOLERANCE_SECONDS, (
                decoded, expected)
    finally:
        if decoder:
            decoder.kill()


def test_live_dash_manifest_serves_every_fragment_while_uploading(kinesisvideo, source_video, tmp_path):
    """A DASH player's view of a LIVE session during an upload: the dynamic manifest is read after every fragment,
    each newly listed segment of the video track is fetched once through its SegmentTemplate URL, and the init
    segment plus those segments decode to every frame of the source, in order. (ffmpeg 5.1's own live DASH reader
    decodes a wrong frame where it first refreshes a manifest that has slid, with a SegmentList or a SegmentTemplate
    alike, while it plays a manifest that only grows frame for frame; so the player here is the test itself, and
    ffprobe the decoder.)"""
    layout, data = source_video.layout, source_video.data
    with live_upload(kinesisvideo, "kv-dash", data, layout) as (name, plane, upload):
        url = plane.archived.get_dash_streaming_session_url(
            StreamName=name, PlaybackMode="LIVE")["DASHStreamingSessionURL"]
        base = url.rsplit("/", 1)[0] + "/"
        fetched: dict[int, bytes] = {}
        init = b""
        for index in range(1, len(layout.clusters) + 1):
            if index > 1:
                cluster = layout.clusters[index - 1]
                upload.send(data[cluster.offset:cluster.end])
                upload.wait_for_persisted(index)
            manifest = ElementTree.fromstring(urllib.request.urlopen(url).read())
            assert manifest.get("type") == "dynamic"
            template = video_template(manifest)
            first = int(template.get("startNumber"))
            count = len(template.findall("mpd:SegmentTimeline/mpd:S", DASH_NAMESPACES))
            init = init or urllib.request.urlopen(base + template.get("initialization")).read()
            for number in range(first, first + count):
                if number not in fetched:
                    media = template.get("media").replace("$Number$", str(number))
                    fetched[number] = urllib.request.urlopen(base + media).read()
        upload.finish()
        assert sorted(fetched) == list(range(len(layout.clusters))), sorted(fetched)
        path = tmp_path / "dash-live.mp4"
        path.write_bytes(init + b"".join(fetched[number] for number in sorted(fetched)))
        decoded = decode(str(path))
        assert decoded.frames == source_video.probe.frames, decoded
        assert abs(decoded.duration_seconds - source_video.probe.duration_seconds) <= DURATION_TOLERANCE_SECONDS


DASH_NAMESPACES = {"mpd": "urn:mpeg:dash:schema:mpd:2011"}


def video_template(manifest):
    for adaptation in manifest.iterfind("mpd:Period/mpd:AdaptationSet", DASH_NAMESPACES):
        if adaptation.get("contentType") == "video":
            return adaptation.find("mpd:Representation/mpd:SegmentTemplate", DASH_NAMESPACES)
    pytest.fail("the manifest has no video AdaptationSet")


def test_live_media_playlist_slides(kinesisvideo, source_video):
    layout, data = source_video.layout, source_video.data
    with live_upload(kinesisvideo, "kv-slide", data, layout) as (name, plane, upload):
        url = plane.archived.get_hls_streaming_session_url(
            StreamName=name, PlaybackMode="LIVE", MaxMediaPlaylistFragmentResults=3)["HLSStreamingSessionURL"]
        media_url = url.replace("getHLSMasterPlaylist.m3u8", "getHLSMediaPlaylist.m3u8")
        sequences = []
        for index, cluster in enumerate(layout.clusters[1:6], start=2):
            upload.send(data[cluster.offset:cluster.end])
            upload.wait_for_persisted(index)
            media = urllib.request.urlopen(media_url).read().decode()
            assert "#EXT-X-ENDLIST" not in media, media
            assert len([line for line in media.splitlines() if line.startswith("getMP4MediaFragment")]) == min(index, 3)
            sequences.append(int(next(line for line in media.splitlines()
                                      if line.startswith("#EXT-X-MEDIA-SEQUENCE:")).split(":")[1]))
        assert sequences == [0, 0, 1, 2, 3], sequences
        upload.finish()


def test_session_errors(published):
    archived = published.plane.archived
    with pytest.raises(ClientError) as raised:
        archived.get_hls_streaming_session_url(
            StreamName=published.stream, PlaybackMode="ON_DEMAND",
            HLSFragmentSelector=range_selector("SERVER_TIMESTAMP", utc(100), utc(200)))
    assert raised.value.response["Error"]["Code"] == "ResourceNotFoundException"
    with pytest.raises(ClientError) as raised:
        archived.get_hls_streaming_session_url(StreamName=published.stream, PlaybackMode="ON_DEMAND")
    assert raised.value.response["Error"]["Code"] == "InvalidArgumentException"
    url = on_demand_hls(published, "FRAGMENTED_MP4")
    broken = url.replace("SessionToken=", "SessionToken=x")
    with pytest.raises(urllib.error.HTTPError) as failed:
        urllib.request.urlopen(broken)
    assert failed.value.code == 400
    assert failed.value.headers["x-amzn-ErrorType"] == "InvalidArgumentException"
    missing = url.replace("getHLSMasterPlaylist.m3u8", "getMP4MediaFragment.mp4") + "&FragmentNumber=1234"
    with pytest.raises(urllib.error.HTTPError) as failed:
        urllib.request.urlopen(missing)
    assert failed.value.code == 404
