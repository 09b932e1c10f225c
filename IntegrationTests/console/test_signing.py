"""The console's own SHA-256, HMAC and SigV4 code, run in Chromium, against Python's hashlib and botocore: the
same request signed at the same instant must carry the same Authorization header."""

from __future__ import annotations

import datetime
import hashlib
import hmac
from unittest import mock

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

MESSAGES = ["", "abc", "a" * 55, "a" * 56, "a" * 64, "a" * 1000, "żółw 🐢 stream"]


def run_module(console, script: str):
    """Runs `script` (an async function body with the console's modules importable) and returns its result."""
    return console.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"(async () => {{ {script} }})().then(done, (e) => done('error: ' + e));")


def test_sha256_and_hmac_match_hashlib(console):
    console.open("/streams")
    digests = run_module(console, f"""
        const m = await import('/console/js/sha256.js');
        return {MESSAGES!r}.map((t) => [m.hex(m.sha256(m.utf8(t))), m.hex(m.hmacSha256(m.utf8('key-' + t), m.utf8(t)))]);""")
    assert digests == [[hashlib.sha256(t.encode()).hexdigest(),
                        hmac.new(("key-" + t).encode(), t.encode(), "sha256").hexdigest()] for t in MESSAGES]


def test_sigv4_matches_botocore(console):
    console.open("/streams")
    moment = datetime.datetime(2026, 11, 29, 15, 4, 5, tzinfo=datetime.timezone.utc)
    body = '{"StreamName":"orders ü"}'
    cases = [("kinesis", "/", {"X-Amz-Target": "Kinesis_20131202.DescribeStreamSummary",
                               "Content-Type": "application/x-amz-json-1.1"}),
             ("kinesisvideo", "/listFragments", {"Content-Type": "application/json"})]
    for service, path, headers in cases:
        request = AWSRequest(method="POST", url=f"http://127.0.0.1:4567{path}", data=body.encode(),
                             headers=dict(headers))
        with mock.patch("botocore.auth.get_current_datetime", return_value=moment.replace(tzinfo=None)):
            SigV4Auth(Credentials("AKIDEXAMPLE", "secret/with+chars"), service, "eu-west-1").add_auth(request)
        lowered = {name.lower(): value for name, value in headers.items()}
        signed = run_module(console, f"""
            const {{ sign }} = await import('/console/js/sigv4.js');
            return sign({{ method: 'POST', path: {path!r}, headers: {{ ...{lowered!r}, host: '127.0.0.1:4567' }},
              body: {body!r}, service: {service!r}, region: 'eu-west-1', now: new Date({int(moment.timestamp() * 1000)}),
              credentials: {{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret/with+chars' }} }});""")
        assert signed["x-amz-date"] == request.headers["X-Amz-Date"]
        assert signed["authorization"] == request.headers["Authorization"], service
