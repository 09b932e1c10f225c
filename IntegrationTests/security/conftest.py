"""Fixtures for the security tests: servers started with the flags a test needs."""

from __future__ import annotations

import pytest

from support import FlaggedServerProcess


@pytest.fixture(scope="module")
def flagged_server(tmp_path_factory):
    """Factory: `flagged_server(*flags)` starts a server of its own with these extra `serve` flags; every server
    it started is stopped when the module's tests are done."""
    started = []

    def start(*flags: str) -> FlaggedServerProcess:
        base = tmp_path_factory.mktemp("security-server")
        process = FlaggedServerProcess(base / "data", log_path=base / "server.log", state_delay_ms=50,
                                       extra_args=list(flags))
        process.start()
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
