"""Fixtures for the Tributary integration tests: a live server, a boto3 client, the aws CLI and stream factories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import (  # noqa: E402
    ACCESS_KEY, REGION, SECRET_KEY, AwsCliError, ServerProcess, create_stream, delete_and_wait, make_client,
)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The shared server, with a 50 ms CREATING/DELETING delay."""
    base = tmp_path_factory.mktemp("tributary")
    process = ServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=50)
    process.start()
    yield process
    process.stop()


@pytest.fixture(autouse=True)
def server_stays_up(server):
    """Fails the test during which the shared server died, and restarts it so that later tests still run."""
    if not server.is_running():
        server.start()
    yield
    if not server.is_running():
        code = server.process.returncode if server.process else None
        pytest.fail(f"the shared server died during this test (exit {code}); log tail:\n{server.log_tail()}")


@pytest.fixture(scope="session")
def kinesis(server):
    return make_client(server.endpoint)


def cli_environment() -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update({
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_MAX_ATTEMPTS": "1",
        "AWS_RETRY_MODE": "standard",
        "AWS_PAGER": "",
    })
    return env


@pytest.fixture(scope="session")
def aws_cli(server):
    """Runs `aws kinesis ARGS` against the server; returns parsed JSON (None for empty output).

    Raises AwsCliError (with .stderr) when the CLI exits non-zero.
    """
    def run(*args: str, timeout: float = 60):
        command = ["aws", "--endpoint-url", server.endpoint, "--region", REGION, "--output", "json",
                   "kinesis", *args]
        completed = subprocess.run(command, capture_output=True, text=True, env=cli_environment(),
                                   timeout=timeout, stdin=subprocess.DEVNULL)
        if completed.returncode != 0:
            raise AwsCliError(completed.returncode, completed.stdout, completed.stderr)
        output = completed.stdout.strip()
        return json.loads(output) if output else None
    return run


@pytest.fixture
def stream(kinesis):
    """Factory: `stream(shard_count=1, mode=None, name=None, tags=None)` creates a uniquely named ACTIVE stream.

    Every stream it made is deleted (and waited gone) when the test ends.
    """
    created = []

    def factory(shard_count: int | None = 1, mode: str | None = None, name: str | None = None,
                tags: dict | None = None):
        info = create_stream(kinesis, name=name, shard_count=shard_count, mode=mode, tags=tags)
        created.append(info.name)
        return info

    yield factory
    for name in created:
        delete_and_wait(kinesis, name)
