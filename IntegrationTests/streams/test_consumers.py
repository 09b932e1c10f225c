"""Enhanced fan-out consumers: RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers,
DeregisterStreamConsumer, and how DeleteStream treats a stream that has consumers.

AWS semantics: a consumer's ARN is the stream ARN + "/consumer/<name>:<creation epoch seconds>"; it is
CREATING, then ACTIVE; names are unique per stream (ResourceInUseException), at most 20 per stream
(LimitExceededException); DeleteStream refuses a stream with consumers unless EnforceConsumerDeletion.
"""

from __future__ import annotations

import re

import pytest

from support import (
    aws_error, consumer_stream_factory, create_stream, make_client, register_active_consumer, stream_status, unique_name,
    wait_consumer_active, wait_gone, wait_until,
)

CONSUMER_ARN_PATTERN = r"^arn:aws:kinesis:us-east-1:000000000000:stream/(?P<stream>[^/]+)/consumer/(?P<name>[^:]+):(?P<epoch>\d+)$"


@pytest.fixture
def stream(kinesis):
    """Overrides the shared factory: these streams have consumers, so they are deleted with
    EnforceConsumerDeletion."""
    with consumer_stream_factory(kinesis) as factory:
        yield factory


def consumer_gone(kinesis, arn: str) -> bool:
    try:
        kinesis.describe_stream_consumer(ConsumerARN=arn)
    except kinesis.exceptions.ResourceNotFoundException:
        return True
    return False


def test_register_consumer_answer_and_arn(kinesis, stream):
    created = stream()
    name = unique_name("cons")
    answer = kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName=name)
    consumer = answer["Consumer"]
    assert consumer["ConsumerName"] == name
    assert consumer["ConsumerStatus"] in ("CREATING", "ACTIVE")
    match = re.match(CONSUMER_ARN_PATTERN, consumer["ConsumerARN"])
    assert match, consumer["ConsumerARN"]
    assert match["stream"] == created.name
    assert match["name"] == name
    assert consumer["ConsumerARN"].startswith(created.arn + "/consumer/")
    assert int(match["epoch"]) == int(consumer["ConsumerCreationTimestamp"].timestamp())

    description = wait_consumer_active(kinesis, consumer["ConsumerARN"])
    assert description["ConsumerName"] == name
    assert description["ConsumerARN"] == consumer["ConsumerARN"]
    assert description["StreamARN"] == created.arn
    assert description["ConsumerCreationTimestamp"] == consumer["ConsumerCreationTimestamp"]

    # Described by stream ARN + name, too.
    by_name = kinesis.describe_stream_consumer(StreamARN=created.arn, ConsumerName=name)["ConsumerDescription"]
    assert by_name == description
    summary = kinesis.describe_stream_summary(StreamName=created.name)["StreamDescriptionSummary"]
    assert summary["ConsumerCount"] == 1


def test_consumer_is_creating_first_on_a_slow_server(tmp_path):
    from support import ServerProcess
    process = ServerProcess(tmp_path / "data", log_path=tmp_path / "server.log", state_delay_ms=1500)
    process.start()
    try:
        client = make_client(process.endpoint)
        created = create_stream(client, shard_count=1)
        consumer = client.register_stream_consumer(StreamARN=created.arn, ConsumerName="slow")["Consumer"]
        assert consumer["ConsumerStatus"] == "CREATING"
        described = client.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])["ConsumerDescription"]
        assert described["ConsumerStatus"] == "CREATING"
        wait_consumer_active(client, consumer["ConsumerARN"])
        client.deregister_stream_consumer(ConsumerARN=consumer["ConsumerARN"])
        described = client.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])["ConsumerDescription"]
        assert described["ConsumerStatus"] == "DELETING"
        wait_until(lambda: consumer_gone(client, consumer["ConsumerARN"]), 15, what="consumer deleted")
    finally:
        process.kill9()     # a throwaway server


def test_duplicate_consumer_name_is_in_use(kinesis, stream):
    created = stream()
    kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName="dup")
    with aws_error("ResourceInUseException"):
        kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName="dup")
    # The same name on another stream is a different consumer.
    other = stream()
    arn = kinesis.register_stream_consumer(StreamARN=other.arn, ConsumerName="dup")["Consumer"]["ConsumerARN"]
    assert arn.startswith(other.arn + "/consumer/dup:")


def test_at_most_twenty_consumers_per_stream(kinesis, stream):
    created = stream()
    for index in range(20):
        kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName=f"c{index:02d}")
    with aws_error("LimitExceededException"):
        kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName="c20")
    listed = kinesis.list_stream_consumers(StreamARN=created.arn)["Consumers"]
    assert sorted(c["ConsumerName"] for c in listed) == [f"c{i:02d}" for i in range(20)]
    # Another stream has its own allowance.
    other = stream()
    kinesis.register_stream_consumer(StreamARN=other.arn, ConsumerName="c20")


def test_list_stream_consumers_paging(kinesis, stream):
    created = stream()
    names = [f"page{i}" for i in range(7)]
    arns = {}
    for name in names:
        arns[name] = kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName=name)["Consumer"]["ConsumerARN"]
    first = kinesis.list_stream_consumers(StreamARN=created.arn, MaxResults=3)
    assert len(first["Consumers"]) == 3
    assert first.get("NextToken")
    collected = list(first["Consumers"])
    token = first["NextToken"]
    for _ in range(10):
        page = kinesis.list_stream_consumers(StreamARN=created.arn, NextToken=token, MaxResults=3)
        assert len(page["Consumers"]) <= 3
        collected += page["Consumers"]
        token = page.get("NextToken")
        if not token:
            break
    assert sorted(c["ConsumerName"] for c in collected) == sorted(names)
    for consumer in collected:
        assert consumer["ConsumerARN"] == arns[consumer["ConsumerName"]]
        assert consumer["ConsumerStatus"] in ("CREATING", "ACTIVE")
        assert "ConsumerCreationTimestamp" in consumer
    everything = kinesis.list_stream_consumers(StreamARN=created.arn)
    assert len(everything["Consumers"]) == 7
    assert not everything.get("NextToken")


def test_list_consumers_of_a_stream_without_consumers(kinesis, stream):
    created = stream()
    assert kinesis.list_stream_consumers(StreamARN=created.arn)["Consumers"] == []


def test_deregister_by_arn_and_by_name(kinesis, stream):
    created = stream()
    first = register_active_consumer(kinesis, created.arn, "first")
    second = register_active_consumer(kinesis, created.arn, "second")
    kinesis.deregister_stream_consumer(ConsumerARN=first)
    wait_until(lambda: consumer_gone(kinesis, first), 15, what="first consumer deleted")
    kinesis.deregister_stream_consumer(StreamARN=created.arn, ConsumerName="second")
    wait_until(lambda: consumer_gone(kinesis, second), 15, what="second consumer deleted")
    assert kinesis.list_stream_consumers(StreamARN=created.arn)["Consumers"] == []
    summary = kinesis.describe_stream_summary(StreamName=created.name)["StreamDescriptionSummary"]
    assert summary.get("ConsumerCount", 0) == 0
    # The name can be registered again, with a new ARN once a second has passed.
    again = kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName="first")["Consumer"]
    assert again["ConsumerName"] == "first"


def test_unknown_consumers_and_streams_are_not_found(kinesis, stream):
    created = stream()
    missing_arn = f"{created.arn}/consumer/nobody:1700000000"
    with aws_error("ResourceNotFoundException"):
        kinesis.describe_stream_consumer(ConsumerARN=missing_arn)
    with aws_error("ResourceNotFoundException"):
        kinesis.describe_stream_consumer(StreamARN=created.arn, ConsumerName="nobody")
    with aws_error("ResourceNotFoundException"):
        kinesis.deregister_stream_consumer(ConsumerARN=missing_arn)
    missing_stream = created.arn.replace(created.name, unique_name("missing"))
    with aws_error("ResourceNotFoundException"):
        kinesis.register_stream_consumer(StreamARN=missing_stream, ConsumerName="c")
    with aws_error("ResourceNotFoundException"):
        kinesis.list_stream_consumers(StreamARN=missing_stream)


def test_describe_consumer_needs_arn_or_stream_and_name(kinesis, stream):
    created = stream()
    kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName="c")
    with aws_error(("InvalidArgumentException", "ValidationException")):
        kinesis.describe_stream_consumer(ConsumerName="c")
    with aws_error(("InvalidArgumentException", "ValidationException")):
        kinesis.describe_stream_consumer(StreamARN=created.arn)


def test_delete_stream_with_consumers_needs_enforce_consumer_deletion(kinesis):
    created = create_stream(kinesis, shard_count=1)
    arn = register_active_consumer(kinesis, created.arn, "holder")
    try:
        with aws_error("ResourceInUseException"):
            kinesis.delete_stream(StreamName=created.name)
        assert stream_status(kinesis, created.name) == "ACTIVE"
        with aws_error("ResourceInUseException"):
            kinesis.delete_stream(StreamName=created.name, EnforceConsumerDeletion=False)
        kinesis.delete_stream(StreamName=created.name, EnforceConsumerDeletion=True)
        wait_gone(kinesis, created.name)
        with aws_error("ResourceNotFoundException"):
            kinesis.describe_stream_consumer(ConsumerARN=arn)
        # A new stream with the same name starts without consumers.
        recreated = create_stream(kinesis, name=created.name, shard_count=1)
        assert kinesis.list_stream_consumers(StreamARN=recreated.arn)["Consumers"] == []
    finally:
        kinesis.delete_stream(StreamName=created.name, EnforceConsumerDeletion=True)
        wait_gone(kinesis, created.name)


def test_consumers_survive_restart(server, kinesis, stream):
    created = stream()
    arn = register_active_consumer(kinesis, created.arn, "durable")
    server.restart()
    description = wait_consumer_active(kinesis, arn)
    assert description["ConsumerName"] == "durable"
    assert description["StreamARN"] == created.arn
    with aws_error("ResourceInUseException"):
        kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName="durable")


def test_consumer_tags(kinesis, stream):
    """Tags given at registration are the consumer's, seen through ListTagsForResource on its ARN."""
    created = stream()
    arn = kinesis.register_stream_consumer(StreamARN=created.arn, ConsumerName="tagged",
                                           Tags={"team": "ingest"})["Consumer"]["ConsumerARN"]
    wait_consumer_active(kinesis, arn)
    assert kinesis.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"Key": "team", "Value": "ingest"}]
    kinesis.tag_resource(ResourceARN=arn, Tags={"env": "test"})
    tags = kinesis.list_tags_for_resource(ResourceARN=arn)["Tags"]
    assert sorted((t["Key"], t["Value"]) for t in tags) == [("env", "test"), ("team", "ingest")]
    # The stream's own tags are separate.
    assert kinesis.list_tags_for_stream(StreamName=created.name)["Tags"] == []
