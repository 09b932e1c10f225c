"""HTTPS with HTTP/2 negotiated by ALPN (`--tls-cert`, `--tls-key`).

Each run makes its own certificate authority and a server certificate for 127.0.0.1 and localhost with openssl;
the clients trust that CA only. boto3 speaks HTTP/1.1 over TLS; httpx offers h2 and http/1.1 by ALPN and must
get HTTP/2, on which SubscribeToShard delivers its event stream as the AWS SDK for Java 2 receives it.
Plain HTTP (HTTP/1.1 and h2c) without TLS is what every other test folder exercises.
"""

from __future__ import annotations

import json
import ssl
import subprocess
from pathlib import Path

import boto3
import httpx
import pytest
from botocore.config import Config
from botocore.exceptions import SSLError

from support import (
    ACCESS_KEY, REGION, SECRET_KEY, Http2Subscription, Subscription, binary_path, create_stream, delete_and_wait,
    force_delete_and_wait, free_port, register_active_consumer, signed_headers,
)


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory) -> dict:
    """A test CA (ca.pem) and a server certificate and key it signed, for IP 127.0.0.1 and DNS localhost."""
    folder = tmp_path_factory.mktemp("tls")
    curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl("req", "-x509", *curve, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
            "-subj", "/CN=Tributary Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)
    openssl("req", *curve, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost", cwd=folder)
    (folder / "server.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid,issuer\nsubjectKeyIdentifier=hash\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "server.ext", cwd=folder)
    return {"ca": str(folder / "ca.pem"), "cert": str(folder / "server.pem"), "key": str(folder / "server.key")}


@pytest.fixture(scope="module")
def tls_server(flagged_server, certificates):
    return flagged_server("--tls-cert", certificates["cert"], "--tls-key", certificates["key"])


@pytest.fixture(scope="module")
def https_endpoint(tls_server) -> str:
    return f"https://127.0.0.1:{tls_server.port}"


def kinesis_client(endpoint: str, verify):
    return boto3.session.Session().client(
        "kinesis", region_name=REGION, endpoint_url=endpoint, verify=verify,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
        config=Config(retries={"max_attempts": 0}, connect_timeout=5, read_timeout=30))


@pytest.fixture(scope="module")
def kinesis_tls(https_endpoint, certificates):
    return kinesis_client(https_endpoint, certificates["ca"])


def test_boto3_trusting_the_test_ca_creates_puts_and_gets(kinesis_tls):
    stream = create_stream(kinesis_tls, shard_count=1)
    try:
        put = kinesis_tls.put_record(StreamName=stream.name, Data=b"over tls", PartitionKey="k")
        shard_iterator = kinesis_tls.get_shard_iterator(
            StreamName=stream.name, ShardId=put["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
        records = kinesis_tls.get_records(ShardIterator=shard_iterator)["Records"]
        assert [record["Data"] for record in records] == [b"over tls"]
        assert records[0]["SequenceNumber"] == put["SequenceNumber"]
    finally:
        delete_and_wait(kinesis_tls, stream.name)


def test_a_client_that_does_not_trust_the_ca_refuses_the_server(https_endpoint):
    with pytest.raises(SSLError):
        kinesis_client(https_endpoint, True).list_streams()


def list_streams_over(endpoint: str, ca: str, http2: bool) -> httpx.Response:
    body = b"{}"
    with httpx.Client(http1=not http2, http2=http2, verify=ssl.create_default_context(cafile=ca),
                      timeout=httpx.Timeout(15.0)) as client:
        response = client.post(endpoint + "/", content=body, headers=signed_headers(endpoint, "ListStreams", body))
        response.read()
        return response


def test_httpx_offering_h2_negotiates_http2(https_endpoint, certificates):
    response = list_streams_over(https_endpoint, certificates["ca"], http2=True)
    assert response.http_version == "HTTP/2"
    assert response.status_code == 200, response.text
    assert "StreamNames" in json.loads(response.text)


def test_a_client_offering_only_http1_gets_http1(https_endpoint, certificates):
    response = list_streams_over(https_endpoint, certificates["ca"], http2=False)
    assert response.http_version == "HTTP/1.1"
    assert response.status_code == 200, response.text


class TlsHttp2Subscription(Http2Subscription):
    """Http2Subscription over HTTPS: the same event-stream parsing, with a client trusting the test CA."""

    def __init__(self, endpoint: str, ca: str, consumer_arn: str, shard_id: str, starting_position: dict):
        from botocore.eventstream import EventStreamBuffer

        Subscription.__init__(self)
        body = json.dumps({"ConsumerARN": consumer_arn, "ShardId": shard_id,
                           "StartingPosition": starting_position}).encode()
        self.client = httpx.Client(http1=False, http2=True, verify=ssl.create_default_context(cafile=ca),
                                   timeout=httpx.Timeout(30.0, connect=5.0))
        request = self.client.build_request("POST", endpoint + "/", content=body,
                                            headers=signed_headers(endpoint, "SubscribeToShard", body))
        self.response = self.client.send(request, stream=True)
        self.status = self.response.status_code
        self.http_version = self.response.http_version
        self.content_type = self.response.headers.get("content-type", "")

        def pump():
            buffer = EventStreamBuffer()
            for chunk in self.response.iter_raw():
                buffer.add_data(chunk)
                for message in buffer:
                    self.events.put(self._event(message))
        self._start(pump)


def test_subscribe_to_shard_over_https_and_http2_receives_events(kinesis_tls, https_endpoint, certificates):
    stream = create_stream(kinesis_tls, shard_count=1)
    subscription = None
    try:
        kinesis_tls.put_record(StreamName=stream.name, Data=b"before", PartitionKey="k")
        consumer_arn = register_active_consumer(kinesis_tls, stream.arn)
        subscription = TlsHttp2Subscription(https_endpoint, certificates["ca"], consumer_arn, stream.shard_ids[0],
                                            {"Type": "TRIM_HORIZON"})
        assert subscription.status == 200
        assert subscription.http_version == "HTTP/2"
        assert subscription.content_type == "application/vnd.amazon.eventstream"
        first = subscription.next(10)
        assert first is not None and first.kind == "initial-response", first
        records, _ = subscription.collect_records(1, timeout_seconds=15)
        kinesis_tls.put_record(StreamName=stream.name, Data=b"after", PartitionKey="k")
        more, _ = subscription.collect_records(1, timeout_seconds=15)
        assert [record["Data"] for record in records + more] == [b"before", b"after"]
    finally:
        if subscription is not None:
            subscription.close()
        force_delete_and_wait(kinesis_tls, stream.name)


def test_serve_refuses_a_certificate_without_its_key(certificates, tmp_path):
    completed = subprocess.run(
        [str(binary_path()), "serve", "--port", str(free_port()), "--data-dir", str(tmp_path), "--tls-cert", certificates["cert"]],
        capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert completed.returncode != 0
    assert "--tls-cert and --tls-key together" in completed.stderr


def test_serve_refuses_a_key_that_is_not_a_key(certificates, tmp_path):
    completed = subprocess.run(
        [str(binary_path()), "serve", "--port", str(free_port()), "--data-dir", str(tmp_path),
         "--tls-cert", certificates["cert"], "--tls-key", certificates["ca"]],
        capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert completed.returncode != 0
    assert "cannot read the TLS private key" in completed.stdout + completed.stderr
