"""Authentication and authorization with `--credentials`: boto3 and the aws CLI with the right keys work for all
four services; a wrong secret, an unknown key, a stale signature, a missing signature and a denying policy each
get AWS's error; a denied PutRecord stores nothing; ARNs carry the credentials' account."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
import os
import subprocess
import time
import zlib

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError

from support import REGION, credentials_server, unique_name, wait_until

ACCOUNT = "123456789012"
ADMIN = ("AKIDADMIN", "admin-secret")
READER = ("AKIDREADER", "reader-secret")
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
READ_ONLY = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["kinesis:Describe*", "kinesis:List*", "kinesis:Get*", "kinesis:PutRecord"],
     "Resource": "*"},
    {"Effect": "Deny", "Action": "kinesis:Put*", "Resource": f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/locked-*"},
]}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with credentials_server(tmp_path_factory, "auth-server", [
        {"accessKeyId": ADMIN[0], "secretAccessKey": ADMIN[1], "accountId": ACCOUNT, "policies": [ALLOW_ALL]},
        {"accessKeyId": READER[0], "secretAccessKey": READER[1], "accountId": ACCOUNT, "policies": [READ_ONLY]},
    ]) as process:
        yield process


def client(server, service: str, keys=ADMIN):
    return boto3.session.Session().client(
        service, region_name=REGION, endpoint_url=server.endpoint, aws_access_key_id=keys[0],
        aws_secret_access_key=keys[1], config=Config(retries={"max_attempts": 0}))


def error_of(call) -> dict:
    with pytest.raises(ClientError) as raised:
        call()
    return {"code": raised.value.response["Error"]["Code"], "message": raised.value.response["Error"]["Message"],
            "status": raised.value.response["ResponseMetadata"]["HTTPStatusCode"]}


def create_stream(kinesis, name: str) -> str:
    kinesis.create_stream(StreamName=name, ShardCount=1)
    wait_until(lambda: kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamStatus"]
               == "ACTIVE", 15, what=f"{name} ACTIVE")
    return kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamARN"]


def test_the_right_keys_work_for_all_four_services(server):
    kinesis = client(server, "kinesis")
    arn = create_stream(kinesis, unique_name("auth"))
    assert arn.startswith(f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/"), arn
    firehose = client(server, "firehose")
    name = unique_name("auth-fh")
    firehose.create_delivery_stream(DeliveryStreamName=name, S3DestinationConfiguration={
        "RoleARN": f"arn:aws:iam::{ACCOUNT}:role/r", "BucketARN": "arn:aws:s3:::auth-bucket"})
    assert f":{ACCOUNT}:deliverystream/{name}" in firehose.describe_delivery_stream(
        DeliveryStreamName=name)["DeliveryStreamDescription"]["DeliveryStreamARN"]
    analytics = client(server, "kinesisanalytics")
    application = unique_name("auth-app")
    assert f":{ACCOUNT}:application/{application}" in analytics.create_application(
        ApplicationName=application)["ApplicationSummary"]["ApplicationARN"]
    video = client(server, "kinesisvideo")
    video_arn = video.create_stream(StreamName=unique_name("auth-kv"), DataRetentionInHours=1)["StreamARN"]
    assert f":{ACCOUNT}:stream/" in video_arn


def test_the_aws_cli_works_with_the_right_keys_for_all_four_services(server):
    environment = {**os.environ, "AWS_ACCESS_KEY_ID": ADMIN[0], "AWS_SECRET_ACCESS_KEY": ADMIN[1],
                   "AWS_DEFAULT_REGION": REGION}
    for command in (["kinesis", "list-streams"], ["firehose", "list-delivery-streams"],
                    ["kinesisanalytics", "list-applications"], ["kinesisvideo", "list-streams"]):
        completed = subprocess.run(["aws", "--endpoint-url", server.endpoint, *command],
                                   capture_output=True, text=True, env=environment, timeout=60)
        assert completed.returncode == 0, (command, completed.stderr)
    wrong = {**environment, "AWS_SECRET_ACCESS_KEY": "nope"}
    completed = subprocess.run(["aws", "--endpoint-url", server.endpoint, "kinesis", "list-streams"],
                               capture_output=True, text=True, env=wrong, timeout=60)
    assert completed.returncode != 0 and "InvalidSignatureException" in completed.stderr, completed.stderr


def test_wrong_secret_is_invalid_signature_with_the_canonical_request(server):
    error = error_of(lambda: client(server, "kinesis", (ADMIN[0], "wrong")).list_streams())
    assert error["code"] == "InvalidSignatureException" and error["status"] == 400, error
    assert error["message"].startswith(
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
        "Access Key and signing method. Consult the service documentation for details."), error
    assert "The Canonical String for this request should have been" in error["message"], error


def test_unknown_key_is_unrecognized_client(server):
    for service, call in [("kinesis", "list_streams"), ("firehose", "list_delivery_streams"),
                          ("kinesisanalytics", "list_applications"), ("kinesisvideo", "list_streams")]:
        error = error_of(lambda: getattr(client(server, service, ("AKIDNOBODY", "x")), call)())
        assert error["code"] == "UnrecognizedClientException", (service, error)
        assert error["message"] == "The security token included in the request is invalid.", (service, error)


def signed_headers(endpoint: str, body: bytes, target: str, moment: datetime.datetime, keys=ADMIN) -> dict:
    """SigV4 headers for a Kinesis JSON request signed at `moment` (botocore always signs with the current time)."""
    host = endpoint.split("://", 1)[1]
    amz_date = moment.strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    headers = {"content-type": "application/x-amz-json-1.1", "host": host, "x-amz-date": amz_date,
               "x-amz-target": target}
    names = sorted(headers)
    canonical = "\n".join(["POST", "/", "", *[f"{name}:{headers[name]}" for name in names], "", ";".join(names),
                           hashlib.sha256(body).hexdigest()])
    scope = f"{day}/{REGION}/kinesis/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + keys[1]).encode()
    for part in (day, REGION, "kinesis", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["authorization"] = (f"AWS4-HMAC-SHA256 Credential={keys[0]}/{scope}, SignedHeaders={';'.join(names)}, "
                                f"Signature={signature}")
    return headers


def test_stale_signature_is_refused_and_a_fresh_one_accepted(server):
    body = b"{}"
    now = datetime.datetime.now(datetime.timezone.utc)
    fresh = requests.post(server.endpoint, data=body, timeout=10,
                          headers=signed_headers(server.endpoint, body, "Kinesis_20131202.ListStreams", now))
    assert fresh.status_code == 200, fresh.text
    stale = requests.post(server.endpoint, data=body, timeout=10, headers=signed_headers(
        server.endpoint, body, "Kinesis_20131202.ListStreams", now - datetime.timedelta(minutes=10)))
    assert stale.status_code == 400, stale.text
    assert stale.json()["__type"].endswith("InvalidSignatureException"), stale.text
    assert stale.json()["message"].startswith("Signature expired: "), stale.text


def test_missing_signature_is_missing_authentication_token(server):
    unsigned = requests.post(server.endpoint, data=b"{}", timeout=10, headers={
        "content-type": "application/x-amz-json-1.1", "x-amz-target": "Kinesis_20131202.ListStreams"})
    assert unsigned.status_code in (400, 403), unsigned.text
    assert "MissingAuthenticationToken" in unsigned.json()["__type"], unsigned.text


def test_a_denying_policy_is_access_denied_and_stores_nothing(server):
    admin = client(server, "kinesis")
    reader = client(server, "kinesis", READER)
    locked = unique_name("locked")
    arn = create_stream(admin, locked)
    error = error_of(lambda: reader.put_record(StreamName=locked, Data=b"x", PartitionKey="k"))
    assert error["code"] == "AccessDeniedException", error
    assert error["message"] == (
        f"User: arn:aws:iam::{ACCOUNT}:user/{READER[0]} is not authorized to perform: kinesis:PutRecord on "
        f"resource: {arn} with an explicit deny in an identity-based policy"), error
    # Not allowed at all (no statement allows it): the implicit-deny wording.
    error = error_of(lambda: reader.delete_stream(StreamName=locked))
    assert error["code"] == "AccessDeniedException" and "because no identity-based policy allows" in error["message"]
    shard = admin.list_shards(StreamName=locked)["Shards"][0]["ShardId"]
    iterator = admin.get_shard_iterator(StreamName=locked, ShardId=shard,
                                        ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    assert admin.get_records(ShardIterator=iterator)["Records"] == []
    # The reader may put to a stream the Deny does not cover, and read it back.
    open_stream = unique_name("open")
    create_stream(admin, open_stream)
    reader.put_record(StreamName=open_stream, Data=b"hello", PartitionKey="k")
    shard = reader.list_shards(StreamName=open_stream)["Shards"][0]["ShardId"]
    iterator = reader.get_shard_iterator(StreamName=open_stream, ShardId=shard,
                                         ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    assert [record["Data"] for record in reader.get_records(ShardIterator=iterator)["Records"]] == [b"hello"]


def test_a_resource_policy_denies_what_the_identity_policy_allows(server):
    admin = client(server, "kinesis")
    name = unique_name("guarded")
    arn = create_stream(admin, name)
    admin.put_resource_policy(ResourceARN=arn, Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Principal": {"AWS": ACCOUNT}, "Action": "kinesis:PutRecord", "Resource": arn}]}))
    error = error_of(lambda: admin.put_record(StreamName=name, Data=b"x", PartitionKey="k"))
    assert error["code"] == "AccessDeniedException", error
    assert "with an explicit deny in a resource-based policy" in error["message"], error


def test_video_upload_is_signed_and_playback_tokens_cannot_be_forged(server, tmp_path):
    """`tributary video put` signs PutMedia with the caller's keys; unsigned or wrongly signed uploads are refused
    before any byte is stored; a session URL works, and the same URL with an edited token does not."""
    video = client(server, "kinesisvideo")
    name = unique_name("auth-cam")
    video.create_stream(StreamName=name, DataRetentionInHours=1)
    wait_until(lambda: video.describe_stream(StreamName=name)["StreamInfo"]["Status"] == "ACTIVE", 15,
               what="video stream ACTIVE")
    source = tmp_path / "source.mkv"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "3",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-bf", "0", "-g", "25", "-f", "matroska", "-live", "1",
                    "-cluster_time_limit", "10000", str(source)], check=True, timeout=60)
    command = [os.environ.get("TRIBUTARY_BIN", "tributary"), "video", "put", "--endpoint", server.endpoint,
               "--stream", name, str(source)]
    plain = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    unsigned = subprocess.run(command, capture_output=True, text=True, env=plain, timeout=60)
    assert unsigned.returncode == 1 and "MissingAuthenticationToken" in unsigned.stderr, unsigned.stderr
    wrong = subprocess.run(command, capture_output=True, text=True, timeout=60,
                           env={**plain, "AWS_ACCESS_KEY_ID": ADMIN[0], "AWS_SECRET_ACCESS_KEY": "wrong"})
    assert wrong.returncode == 1 and "InvalidSignatureException" in wrong.stderr, wrong.stderr
    archived = client(server, "kinesis-video-archived-media")
    assert archived.list_fragments(StreamName=name)["Fragments"] == []
    signed = subprocess.run(command, capture_output=True, text=True, timeout=60,
                            env={**plain, "AWS_ACCESS_KEY_ID": ADMIN[0], "AWS_SECRET_ACCESS_KEY": ADMIN[1]})
    assert signed.returncode == 0, signed.stderr
    assert len(archived.list_fragments(StreamName=name)["Fragments"]) == 3
    url = archived.get_hls_streaming_session_url(StreamName=name, PlaybackMode="ON_DEMAND", HLSFragmentSelector={
        "FragmentSelectorType": "PRODUCER_TIMESTAMP", "TimestampRange": {
            "StartTimestamp": datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1),
            "EndTimestamp": datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)}},
    )["HLSStreamingSessionURL"]
    assert requests.get(url, timeout=10).status_code == 200
    token = url.split("SessionToken=", 1)[1]
    forged = url.replace(token, reissued(token, maxFragmentResults=999))
    refused = requests.get(forged, timeout=10)
    assert refused.status_code == 400, refused.text
    assert refused.json()["message"] == "The SessionToken is not valid.", refused.text


def reissued(token: str, **changes) -> str:
    """The token's session with `changes`, re-encoded with a correct checksum but the original signature: what a
    caller could make without the server's key."""
    data = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    session = json.loads(data[1:-4])
    session.update(changes)
    body = data[:1] + json.dumps(session, sort_keys=True, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(body + zlib.crc32(body).to_bytes(4, "big")).decode().rstrip("=")
