"""Fixtures for the Analytics (Kinesis Data Analytics for SQL) control-plane tests.

These tests get their own shared server (this `server` overrides the top-level one inside this folder, so the
top-level `server_stays_up` guards it), with a local-files object store under `--s3-root` so that DiscoverInputSchema
and reference data sources can read objects.
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from support import FlaggedServerProcess, create_stream, make_client, unique_name, wait_until

from .harness import ROLE_ARN, STATE_TIMEOUT_SECONDS, analytics_client, delete_application_and_wait, firehose_client


@pytest.fixture(scope="session")
def s3_root(tmp_path_factory):
    return tmp_path_factory.mktemp("analytics-s3-root")


@pytest.fixture(scope="session")
def server(tmp_path_factory, s3_root):
    """The shared Analytics server (overrides the top-level `server` in this folder)."""
    base = tmp_path_factory.mktemp("analytics-server")
    process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=50,
                                   extra_args=["--s3-root", str(s3_root)])
    process.start()
    yield process
    process.stop()


@pytest.fixture(scope="session")
def kinesis(server):
    """A kinesis client for the Analytics server (overrides the top-level one, which points at another server)."""
    return make_client(server.endpoint)


@pytest.fixture(scope="session")
def firehose(server):
    return firehose_client(server.endpoint)


@pytest.fixture(scope="session")
def analytics(server):
    return analytics_client(server.endpoint)


@pytest.fixture(scope="session")
def unvalidated_analytics(server):
    """An analytics client that sends what it is given, so that model violations reach the server."""
    return analytics_client(server.endpoint, validate=False)


@pytest.fixture
def data_stream(kinesis):
    """Factory: `data_stream(shard_count=1)` creates an ACTIVE data stream and returns its ARN."""
    def factory(shard_count: int = 1) -> str:
        return create_stream(kinesis, unique_name("ka-src"), shard_count=shard_count).arn
    return factory


@pytest.fixture
def delivery_stream(firehose, s3_root):
    """Factory: `delivery_stream()` creates an ACTIVE DirectPut delivery stream to the local object store and
    returns its ARN; every one made is deleted when the test ends."""
    created = []

    def factory() -> str:
        name = unique_name("ka-fh")
        created.append(name)
        answer = firehose.create_delivery_stream(
            DeliveryStreamName=name,
            ExtendedS3DestinationConfiguration={"RoleARN": ROLE_ARN, "BucketARN": "arn:aws:s3:::analytics-sink"})
        wait_until(lambda: firehose.describe_delivery_stream(DeliveryStreamName=name)
                   ["DeliveryStreamDescription"]["DeliveryStreamStatus"] == "ACTIVE",
                   STATE_TIMEOUT_SECONDS, what=f"delivery stream {name} ACTIVE")
        return answer["DeliveryStreamARN"]

    yield factory
    for name in created:
        try:
            firehose.delete_delivery_stream(DeliveryStreamName=name)
        except ClientError:
            pass


@pytest.fixture
def application(analytics):
    """Factory: `application(name=None, **CreateApplication params)` creates an application and returns its name;
    every one made is deleted when the test ends."""
    created = []

    def factory(name: str | None = None, **params) -> str:
        name = name or unique_name("ka-app")
        created.append(name)
        analytics.create_application(ApplicationName=name, **params)
        return name

    yield factory
    for name in created:
        delete_application_and_wait(analytics, name)
