"""Fixtures for the security tests: servers started with the flags a test needs."""

from __future__ import annotations

import contextlib

import pytest

from support import own_server


@pytest.fixture(scope="module")
def flagged_server(tmp_path_factory):
    """Factory: `flagged_server(*flags)` starts a server of its own with these extra `serve` flags; every server
    it started is stopped when the module's tests are done."""
    with contextlib.ExitStack() as servers:
        yield lambda *flags: servers.enter_context(own_server(tmp_path_factory, "security-server", extra_args=flags))
