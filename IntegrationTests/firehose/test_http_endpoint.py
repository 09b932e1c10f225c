"""HttpEndpointDestinationConfiguration against a real HTTPS listener (certificate from a test CA given to the server
with --trust-ca): requests follow AWS's "HTTP endpoint delivery request and response specifications" exactly, a
response that is not a 200 echoing the requestId is retried with the same request id for RetryOptions'
DurationInSeconds, and then the records are written to the S3Configuration bucket under the error prefix
(`http-endpoint-failed`)."""

from __future__ import annotations

import base64
import json
import time

import pytest

from support import unique_name, wait_until

from .harness import (
    ROLE_ARN, default_key_pattern, error_lines, read_objects, wait_for_keys, wait_for_records,
)

ACCESS_KEY = "endpoint-access-key-0123456789"
ERROR_PREFIX = "http-errors/!{firehose:error-output-type}/"
FAILED_PREFIX = "http-errors/http-endpoint-failed/"
ATTRIBUTES = [{"AttributeName": "team", "AttributeValue": "data"},
              {"AttributeName": "env", "AttributeValue": "test"}]


def http_destination(url: str, bucket, *, encoding: str = "NONE", retry_seconds: int = 10,
                     backup_mode: str = "FailedDataOnly") -> dict:
    return {
        "EndpointConfiguration": {"Url": url, "Name": "integration endpoint", "AccessKey": ACCESS_KEY},
        "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 1},
        "RequestConfiguration": {"ContentEncoding": encoding, "CommonAttributes": ATTRIBUTES},
        "RetryOptions": {"DurationInSeconds": retry_seconds},
        "RoleARN": ROLE_ARN,
        "S3BackupMode": backup_mode,
        "S3Configuration": {"RoleARN": ROLE_ARN, "BucketARN": bucket.arn, "Prefix": "http-backup/",
                            "ErrorOutputPrefix": ERROR_PREFIX,
                            "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 1}},
    }


def payloads_of(count: int, tag: str) -> list[bytes]:
    return [json.dumps({"tag": tag, "n": n}).encode() for n in range(count)]


def delivered_data(requests) -> list[bytes]:
    return [base64.b64decode(record["data"]) for request in requests for record in request.body["records"]]


def wait_requests(receiver, path: str, count: int = 1, timeout_seconds: float = 20):
    return wait_until(lambda: (found := receiver.received(path)) and len(found) >= count and found,
                      timeout_seconds, what=f"{count} request(s) to {path}")


@pytest.mark.parametrize("encoding", ["NONE", "GZIP"])
def test_requests_follow_the_delivery_specification(delivery_stream, firehose, bucket, https_receiver, encoding):
    path = f"/ok/{unique_name('spec')}?tenant=a&x=1"
    description = delivery_stream(HttpEndpointDestinationConfiguration=http_destination(
        https_receiver.url(path), bucket, encoding=encoding))
    name = description["DeliveryStreamName"]
    payloads = payloads_of(20, "spec")
    started = time.time()
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])
    wait_until(lambda: len(delivered_data(https_receiver.received(path))) >= 20, 20, what="20 records delivered")
    requests = https_receiver.received(path)
    assert delivered_data(requests) == payloads, "every record once, in put order"
    request_ids = set()
    for request in requests:
        headers = request.headers
        assert request.method == "POST" and request.path == path, "the URL is used as configured"
        assert headers["content-type"].split(";")[0].strip() == "application/json"
        assert headers["x-amz-firehose-protocol-version"] == "1.0"
        assert headers["x-amz-firehose-source-arn"] == description["DeliveryStreamARN"]
        assert headers["x-amz-firehose-access-key"] == ACCESS_KEY
        assert json.loads(headers["x-amz-firehose-common-attributes"]) == {
            "commonAttributes": {"team": "data", "env": "test"}}
        if encoding == "GZIP":
            assert headers.get("content-encoding") == "gzip"
        else:
            assert "content-encoding" not in headers, "no Content-Encoding header without compression"
        assert int(headers["content-length"]) == len(request.raw_body)
        body = request.body
        assert body is not None, f"body is not JSON: {request.raw_body[:100]!r}"
        assert set(body) == {"requestId", "timestamp", "records"}, body.keys()
        assert headers["x-amz-firehose-request-id"] == body["requestId"]
        assert isinstance(body["timestamp"], int)
        assert started * 1000 - 2000 <= body["timestamp"] <= time.time() * 1000 + 2000, "timestamp is epoch ms"
        assert all(set(record) == {"data"} for record in body["records"])
        request_ids.add(body["requestId"])
    assert len(request_ids) == len(requests), "each request has its own id"
    time.sleep(1.5)
    assert bucket.keys() == [], "FailedDataOnly: nothing is written to S3 when delivery succeeds"


def test_failing_endpoint_is_retried_then_records_go_to_the_error_output(delivery_stream, firehose, bucket,
                                                                         https_receiver):
    path = f"/fail/{unique_name('failing')}"
    name = delivery_stream(HttpEndpointDestinationConfiguration=http_destination(
        https_receiver.url(path), bucket, retry_seconds=3))["DeliveryStreamName"]
    payloads = payloads_of(6, "failing")
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])
    wait_for_keys(bucket, FAILED_PREFIX, timeout_seconds=30)
    attempts = https_receiver.received(path)
    assert len(attempts) >= 2, f"a failing endpoint is retried, saw {len(attempts)} attempt(s)"
    first_id = attempts[0].headers["x-amz-firehose-request-id"]
    assert all(item.headers["x-amz-firehose-request-id"] == first_id for item in attempts), (
        "the request id stays the same between attempts of the same request")
    assert all(delivered_data([item]) == payloads for item in attempts), "each attempt carries the same records"
    assert attempts[-1].at - attempts[0].at <= 3 + 6, "retries stop once DurationInSeconds has passed"

    objects = wait_for_records(bucket, 6, prefix=FAILED_PREFIX)
    failures = error_lines(objects)
    assert [base64.b64decode(doc["rawData"]) for doc in failures] == payloads
    for failure in failures:
        assert failure.get("errorCode") and failure.get("errorMessage"), failure
    count = len(https_receiver.received(path))
    time.sleep(1.5)
    assert len(https_receiver.received(path)) == count, "no more attempts once the records were written off"
    assert bucket.keys("http-backup/") == [], "FailedDataOnly writes only the failed records"


def test_a_response_with_another_request_id_counts_as_a_failure(delivery_stream, firehose, bucket, https_receiver):
    path = f"/wrong-id/{unique_name('wrong')}"
    name = delivery_stream(HttpEndpointDestinationConfiguration=http_destination(
        https_receiver.url(path), bucket, retry_seconds=2))["DeliveryStreamName"]
    payloads = payloads_of(3, "wrong-id")
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])
    objects = wait_for_records(bucket, 3, prefix=FAILED_PREFIX, timeout_seconds=30)
    assert [base64.b64decode(doc["rawData"]) for doc in error_lines(objects)] == payloads
    assert len(https_receiver.received(path)) >= 2, "the mismatched answer was retried"


def test_an_endpoint_that_recovers_gets_the_records_once(delivery_stream, firehose, bucket, https_receiver):
    path = f"/flaky/{unique_name('flaky')}"
    name = delivery_stream(HttpEndpointDestinationConfiguration=http_destination(
        https_receiver.url(path), bucket, retry_seconds=60))["DeliveryStreamName"]
    payloads = payloads_of(4, "flaky")
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])
    attempts = wait_requests(https_receiver, path, count=3, timeout_seconds=40)
    assert len({item.headers["x-amz-firehose-request-id"] for item in attempts}) == 1
    assert delivered_data(attempts[-1:]) == payloads
    time.sleep(1.5)
    assert bucket.keys() == [], "a delivery that succeeded within the retry window writes no error output"


def test_an_untrusted_certificate_is_refused(delivery_stream, firehose, bucket, untrusted_receiver):
    path = f"/ok/{unique_name('untrusted')}"
    name = delivery_stream(HttpEndpointDestinationConfiguration=http_destination(
        untrusted_receiver.url(path), bucket, retry_seconds=2))["DeliveryStreamName"]
    payloads = payloads_of(2, "untrusted")
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])
    objects = wait_for_records(bucket, 2, prefix=FAILED_PREFIX, timeout_seconds=30)
    assert [base64.b64decode(doc["rawData"]) for doc in error_lines(objects)] == payloads
    assert untrusted_receiver.received(path) == [], "no request may be sent over a TLS session that failed to verify"


def test_all_data_backup_writes_every_record_to_s3_too(delivery_stream, firehose, bucket, https_receiver):
    path = f"/ok/{unique_name('all-data')}"
    name = delivery_stream(HttpEndpointDestinationConfiguration=http_destination(
        https_receiver.url(path), bucket, backup_mode="AllData"))["DeliveryStreamName"]
    payloads = [data + b"\n" for data in payloads_of(5, "all-data")]
    firehose.put_record_batch(DeliveryStreamName=name, Records=[{"Data": data} for data in payloads])
    objects = wait_for_records(bucket, 5, prefix="http-backup/")
    assert [line + b"\n" for item in objects for line in item.records] == payloads
    for item in objects:
        assert default_key_pattern(name, prefix="http-backup/").match(item.key), item.key
    wait_until(lambda: len(delivered_data(https_receiver.received(path))) >= 5, 20, what="endpoint delivery")
    assert bucket.keys(FAILED_PREFIX) == []
    assert read_objects(bucket, "http-errors/") == []


def test_update_destination_moves_delivery_to_the_new_url(delivery_stream, firehose, bucket, https_receiver):
    first, second = f"/ok/{unique_name('before')}", f"/ok/{unique_name('after')}"
    description = delivery_stream(HttpEndpointDestinationConfiguration=http_destination(
        https_receiver.url(first), bucket))
    name = description["DeliveryStreamName"]
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"one"})
    wait_requests(https_receiver, first)
    firehose.update_destination(
        DeliveryStreamName=name, CurrentDeliveryStreamVersionId=description["VersionId"],
        DestinationId=description["Destinations"][0]["DestinationId"],
        HttpEndpointDestinationUpdate={"EndpointConfiguration": {"Url": https_receiver.url(second),
                                                                 "AccessKey": ACCESS_KEY}})
    wait_until(lambda: firehose.describe_delivery_stream(DeliveryStreamName=name)["DeliveryStreamDescription"][
        "DeliveryStreamStatus"] == "ACTIVE", 10, what="ACTIVE")
    firehose.put_record(DeliveryStreamName=name, Record={"Data": b"two"})
    requests = wait_requests(https_receiver, second)
    assert delivered_data(requests) == [b"two"]
    assert delivered_data(https_receiver.received(first)) == [b"one"]
