"""Fixtures for the Firehose tests.

The Firehose tests get their own shared server (this `server` overrides the top-level one inside this folder, so the
top-level `server_stays_up` guards it): local-files destinations under its own `--s3-root`, Lambda processors sent to
a stand-in over `--transform-url`, and a test CA trusted for HTTPS endpoints with `--trust-ca`. Tests that kill,
restart or re-point the server (crash, data stream source, moto's S3) start their own server processes.
"""

from __future__ import annotations

import pytest

from support import FlaggedServerProcess, make_client, unique_name

from .harness import LocalBucket, create_delivery_stream, delete_delivery_stream_and_wait, firehose_client
from .listeners import HttpsReceiver, LambdaStub, make_certificates


@pytest.fixture(scope="session")
def certificates(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("firehose-tls"))


@pytest.fixture(scope="session")
def lambda_stub():
    stub = LambdaStub()
    stub.start()
    yield stub
    stub.stop()


@pytest.fixture(scope="session")
def https_receiver(certificates):
    """The HTTPS endpoint destination, with a certificate signed by the CA the server trusts."""
    receiver = HttpsReceiver(certificates.server_pem, certificates.server_key)
    receiver.start()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="session")
def untrusted_receiver(certificates):
    """An HTTPS endpoint whose self-signed certificate the server must refuse."""
    receiver = HttpsReceiver(certificates.untrusted_pem, certificates.untrusted_key)
    receiver.start()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="session")
def s3_root(tmp_path_factory):
    return tmp_path_factory.mktemp("firehose-s3-root")


@pytest.fixture(scope="session")
def server(tmp_path_factory, s3_root, lambda_stub, certificates):
    """The shared Firehose server (overrides the top-level `server` in this folder)."""
    base = tmp_path_factory.mktemp("firehose-server")
    process = FlaggedServerProcess(
        base / "data", log_path=base / "server.log", state_delay_ms=50,
        extra_args=["--s3-root", str(s3_root), "--transform-url", lambda_stub.url,
                    "--trust-ca", str(certificates.ca_pem)],
    )
    process.start()
    yield process
    process.stop()


@pytest.fixture(scope="session")
def kinesis(server):
    """A kinesis client for the Firehose server (overrides the top-level one, which points at another server)."""
    return make_client(server.endpoint)


@pytest.fixture(scope="session")
def firehose(server):
    return firehose_client(server.endpoint)


@pytest.fixture(scope="session")
def unvalidated_firehose(server):
    """A firehose client that sends what it is given, so that model violations reach the server."""
    return firehose_client(server.endpoint, validate=False)


@pytest.fixture
def delivery_stream(firehose):
    """Factory: `delivery_stream(name=None, **CreateDeliveryStream params)` creates an ACTIVE delivery stream and
    returns its description; every one made is deleted when the test ends."""
    created = []

    def factory(name: str | None = None, **params):
        name = name or unique_name("fh")
        created.append(name)
        return create_delivery_stream(firehose, name, **params)

    yield factory
    for name in created:
        delete_delivery_stream_and_wait(firehose, name)


@pytest.fixture
def bucket(s3_root):
    """A fresh, uniquely named bucket of the shared server's local-files destination."""
    return LocalBucket(s3_root, unique_name("bucket"))
