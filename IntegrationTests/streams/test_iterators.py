"""Shard iterators are opaque, tamper-evident and tied to their stream.

Expiry (5 minutes in AWS) is too slow to wait for here and is not tested.
"""

from __future__ import annotations

from support import create_stream, delete_and_wait, iterator, unique_name, aws_error


def tamper(token: str, position: int) -> str:
    character = token[position]
    if character.isdigit():
        replacement = "0" if character != "0" else "1"
    elif character.isalpha():
        replacement = character.swapcase() if character.swapcase() != character else "A"
        if replacement == character:
            replacement = "B"
    else:
        replacement = "A"
    return token[:position] + replacement + token[position + 1:]


def test_iterator_shape(kinesis, stream):
    created = stream()
    token = iterator(kinesis, created.name, created.shard_ids[0])
    assert 1 <= len(token) <= 512
    assert kinesis.get_records(ShardIterator=token)["Records"] == []


def test_tampered_iterator_is_rejected(kinesis, stream):
    created = stream()
    kinesis.put_record(StreamName=created.name, Data=b"secret", PartitionKey="k")
    token = iterator(kinesis, created.name, created.shard_ids[0], "LATEST")
    assert kinesis.get_records(ShardIterator=token)["Records"] == []
    for position in {len(token) // 4, len(token) // 2, (3 * len(token)) // 4}:
        forged = tamper(token, position)
        assert forged != token
        with aws_error("InvalidArgumentException"):
            kinesis.get_records(ShardIterator=forged)
    truncated = token[: len(token) // 2]
    with aws_error("InvalidArgumentException"):
        kinesis.get_records(ShardIterator=truncated)


def test_iterator_of_deleted_stream_is_rejected(kinesis):
    name = unique_name("gone")
    created = create_stream(kinesis, name=name, shard_count=1)
    kinesis.put_record(StreamName=name, Data=b"old-stream-data", PartitionKey="k")
    token = iterator(kinesis, name, created.shard_ids[0])
    delete_and_wait(kinesis, name)
    with aws_error("ResourceNotFoundException"):
        kinesis.get_records(ShardIterator=token)

    # The same name again is a new stream: the old iterator must not read it.
    create_stream(kinesis, name=name, shard_count=1)
    try:
        kinesis.put_record(StreamName=name, Data=b"new-stream-data", PartitionKey="k")
        with aws_error(("ResourceNotFoundException", "InvalidArgumentException", "ExpiredIteratorException")):
            kinesis.get_records(ShardIterator=token)
        fresh = iterator(kinesis, name, created.shard_ids[0])
        assert [r["Data"] for r in kinesis.get_records(ShardIterator=fresh)["Records"]] == [b"new-stream-data"]
    finally:
        delete_and_wait(kinesis, name)


def test_iterator_is_reusable_and_positions_do_not_move(kinesis, stream):
    created = stream()
    kinesis.put_record(StreamName=created.name, Data=b"one", PartitionKey="k")
    token = iterator(kinesis, created.name, created.shard_ids[0])
    first = kinesis.get_records(ShardIterator=token)
    second = kinesis.get_records(ShardIterator=token)
    assert [r["Data"] for r in first["Records"]] == [b"one"]
    assert [r["SequenceNumber"] for r in second["Records"]] == [r["SequenceNumber"] for r in first["Records"]]
