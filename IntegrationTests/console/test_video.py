"""The console's Video pages in headless Chromium: create and delete a video stream through the list page; play a
running upload LIVE through the stream page's HLS player (Media Source Extensions over fMP4) and the last hour ON
DEMAND to its end; see the fragments on the timeline. What the pages show is checked against the server through
boto3 and against the source video, so a page cannot pass by showing what it asked for."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from support import unique_name

from video.harness import (
    FFMPEG_INPUTS, LiveUpload, create_video_stream, data_plane, delete_video_stream, list_fragments, make_source,
    now_timestamp_argument, put_media, stream_info, utc, video_client, wait_stream_gone,
)
from video.matroska import read_layout

LIVE_SOURCE_SECONDS = 45
ON_DEMAND_SOURCE_SECONDS = 8
PLAYBACK_TIMEOUT_SECONDS = 30
SOURCE_WIDTH, SOURCE_HEIGHT = map(int, re.search(r"size=(\d+)x(\d+)", FFMPEG_INPUTS[3]).groups())


class Camera:
    """A producer in real time: the source's clusters (one-second fragments) sent through `tributary video put` at
    the pace of their timecodes, from a background thread, until the source ends or `stop()`."""

    def __init__(self, endpoint: str, stream: str, source: Path):
        self.data = source.read_bytes()
        self.layout = read_layout(self.data)
        self.upload = LiveUpload(endpoint, stream)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        started = time.monotonic()
        try:
            self.upload.send(self.data[:self.layout.clusters[0].end])
            for cluster in self.layout.clusters[1:]:
                if self._stopped.wait(max(0.0, started + cluster.timecode_ms / 1000 - time.monotonic())):
                    return
                self.upload.send(self.data[cluster.offset:cluster.end])
        except BrokenPipeError:
            return  # the tool ended early; stop() reports its exit code and acknowledgements

    def stop(self):
        self._stopped.set()
        self._thread.join(timeout=10)
        return self.upload.finish()


def player(console, prop: str):
    return console.driver.execute_script(f"return document.getElementById('video-player').{prop}")


def wait_current_time(console, above: float, what: str) -> float:
    console.wait(lambda _: player(console, "currentTime") > above, timeout=PLAYBACK_TIMEOUT_SECONDS,
                 message=f"{what}: the video never passed {above} s; status {console.text_of('#player-status')!r}, "
                         f"errors {console.errors()}")
    return player(console, "currentTime")


def shown_fragments(console) -> list[str]:
    """The fragment numbers of the timeline's bars, read in one script: a refresh redraws every bar."""
    return console.driver.execute_script(
        "return [...document.querySelectorAll('#fragment-timeline rect.fragment')].map((bar) => bar.dataset.fragment)")


def test_video_streams_page_creates_and_deletes_a_stream(console, server):
    kinesisvideo = video_client(server.endpoint)
    name = unique_name("kv-console")
    status = f'#video-stream-list span.status[data-stream="{name}"]'
    console.open("/video")
    console.fill("#create-video-stream input[name=name]", name)
    console.fill("#create-video-stream input[name=retention]", "2")
    console.element("#create-video-stream button[type=submit]").click()
    console.wait_text(status, "ACTIVE")
    info = stream_info(kinesisvideo, name)
    assert info["Status"] == "ACTIVE" and info["DataRetentionInHours"] == 2
    assert console.text_of("#video-stream-list").count(name) == 1
    console.screenshot("video-list")

    delete = console.element(f'#video-stream-list button[data-stream="{name}"]')
    delete.click()
    assert delete.text == "Confirm delete" and stream_info(kinesisvideo, name) is not None
    delete.click()
    wait_stream_gone(kinesisvideo, name)
    console.wait(lambda _: not console.elements(status), message=f"{name} stayed in the list after its deletion")
    assert console.errors() == []


def test_stream_page_plays_a_live_upload_and_draws_its_fragments(console, server, tmp_path):
    kinesisvideo = video_client(server.endpoint)
    name = unique_name("kv-console-live")
    create_video_stream(kinesisvideo, name)
    plane = data_plane(kinesisvideo, name)
    source = make_source(tmp_path / "camera.mkv", seconds=LIVE_SOURCE_SECONDS)
    camera = Camera(plane.put_endpoint, name, source)
    try:
        camera.upload.wait_for_persisted(2)
        console.open(f"/video/{name}")
        console.wait_text("#video-stream-status", "ACTIVE")
        console.wait_text("#player-mode-shown", "LIVE")

        wait_current_time(console, 1.0, "LIVE")
        assert (player(console, "videoWidth"), player(console, "videoHeight")) == (SOURCE_WIDTH, SOURCE_HEIGHT)
        codecs = console.text_of("#player-codec")
        assert codecs.startswith("avc1.") and "mp4a.40.2" in codecs, codecs
        # Live: the playhead keeps moving as new fragments arrive, and more fragments are appended.
        before, appended = player(console, "currentTime"), int(console.text_of("#player-segments"))
        wait_current_time(console, before + 3, "LIVE, later")
        assert int(console.text_of("#player-segments")) > appended
        console.wait_text("#player-state", "playing")

        console.wait(lambda _: len(shown_fragments(console)) >= 4, timeout=15,
                     message=f"the timeline never showed 4 fragments: {console.text_of('#timeline-summary')!r}")
        listed = {fragment["FragmentNumber"]: fragment for fragment in list_fragments(
            plane.archived, name, "PRODUCER_TIMESTAMP", utc(time.time() - 600), utc(time.time() + 60))}
        shown = shown_fragments(console)
        assert len(set(shown)) == len(shown) and set(shown) <= set(listed), (shown, listed)
        # The hover title of a bar names the fragment and its length as ListFragments gives them.
        title = console.driver.execute_script(
            "return document.querySelector(`#fragment-timeline rect[data-fragment='${arguments[0]}'] title`).textContent",
            shown[0])
        assert f"Fragment {shown[0]}" in title and f"{listed[shown[0]]['FragmentLengthInMilliseconds']} ms" in title, title
        console.screenshot("video")  # a frame on screen (the playhead is well past 1 s) and a filled timeline
        assert console.errors() == []
    finally:
        result = camera.stop()
        delete_video_stream(kinesisvideo, name)
    assert result.returncode == 0 and not result.errors, result.describe()


def test_stream_page_plays_the_last_hour_on_demand_to_its_end(console, server, tmp_path):
    kinesisvideo = video_client(server.endpoint)
    name = unique_name("kv-console-vod")
    create_video_stream(kinesisvideo, name)
    plane = data_plane(kinesisvideo, name)
    source = make_source(tmp_path / "recording.mkv", seconds=ON_DEMAND_SOURCE_SECONDS)
    argument, _ = now_timestamp_argument(seconds_ago=60)
    result = put_media(plane.put_endpoint, name, source, producer_start_timestamp=argument)
    try:
        assert result.returncode == 0 and result.persisted, result.describe()
        console.open(f"/video/{name}")
        console.wait_text("#player-mode-shown", "LIVE")
        console.choose("#player-mode", "ON_DEMAND")
        console.wait_text("#player-mode-shown", "ON_DEMAND")
        wait_current_time(console, 1.0, "ON_DEMAND")
        # Every stored fragment is appended once, and the video plays to the end of the recording.
        console.wait_text("#player-state", "ended", timeout=ON_DEMAND_SOURCE_SECONDS + PLAYBACK_TIMEOUT_SECONDS)
        assert int(console.text_of("#player-segments")) == len(result.persisted)
        assert abs(player(console, "currentTime") - player(console, "duration")) < 0.1
        assert abs(player(console, "duration") - ON_DEMAND_SOURCE_SECONDS) < 1.5
        console.wait(lambda _: len(shown_fragments(console)) == len(result.persisted), timeout=15,
                     message=f"the timeline does not show the {len(result.persisted)} fragments")
        assert console.errors() == []
    finally:
        delete_video_stream(kinesisvideo, name)
