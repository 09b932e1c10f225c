"""Fixtures for the Kinesis Video integration tests.

This folder gets its own shared server (this `server` overrides the top-level one inside this folder, so the
top-level `server_stays_up` guards it), a control-plane client, a stream factory, the data-plane clients of a
stream (made from GetDataEndpoint), and one source video encoded by ffmpeg for the whole session.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import own_server, unique_name

from .harness import (
    DataPlane, PutResult, VideoProbe, create_video_stream, data_plane, delete_video_stream, make_source,
    now_timestamp_argument, probe_video, put_media, video_client,
)
from .matroska import MatroskaLayout, read_layout


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The shared Video server (overrides the top-level `server` in this folder), with a 50 ms state delay."""
    with own_server(tmp_path_factory, "video-server") as process:
        yield process


@pytest.fixture(scope="session")
def kinesisvideo(server):
    return video_client(server.endpoint)


@pytest.fixture(scope="session")
def unvalidated_kinesisvideo(server):
    """A kinesisvideo client that sends what it is given, so that model violations reach the server."""
    return video_client(server.endpoint, validate=False)


@pytest.fixture
def video_stream(kinesisvideo):
    """Factory: `video_stream(retention_hours=24, **CreateStream params)` creates an ACTIVE stream with a unique name
    and returns its StreamInfo; every stream it made is deleted when the test ends."""
    created = []

    def factory(retention_hours: int = 24, name: str | None = None, **params) -> dict:
        name = name or unique_name("kv")
        created.append(name)
        return create_video_stream(kinesisvideo, name, retention_hours=retention_hours, **params)

    yield factory
    for name in created:
        delete_video_stream(kinesisvideo, name)


@pytest.fixture(scope="session")
def data_plane_for(kinesisvideo):
    """`data_plane_for(stream_name)`: the PutMedia endpoint and the kinesis-video-media and
    kinesis-video-archived-media clients at the stream's data endpoints."""
    def factory(stream_name: str) -> DataPlane:
        return data_plane(kinesisvideo, stream_name)
    return factory


@dataclass
class SourceVideo:
    """The session's source: ffmpeg's H.264 + AAC Matroska, its bytes, its clusters and what ffprobe decodes."""
    path: Path
    data: bytes
    layout: MatroskaLayout
    probe: VideoProbe


@pytest.fixture(scope="session")
def source_video(tmp_path_factory) -> SourceVideo:
    """About 10 s at 25 fps, one cluster (so one fragment) per 1 s GOP."""
    path = make_source(tmp_path_factory.mktemp("video-source") / "source.mkv", seconds=10)
    data = path.read_bytes()
    layout = read_layout(data)
    probe = probe_video(path)
    assert len(layout.clusters) >= 8, f"expected one cluster per second, got {len(layout.clusters)}"
    assert sum(cluster.video_frames for cluster in layout.clusters) == probe.frames, (
        "the clusters' video blocks and ffprobe's frame count disagree")
    return SourceVideo(path, data, layout, probe)


@pytest.fixture(scope="session")
def upload():
    """`upload(endpoint, stream, bytes_or_path, **options)`: runs `tributary video put` and returns its exit code
    and parsed acknowledgement lines."""
    def run(endpoint: str, stream: str, media, **options) -> PutResult:
        return put_media(endpoint, stream, media, **options)
    return run


@dataclass
class Published:
    """The session source uploaded once to a fresh stream (shared by the read-only tests)."""
    stream: str
    plane: object
    result: object
    start_ms: int
    upload_started: float
    upload_ended: float


@pytest.fixture(scope="session")
def published(kinesisvideo, source_video):
    name = unique_name("kv-pub")
    create_video_stream(kinesisvideo, name)
    plane = data_plane(kinesisvideo, name)
    argument, start_ms = now_timestamp_argument(seconds_ago=30)
    started = time.time()
    result = put_media(plane.put_endpoint, name, source_video.path, producer_start_timestamp=argument)
    ended = time.time()
    yield Published(name, plane, result, start_ms, started, ended)
    delete_video_stream(kinesisvideo, name)
