"""Server-side encryption: StartStreamEncryption / StopStreamEncryption and records encrypted at rest.

AWS semantics: StartStreamEncryption(EncryptionType=KMS, KeyId=...) puts the stream in UPDATING, then ACTIVE
with EncryptionType KMS and the KeyId in DescribeStream(Summary). Records written after that are encrypted
(PutRecord/PutRecords/GetRecords answer EncryptionType KMS for them); earlier records stay as they were.
StopStreamEncryption returns the stream to NONE. Here the server keeps the keys in a local keyring, so a
record written while encrypted must not appear in plaintext anywhere under the data directory.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from support import (
    ServerProcess, aws_error, create_stream, delete_and_wait, iterator, list_all_shards, make_client,
    raw_call, read_from, stream_status, unique_name, wait_active,
)

KEY_UUID = "12345678-1234-1234-1234-123456789012"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("tributary-encryption")
    process = ServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=50)
    process.start()
    yield process
    process.kill9()


@pytest.fixture(scope="module")
def client(own_server):
    return make_client(own_server.endpoint)


@pytest.fixture(autouse=True)
def own_server_up(own_server):
    if not own_server.is_running():
        own_server.start()
    yield


def files_containing(root: Path, needle: bytes) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            try:
                if needle in path.read_bytes():
                    found.append(path)
            except OSError:
                pass
    return found


def marker(label: str) -> bytes:
    return f"TRIBUTARY-PLAINTEXT-{label}-{uuid.uuid4().hex}".encode()


def read_all(client, name: str, shard_id: str) -> list[dict]:
    return read_from(client, iterator(client, name, shard_id))[0]


def start_encryption(client, name: str, key_id: str = "alias/aws/kinesis") -> dict:
    client.start_stream_encryption(StreamName=name, EncryptionType="KMS", KeyId=key_id)
    return wait_active(client, name)


def test_records_written_after_start_are_encrypted_at_rest(own_server, client):
    created = create_stream(client, shard_count=1)
    shard = created.shard_ids[0]
    try:
        before = marker("before")
        answer = client.put_record(StreamName=created.name, Data=before, PartitionKey="k")
        assert answer.get("EncryptionType", "NONE") == "NONE"
        assert files_containing(own_server.data_dir, before), "positive control: plaintext record not found on disk"

        client.start_stream_encryption(StreamName=created.name, EncryptionType="KMS", KeyId="alias/aws/kinesis")
        summary = wait_active(client, created.name)
        assert summary["EncryptionType"] == "KMS"
        assert summary["KeyId"] == "alias/aws/kinesis"
        described = client.describe_stream(StreamName=created.name)["StreamDescription"]
        assert described["EncryptionType"] == "KMS"
        assert described["KeyId"] == "alias/aws/kinesis"

        single = marker("single")
        batch = [marker(f"batch{i}") for i in range(3)]
        put = client.put_record(StreamName=created.name, Data=single, PartitionKey="k")
        assert put["EncryptionType"] == "KMS"
        puts = client.put_records(StreamName=created.name, Records=[{"Data": d, "PartitionKey": "k"} for d in batch])
        assert puts["FailedRecordCount"] == 0
        assert puts["EncryptionType"] == "KMS"

        for secret in [single] + batch:
            assert not files_containing(own_server.data_dir, secret), f"{secret!r} stored in plaintext"
        assert files_containing(own_server.data_dir, before), "the record from before encryption was rewritten?"

        records = read_all(client, created.name, shard)
        assert [r["Data"] for r in records] == [before, single] + batch
        assert [r.get("EncryptionType", "NONE") for r in records] == ["NONE", "KMS", "KMS", "KMS", "KMS"]

        # After a clean restart, still plaintext to readers and still ciphertext on disk.
        own_server.restart()
        summary = wait_active(client, created.name)
        assert summary["EncryptionType"] == "KMS"
        records = read_all(client, created.name, shard)
        assert [r["Data"] for r in records] == [before, single] + batch
        for secret in [single] + batch:
            assert not files_containing(own_server.data_dir, secret), f"{secret!r} in plaintext after restart"
        after_restart = marker("after-restart")
        assert client.put_record(StreamName=created.name, Data=after_restart, PartitionKey="k")["EncryptionType"] == "KMS"
        assert not files_containing(own_server.data_dir, after_restart)

        # Stop: back to NONE, new records plaintext again, old ones still readable.
        client.stop_stream_encryption(StreamName=created.name, EncryptionType="KMS", KeyId="alias/aws/kinesis")
        summary = wait_active(client, created.name)
        assert summary.get("EncryptionType", "NONE") == "NONE"
        plain_again = marker("plain-again")
        answer = client.put_record(StreamName=created.name, Data=plain_again, PartitionKey="k")
        assert answer.get("EncryptionType", "NONE") == "NONE"
        assert files_containing(own_server.data_dir, plain_again)
        records = read_all(client, created.name, shard)
        assert [r["Data"] for r in records] == [before, single] + batch + [after_restart, plain_again]
        assert [r.get("EncryptionType", "NONE") for r in records] == ["NONE"] + ["KMS"] * 5 + ["NONE"]
    finally:
        delete_and_wait(client, created.name)


def test_encrypted_records_survive_kill9(own_server, client):
    created = create_stream(client, shard_count=2)
    try:
        start_encryption(client, created.name, "alias/my-key")
        secrets = [marker(f"kill{i}") for i in range(10)]
        answers = [client.put_record(StreamName=created.name, Data=s, PartitionKey=f"k{i}")
                   for i, s in enumerate(secrets)]
        own_server.kill9()
        own_server.start()
        wait_active(client, created.name)
        stored = {}
        for shard in list_all_shards(client, created.name):
            for record in read_all(client, created.name, shard["ShardId"]):
                stored[record["SequenceNumber"]] = record["Data"]
        assert stored == {a["SequenceNumber"]: s for a, s in zip(answers, secrets)}
        for secret in secrets:
            assert not files_containing(own_server.data_dir, secret)
    finally:
        delete_and_wait(client, created.name)


@pytest.mark.parametrize("key_id", [
    "alias/aws/kinesis",
    "alias/MyAliasName",
    KEY_UUID,
    f"arn:aws:kms:us-east-1:000000000000:key/{KEY_UUID}",
    "arn:aws:kms:us-east-1:000000000000:alias/MyAliasName",
])
def test_key_id_forms_are_accepted_and_reported(client, key_id):
    created = create_stream(client, shard_count=1)
    try:
        summary = start_encryption(client, created.name, key_id)
        assert summary["EncryptionType"] == "KMS"
        assert summary["KeyId"] == key_id
        data = marker("key")
        client.put_record(StreamName=created.name, Data=data, PartitionKey="k")
        assert [r["Data"] for r in read_all(client, created.name, created.shard_ids[0])] == [data]
    finally:
        delete_and_wait(client, created.name)


def test_start_encryption_goes_updating(tmp_path):
    process = ServerProcess(tmp_path / "data", log_path=tmp_path / "server.log", state_delay_ms=1500)
    process.start()
    try:
        slow = make_client(process.endpoint)
        created = create_stream(slow, shard_count=1)
        slow.start_stream_encryption(StreamName=created.name, EncryptionType="KMS", KeyId="alias/aws/kinesis")
        assert stream_status(slow, created.name) == "UPDATING"
        with aws_error("ResourceInUseException"):
            slow.start_stream_encryption(StreamName=created.name, EncryptionType="KMS", KeyId="alias/aws/kinesis")
        summary = wait_active(slow, created.name)
        assert summary["EncryptionType"] == "KMS"
    finally:
        process.kill9()     # a throwaway server


def test_encryption_argument_errors(own_server, client):
    created = create_stream(client, shard_count=1)
    try:
        with aws_error("ResourceNotFoundException"):
            client.start_stream_encryption(StreamName=unique_name("missing"), EncryptionType="KMS",
                                           KeyId="alias/aws/kinesis")
        # The only valid EncryptionType is KMS.
        response = raw_call(own_server.endpoint, "StartStreamEncryption",
                            {"StreamName": created.name, "EncryptionType": "NONE", "KeyId": "alias/aws/kinesis"})
        assert response.status == 400
        assert response.error_code in ("InvalidArgumentException", "ValidationException"), response.text
        response = raw_call(own_server.endpoint, "StartStreamEncryption",
                            {"StreamName": created.name, "EncryptionType": "AES", "KeyId": "alias/aws/kinesis"})
        assert response.status == 400
        assert response.error_code in ("InvalidArgumentException", "ValidationException"), response.text
        response = raw_call(own_server.endpoint, "StartStreamEncryption",
                            {"StreamName": created.name, "EncryptionType": "KMS"})
        assert response.status == 400
        assert response.error_code in ("InvalidArgumentException", "ValidationException"), response.text
        summary = client.describe_stream_summary(StreamName=created.name)["StreamDescriptionSummary"]
        assert summary.get("EncryptionType", "NONE") == "NONE"
        assert summary["StreamStatus"] == "ACTIVE"
    finally:
        delete_and_wait(client, created.name)


def test_encrypted_and_plain_streams_side_by_side(own_server, client):
    plain = create_stream(client, shard_count=1)
    secret = create_stream(client, shard_count=1)
    try:
        start_encryption(client, secret.name)
        plain_marker, secret_marker = marker("plainstream"), marker("secretstream")
        client.put_record(StreamName=plain.name, Data=plain_marker, PartitionKey="k")
        client.put_record(StreamName=secret.name, Data=secret_marker, PartitionKey="k")
        assert files_containing(own_server.data_dir, plain_marker)
        assert not files_containing(own_server.data_dir, secret_marker)
        assert client.describe_stream_summary(StreamName=plain.name)["StreamDescriptionSummary"].get(
            "EncryptionType", "NONE") == "NONE"
    finally:
        delete_and_wait(client, plain.name)
        delete_and_wait(client, secret.name)


def test_a_refused_start_leaves_no_key_behind(own_server, client):
    """StartStreamEncryption on a stream that does not exist is refused, and the keyring gains nothing."""
    keyring = own_server.data_dir / "meta" / "keyring"
    before = sorted(p.name for p in keyring.iterdir()) if keyring.exists() else []
    with aws_error("ResourceNotFoundException"):
        client.start_stream_encryption(StreamName=unique_name("missing"), EncryptionType="KMS",
                                       KeyId="alias/never-used-" + uuid.uuid4().hex)
    after = sorted(p.name for p in keyring.iterdir()) if keyring.exists() else []
    assert after == before
