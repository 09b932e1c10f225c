"""The Kinesis Video control plane through boto3's `kinesisvideo` client: streams, versions, retention, tags,
data endpoints, image generation and notification configuration, and the AWS errors with their HTTP statuses.

botocore's kinesisvideo model and the API reference are the specification.
"""

from __future__ import annotations

import datetime
import re

import pytest

from support import FlaggedServerProcess, aws_error, unique_name

from .harness import (
    STREAM_ARN_PATTERN, create_video_stream, delete_video_stream, stream_info, video_client, wait_stream_active,
    wait_stream_gone,
)

VERSION_PATTERN = r"^[a-zA-Z0-9]{1,64}$"
API_NAMES = ["PUT_MEDIA", "GET_MEDIA", "LIST_FRAGMENTS", "GET_MEDIA_FOR_FRAGMENT_LIST",
             "GET_HLS_STREAMING_SESSION_URL", "GET_DASH_STREAMING_SESSION_URL", "GET_CLIP", "GET_IMAGES"]
IMAGE_GENERATION = {
    "Status": "ENABLED", "ImageSelectorType": "PRODUCER_TIMESTAMP",
    "DestinationConfig": {"Uri": "s3://video-images/cam", "DestinationRegion": "us-east-1"},
    "SamplingInterval": 3000, "Format": "JPEG", "FormatConfig": {"JPEGQuality": "80"},
    "WidthPixels": 320, "HeightPixels": 240,
}
NOTIFICATION = {"Status": "ENABLED", "DestinationConfig": {"Uri": "arn:aws:sns:us-east-1:000000000000:video-topic"}}
SLOW_STATE_DELAY_MS = 1500
UNKNOWN_ARN = "arn:aws:kinesisvideo:us-east-1:000000000000:stream/never-created/1234567890123"


def all_streams(client, **params) -> list[dict]:
    streams, token = [], None
    for _ in range(1000):
        response = client.list_streams(**params, **({"NextToken": token} if token else {}))
        streams += response["StreamInfoList"]
        token = response.get("NextToken")
        if not token:
            return streams
    raise AssertionError("ListStreams paging did not end")


# ----------------------------------------------------------------------------------------------- streams

def test_create_describe_and_delete_stream(kinesisvideo):
    name = unique_name("kv")
    before = datetime.datetime.now(datetime.timezone.utc)
    arn = kinesisvideo.create_stream(StreamName=name, DeviceName="camera-1", MediaType="video/h264",
                                     DataRetentionInHours=24)["StreamARN"]
    assert re.match(STREAM_ARN_PATTERN, arn), arn
    assert f":stream/{name}/" in arn
    assert stream_info(kinesisvideo, name)["Status"] in ("CREATING", "ACTIVE")

    info = wait_stream_active(kinesisvideo, name)
    assert info["StreamName"] == name
    assert info["StreamARN"] == arn
    assert info["DeviceName"] == "camera-1"
    assert info["MediaType"] == "video/h264"
    assert info["DataRetentionInHours"] == 24
    assert re.match(VERSION_PATTERN, info["Version"]), info["Version"]
    assert before - datetime.timedelta(seconds=5) <= info["CreationTime"] <= before + datetime.timedelta(seconds=30)
    assert kinesisvideo.describe_stream(StreamARN=arn)["StreamInfo"] == info

    kinesisvideo.delete_stream(StreamARN=arn, CurrentVersion=info["Version"])
    wait_stream_gone(kinesisvideo, name)
    with aws_error("ResourceNotFoundException", 404):
        kinesisvideo.describe_stream(StreamName=name)
    with aws_error("ResourceNotFoundException", 404):
        kinesisvideo.describe_stream(StreamARN=arn)


def test_create_with_a_taken_name_is_resource_in_use(kinesisvideo, video_stream):
    info = video_stream()
    with aws_error("ResourceInUseException", 400):
        kinesisvideo.create_stream(StreamName=info["StreamName"], DataRetentionInHours=1)


def test_unknown_stream_is_not_found_everywhere(kinesisvideo):
    missing = unique_name("kv-missing")
    calls = [
        lambda: kinesisvideo.describe_stream(StreamName=missing),
        lambda: kinesisvideo.update_stream(StreamName=missing, CurrentVersion="1", MediaType="video/h264"),
        lambda: kinesisvideo.update_data_retention(StreamName=missing, CurrentVersion="1",
                                                   Operation="INCREASE_DATA_RETENTION", DataRetentionChangeInHours=1),
        lambda: kinesisvideo.delete_stream(StreamARN=UNKNOWN_ARN),
        lambda: kinesisvideo.get_data_endpoint(StreamName=missing, APIName="GET_MEDIA"),
        lambda: kinesisvideo.list_tags_for_stream(StreamName=missing),
        lambda: kinesisvideo.tag_resource(ResourceARN=UNKNOWN_ARN, Tags=[{"Key": "k", "Value": "v"}]),
        lambda: kinesisvideo.describe_image_generation_configuration(StreamName=missing),
        lambda: kinesisvideo.update_notification_configuration(StreamName=missing,
                                                               NotificationConfiguration=NOTIFICATION),
    ]
    for call in calls:
        with aws_error("ResourceNotFoundException", 404):
            call()


def test_stream_is_named_by_exactly_one_of_name_and_arn(kinesisvideo, video_stream):
    info = video_stream()
    with aws_error("InvalidArgumentException", 400):
        kinesisvideo.describe_stream()
    with aws_error("InvalidArgumentException", 400):
        kinesisvideo.get_data_endpoint(APIName="GET_MEDIA")
    assert kinesisvideo.describe_stream(StreamName=info["StreamName"])["StreamInfo"]["StreamARN"] == info["StreamARN"]


def test_invalid_arguments_are_rejected(unvalidated_kinesisvideo):
    client = unvalidated_kinesisvideo
    with aws_error("InvalidArgumentException", 400):
        client.create_stream(StreamName="not a valid name!", DataRetentionInHours=1)
    with aws_error("InvalidArgumentException", 400):
        client.create_stream(StreamName=unique_name("kv"), DataRetentionInHours=-1)
    with aws_error("InvalidArgumentException", 400):
        client.list_streams(MaxResults=0)
    with aws_error("InvalidArgumentException", 400):
        client.get_data_endpoint(StreamName=unique_name("kv"), APIName="NOT_AN_API")


def test_list_streams_pages_and_filters_by_name_prefix(kinesisvideo, video_stream):
    prefix = unique_name("kvlist")
    names = sorted(video_stream(name=f"{prefix}-{index}")["StreamName"] for index in range(3))
    video_stream(name=unique_name("kvother"))
    condition = {"ComparisonOperator": "BEGINS_WITH", "ComparisonValue": prefix}

    listed = kinesisvideo.list_streams(StreamNameCondition=condition)["StreamInfoList"]
    assert sorted(info["StreamName"] for info in listed) == names
    assert all(info["Status"] == "ACTIVE" and re.match(STREAM_ARN_PATTERN, info["StreamARN"]) for info in listed)

    pages = []
    token = None
    while True:
        response = kinesisvideo.list_streams(MaxResults=1, StreamNameCondition=condition,
                                             **({"NextToken": token} if token else {}))
        pages.append([info["StreamName"] for info in response["StreamInfoList"]])
        token = response.get("NextToken")
        if not token:
            break
        assert len(pages) <= len(names) + 1, f"paging does not end: {pages}"
    paged = [name for page in pages for name in page]
    assert all(len(page) <= 1 for page in pages), pages
    assert sorted(paged) == names, pages

    everything = {info["StreamName"] for info in all_streams(kinesisvideo, MaxResults=2)}
    assert set(names) <= everything


def test_update_stream_changes_the_version_and_checks_it(kinesisvideo, video_stream):
    info = video_stream(DeviceName="camera-1", MediaType="video/h264")
    kinesisvideo.update_stream(StreamName=info["StreamName"], CurrentVersion=info["Version"],
                               DeviceName="camera-2", MediaType="video/h265")
    updated = wait_stream_active(kinesisvideo, info["StreamName"])
    assert updated["DeviceName"] == "camera-2"
    assert updated["MediaType"] == "video/h265"
    assert updated["Version"] != info["Version"]
    assert updated["CreationTime"] == info["CreationTime"]

    with aws_error("VersionMismatchException", 400):
        kinesisvideo.update_stream(StreamARN=info["StreamARN"], CurrentVersion=info["Version"], DeviceName="camera-3")
    assert stream_info(kinesisvideo, info["StreamName"])["DeviceName"] == "camera-2"


def test_update_data_retention_increases_and_decreases(kinesisvideo, video_stream):
    info = video_stream(retention_hours=24)
    kinesisvideo.update_data_retention(StreamName=info["StreamName"], CurrentVersion=info["Version"],
                                       Operation="INCREASE_DATA_RETENTION", DataRetentionChangeInHours=10)
    increased = wait_stream_active(kinesisvideo, info["StreamName"])
    assert increased["DataRetentionInHours"] == 34

    kinesisvideo.update_data_retention(StreamARN=info["StreamARN"], CurrentVersion=increased["Version"],
                                       Operation="DECREASE_DATA_RETENTION", DataRetentionChangeInHours=4)
    decreased = wait_stream_active(kinesisvideo, info["StreamName"])
    assert decreased["DataRetentionInHours"] == 30

    with aws_error("VersionMismatchException", 400):
        kinesisvideo.update_data_retention(StreamName=info["StreamName"], CurrentVersion="0stale0",
                                           Operation="INCREASE_DATA_RETENTION", DataRetentionChangeInHours=1)
    assert stream_info(kinesisvideo, info["StreamName"])["DataRetentionInHours"] == 30


def test_delete_checks_the_version(kinesisvideo):
    name = unique_name("kv")
    info = create_video_stream(kinesisvideo, name)
    try:
        with aws_error("VersionMismatchException", 400):
            kinesisvideo.delete_stream(StreamARN=info["StreamARN"], CurrentVersion="0stale0")
        assert stream_info(kinesisvideo, name)["Status"] == "ACTIVE"
        kinesisvideo.delete_stream(StreamARN=info["StreamARN"])
        status = stream_info(kinesisvideo, name)
        assert status is None or status["Status"] == "DELETING"
        wait_stream_gone(kinesisvideo, name)
        with aws_error("ResourceNotFoundException", 404):
            kinesisvideo.delete_stream(StreamARN=info["StreamARN"])
    finally:
        delete_video_stream(kinesisvideo, name)


def test_a_deleted_name_can_be_created_again(kinesisvideo):
    name = unique_name("kv")
    first = create_video_stream(kinesisvideo, name)
    delete_video_stream(kinesisvideo, name)
    second = create_video_stream(kinesisvideo, name)
    try:
        assert second["StreamARN"] != first["StreamARN"]
    finally:
        delete_video_stream(kinesisvideo, name)


# ----------------------------------------------------------------------------------------------- tags

def test_tags_through_both_apis(kinesisvideo, video_stream):
    info = video_stream(Tags={"team": "video"})
    name, arn = info["StreamName"], info["StreamARN"]

    kinesisvideo.tag_stream(StreamName=name, Tags={"site": "north", "team": "media"})
    assert kinesisvideo.list_tags_for_resource(ResourceARN=arn)["Tags"] == {"team": "media", "site": "north"}

    kinesisvideo.tag_resource(ResourceARN=arn, Tags=[{"Key": "floor", "Value": "3"}])
    assert kinesisvideo.list_tags_for_stream(StreamName=name)["Tags"] == {"team": "media", "site": "north",
                                                                          "floor": "3"}
    assert kinesisvideo.list_tags_for_stream(StreamARN=arn)["Tags"] == {"team": "media", "site": "north",
                                                                        "floor": "3"}

    kinesisvideo.untag_stream(StreamName=name, TagKeyList=["team", "absent"])
    kinesisvideo.untag_resource(ResourceARN=arn, TagKeyList=["site"])
    assert kinesisvideo.list_tags_for_resource(ResourceARN=arn)["Tags"] == {"floor": "3"}
    assert kinesisvideo.list_tags_for_stream(StreamName=name)["Tags"] == {"floor": "3"}


def test_more_than_fifty_tags_are_refused(kinesisvideo, video_stream):
    info = video_stream(Tags={f"key{index}": "v" for index in range(40)})
    with aws_error("TagsPerResourceExceededLimitException", 400):
        kinesisvideo.tag_stream(StreamName=info["StreamName"], Tags={f"more{index}": "v" for index in range(11)})
    kinesisvideo.tag_stream(StreamName=info["StreamName"], Tags={f"more{index}": "v" for index in range(10)})
    assert len(kinesisvideo.list_tags_for_stream(StreamName=info["StreamName"])["Tags"]) == 50


# ----------------------------------------------------------------------------------------------- endpoints

def test_get_data_endpoint_answers_every_api(kinesisvideo, video_stream, server):
    info = video_stream()
    for api_name in API_NAMES:
        endpoint = kinesisvideo.get_data_endpoint(StreamARN=info["StreamARN"], APIName=api_name)["DataEndpoint"]
        assert re.match(r"^https?://[^/\s]+", endpoint), (api_name, endpoint)
    endpoint = kinesisvideo.get_data_endpoint(StreamName=info["StreamName"], APIName="PUT_MEDIA")["DataEndpoint"]
    assert endpoint.rstrip("/").endswith(f":{server.port}"), f"{endpoint} is not this server ({server.endpoint})"


# ----------------------------------------------------------------------------------------------- configurations

def test_image_generation_configuration_round_trips_and_can_be_removed(kinesisvideo, video_stream):
    name = video_stream()["StreamName"]
    assert kinesisvideo.describe_image_generation_configuration(StreamName=name).get(
        "ImageGenerationConfiguration") is None

    kinesisvideo.update_image_generation_configuration(StreamName=name, ImageGenerationConfiguration=IMAGE_GENERATION)
    wait_stream_active(kinesisvideo, name)
    described = kinesisvideo.describe_image_generation_configuration(StreamName=name)["ImageGenerationConfiguration"]
    assert described == IMAGE_GENERATION

    disabled = {**IMAGE_GENERATION, "Status": "DISABLED", "Format": "PNG"}
    del disabled["FormatConfig"]
    kinesisvideo.update_image_generation_configuration(StreamName=name, ImageGenerationConfiguration=disabled)
    wait_stream_active(kinesisvideo, name)
    described = kinesisvideo.describe_image_generation_configuration(StreamName=name)["ImageGenerationConfiguration"]
    assert described == disabled

    kinesisvideo.update_image_generation_configuration(StreamName=name)
    wait_stream_active(kinesisvideo, name)
    assert kinesisvideo.describe_image_generation_configuration(StreamName=name).get(
        "ImageGenerationConfiguration") is None


def test_image_generation_needs_data_retention(kinesisvideo, video_stream):
    name = video_stream(retention_hours=0)["StreamName"]
    with aws_error("NoDataRetentionException", 400):
        kinesisvideo.update_image_generation_configuration(StreamName=name,
                                                           ImageGenerationConfiguration=IMAGE_GENERATION)


def test_notification_configuration_round_trips_and_can_be_removed(kinesisvideo, video_stream):
    info = video_stream()
    assert kinesisvideo.describe_notification_configuration(StreamARN=info["StreamARN"]).get(
        "NotificationConfiguration") is None

    kinesisvideo.update_notification_configuration(StreamARN=info["StreamARN"], NotificationConfiguration=NOTIFICATION)
    wait_stream_active(kinesisvideo, info["StreamName"])
    described = kinesisvideo.describe_notification_configuration(StreamName=info["StreamName"])
    assert described["NotificationConfiguration"] == NOTIFICATION

    kinesisvideo.update_notification_configuration(StreamName=info["StreamName"])
    wait_stream_active(kinesisvideo, info["StreamName"])
    assert kinesisvideo.describe_notification_configuration(StreamName=info["StreamName"]).get(
        "NotificationConfiguration") is None


@pytest.fixture(scope="module")
def slow_kinesisvideo(tmp_path_factory):
    """A control plane whose CREATING and UPDATING last 1.5 s, long enough to act on a stream in those states."""
    base = tmp_path_factory.mktemp("video-slow-server")
    process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=SLOW_STATE_DELAY_MS)
    process.start()
    yield video_client(process.endpoint)
    process.stop()


def test_a_stream_that_is_not_active_is_resource_in_use(slow_kinesisvideo):
    client = slow_kinesisvideo
    name = unique_name("kv-slow")
    client.create_stream(StreamName=name, DataRetentionInHours=1)
    creating = stream_info(client, name)
    assert creating["Status"] == "CREATING", creating
    with aws_error("ResourceInUseException", 400):
        client.update_stream(StreamName=name, CurrentVersion=creating["Version"], MediaType="video/h264")
    with aws_error("ResourceInUseException", 400):
        client.update_data_retention(StreamName=name, CurrentVersion=creating["Version"],
                                     Operation="INCREASE_DATA_RETENTION", DataRetentionChangeInHours=1)

    active = wait_stream_active(client, name)
    client.update_stream(StreamName=name, CurrentVersion=active["Version"], MediaType="video/h265")
    updating = stream_info(client, name)
    assert updating["Status"] == "UPDATING", updating
    with aws_error("ResourceInUseException", 400):
        client.update_stream(StreamName=name, CurrentVersion=updating["Version"], DeviceName="camera-9")
    with aws_error("ResourceInUseException", 400):
        client.update_notification_configuration(StreamName=name, NotificationConfiguration=NOTIFICATION)

    updated = wait_stream_active(client, name)
    assert updated["MediaType"] == "video/h265"
    client.update_notification_configuration(StreamName=name, NotificationConfiguration=NOTIFICATION)
    assert client.describe_notification_configuration(StreamName=name)["NotificationConfiguration"] == NOTIFICATION
    delete_video_stream(client, name)
