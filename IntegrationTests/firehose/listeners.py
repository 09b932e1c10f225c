"""Real listeners the server talks to: a Lambda stand-in behind `--transform-url` and an HTTPS endpoint
destination with a certificate made by a test CA (the `openssl` CLI), both plain Python `http.server`s.
"""

from __future__ import annotations

import base64
import gzip
import json
import ssl
import subprocess
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from support import free_port

LAMBDA_ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:"


def lambda_arn(function: str) -> str:
    return LAMBDA_ARN_PREFIX + function


def transform_response(event: dict, function: str) -> tuple[int, dict]:
    """What the stand-in function answers for an event: each record's JSON says what to do with it.

    {"action": "drop"} -> Dropped, {"action": "fail"} -> ProcessingFailed, anything else -> Ok with the record
    re-serialized with "transformed": true and a newline, and partitionKeys {"tenant": ...} when it has a tenant.
    Records that are not JSON pass through unchanged (Ok). The function "broken" answers HTTP 500; the function
    "forgetful" answers without any record.
    """
    if function == "broken":
        return 500, {"errorMessage": "the function failed on purpose", "errorType": "RuntimeError"}
    if function == "forgetful":
        return 200, {"records": []}
    answers = []
    for record in event.get("records", []):
        data = base64.b64decode(record["data"])
        try:
            document = json.loads(data)
        except ValueError:
            document = None
        if not isinstance(document, dict):
            answers.append({"recordId": record["recordId"], "result": "Ok", "data": record["data"]})
            continue
        action = document.get("action", "ok")
        if action == "drop":
            answers.append({"recordId": record["recordId"], "result": "Dropped", "data": record["data"]})
        elif action == "fail":
            answers.append({"recordId": record["recordId"], "result": "ProcessingFailed", "data": record["data"]})
        else:
            output = json.dumps({**document, "transformed": True}, separators=(",", ":")) + "\n"
            answer = {"recordId": record["recordId"], "result": "Ok",
                      "data": base64.b64encode(output.encode()).decode()}
            if "tenant" in document:
                answer["metadata"] = {"partitionKeys": {"tenant": document["tenant"]}}
            answers.append(answer)
    return 200, {"records": answers}


@dataclass
class Invocation:
    arn: str | None
    event: dict
    at: float


class _QuietHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass

    def read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def answer(self, status: int, document: dict | None, raw: bytes | None = None) -> None:
        body = raw if raw is not None else json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class LambdaStub:
    """The Lambda stand-in: POSTed Lambda's Firehose event, answers as `transform_response` says."""

    def __init__(self):
        self.port = free_port()
        self.invocations: list[Invocation] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(_QuietHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.read_body()
                arn = self.headers.get("X-Tributary-Lambda-Arn")
                try:
                    event = json.loads(body)
                except ValueError:
                    self.answer(400, {"errorMessage": "event is not JSON"})
                    return
                with stub._lock:
                    stub.invocations.append(Invocation(arn, event, time.time()))
                function = (arn or "").rsplit(":", 1)[-1]
                status, document = transform_response(event, function)
                self.answer(status, document)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/invoke"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def invocations_for(self, arn: str) -> list[Invocation]:
        with self._lock:
            return [item for item in self.invocations if item.arn == arn]


# ----------------------------------------------------------------------------------------------- TLS material

@dataclass
class Certificates:
    ca_pem: Path
    server_pem: Path
    server_key: Path
    untrusted_pem: Path
    untrusted_key: Path


def _openssl(*args: str, cwd: Path) -> None:
    completed = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, f"openssl {' '.join(args)} failed: {completed.stderr}"


def make_certificates(directory: Path) -> Certificates:
    """A test CA, a server certificate it signs for 127.0.0.1/localhost, and a self-signed certificate for the same
    names that nobody trusts."""
    directory.mkdir(parents=True, exist_ok=True)
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
             "-subj", "/CN=Tributary Firehose Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=directory)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
             "-subj", "/CN=127.0.0.1", cwd=directory)
    (directory / "server.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.pem", "-days", "2", "-extfile", "server.ext", cwd=directory)
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "untrusted.key", "-out", "untrusted.pem",
             "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             cwd=directory)
    return Certificates(directory / "ca.pem", directory / "server.pem", directory / "server.key",
                        directory / "untrusted.pem", directory / "untrusted.key")


# ----------------------------------------------------------------------------------------------- HTTPS endpoint

@dataclass
class ReceivedRequest:
    method: str
    path: str
    headers: dict  # lower-case names
    raw_body: bytes
    body: dict | None  # JSON after undoing Content-Encoding gzip
    at: float


class HttpsReceiver:
    """An HTTPS endpoint destination. What it answers depends on the request path:

    /ok...       200 with {"requestId": <the request's>, "timestamp": now} (a successful delivery);
    /fail...     500 with an error body, every time;
    /wrong-id... 200 echoing a different requestId (AWS treats that as a failure);
    /flaky...    500 for the first two attempts of each request id, then success.
    """

    def __init__(self, certificate: Path, key: Path):
        self.port = free_port()
        self.requests: list[ReceivedRequest] = []
        self._attempts: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()
        receiver = self

        class Handler(_QuietHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                raw = self.read_body()
                headers = {name.lower(): value for name, value in self.headers.items()}
                body = None
                try:
                    data = gzip.decompress(raw) if headers.get("content-encoding", "").lower() == "gzip" else raw
                    body = json.loads(data)
                except (OSError, ValueError):
                    body = None
                with receiver._lock:
                    receiver.requests.append(ReceivedRequest("POST", self.path, headers, raw, body, time.time()))
                    request_id = (body or {}).get("requestId") if isinstance(body, dict) else None
                    receiver._attempts[request_id] += 1
                    attempt = receiver._attempts[request_id]
                now_ms = int(time.time() * 1000)
                if self.path.startswith("/fail") or (self.path.startswith("/flaky") and attempt <= 2):
                    self.answer(500, {"requestId": request_id, "timestamp": now_ms,
                                      "errorMessage": "failing on purpose"})
                elif self.path.startswith("/wrong-id"):
                    self.answer(200, {"requestId": str(uuid.uuid4()), "timestamp": now_ms})
                else:
                    self.answer(200, {"requestId": request_id, "timestamp": now_ms})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(certificate), str(key))
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"https://127.0.0.1:{self.port}{path}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def received(self, path_prefix: str) -> list[ReceivedRequest]:
        with self._lock:
            return [item for item in self.requests if item.path.startswith(path_prefix)]
