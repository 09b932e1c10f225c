"""`tributary video put` against the real server: AWS errors and usage errors end with the documented exit
statuses, acknowledgements arrive while the upload is still going, and ffmpeg's output can be piped straight in.
"""

from __future__ import annotations

import subprocess
import time

from support import unique_name

from .harness import (
    FFMPEG_INPUTS, FFMPEG_OUTPUT_OPTIONS, LiveUpload, data_plane, list_fragments, make_source, parse_acks,
    put_command, put_media, utc,
)
from .matroska import read_layout

PIPED_SECONDS = 3


def test_an_unknown_stream_is_an_aws_error_on_stderr(server, source_video):
    result = put_media(server.endpoint, unique_name("kv-missing"), source_video.path)
    assert result.returncode == 1, result.describe()
    assert result.acks == [], result.describe()
    assert "ResourceNotFoundException" in result.stderr, result.describe()
    assert "404" in result.stderr, result.describe()


def test_usage_errors_are_neither_success_nor_upload_failure(server, source_video):
    for arguments in (["--endpoint", "https://127.0.0.1:1"], ["--timecode-type", "SOMETIMES"],
                      ["--producer-start-timestamp", "yesterday"]):
        command = put_command(server.endpoint, "any", str(source_video.path))
        completed = subprocess.run(command[:-1] + arguments + command[-1:], capture_output=True, text=True,
                                   timeout=30, stdin=subprocess.DEVNULL)
        assert completed.returncode not in (0, 1), (arguments, completed.returncode, completed.stderr)
        assert completed.stdout == "", (arguments, completed.stdout)
    https = subprocess.run(put_command("https://127.0.0.1:1", "any", str(source_video.path)), capture_output=True,
                           text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert "https" in https.stderr, https.stderr


def test_acknowledgements_arrive_while_the_upload_goes_on(kinesisvideo, video_stream, source_video):
    name = video_stream()["StreamName"]
    plane = data_plane(kinesisvideo, name)
    data, clusters = source_video.data, source_video.layout.clusters
    upload = LiveUpload(plane.put_endpoint, name)
    try:
        upload.send(data[:clusters[1].end])
        early = upload.wait_for_persisted(2)
        assert upload.process.poll() is None, "the tool ended while its input was still open"
        upload.send(data[clusters[2].offset:])
        result = upload.finish()
    finally:
        upload.kill()
    assert result.returncode == 0, result.describe()
    assert len(result.persisted) == len(clusters), result.describe()
    assert result.persisted[:2] == early


def test_ffmpeg_output_piped_into_the_tool(kinesisvideo, video_stream, tmp_path):
    expected = read_layout(make_source(tmp_path / "same.mkv", seconds=PIPED_SECONDS).read_bytes()).clusters
    name = video_stream()["StreamName"]
    plane = data_plane(kinesisvideo, name)
    started = time.time()
    ffmpeg = subprocess.Popen(["ffmpeg", "-hide_banner", "-loglevel", "error", *FFMPEG_INPUTS, "-t", str(PIPED_SECONDS),
                               *FFMPEG_OUTPUT_OPTIONS, "-"], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        tool = subprocess.run(put_command(plane.put_endpoint, name), stdin=ffmpeg.stdout, capture_output=True,
                              timeout=60)
    finally:
        ffmpeg.stdout.close()
        ffmpeg.wait(30)
    assert ffmpeg.returncode == 0
    acks = parse_acks(tool.stdout.decode())
    assert tool.returncode == 0, (tool.returncode, acks, tool.stderr)
    persisted = [ack for ack in acks if ack.get("EventType") == "PERSISTED"]
    assert len(persisted) == len(expected), acks
    listed = list_fragments(plane.archived, name, "SERVER_TIMESTAMP", utc(started - 2), utc(time.time() + 2))
    assert sorted(fragment["FragmentNumber"] for fragment in listed) == sorted(ack["FragmentNumber"]
                                                                               for ack in persisted)
