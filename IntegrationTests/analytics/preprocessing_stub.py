"""A Lambda stand-in for Kinesis Data Analytics input preprocessing, served behind `--transform-url`.

The Firehose tests' `LambdaStub` (firehose/listeners.py) answers with one fixed Firehose transform; preprocessing
needs a different one, so this small stub exists. It records every event it is POSTed and answers as
`preprocess_response` says.
"""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from support import free_port

LAMBDA_ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:"


def lambda_arn(function: str) -> str:
    return LAMBDA_ARN_PREFIX + function


def preprocess_response(event: dict, function: str) -> tuple[int, dict]:
    """What the stand-in function answers: each record is a JSON object whose "action" says what to do.

    "drop" -> Dropped, "fail" -> ProcessingFailed, anything else -> Ok with "name" upper-cased. The function
    "broken" answers HTTP 500 (an invocation failure); "forgetful" answers without any record (a response AWS
    rejects).
    """
    if function == "broken":
        return 500, {"errorMessage": "the function failed on purpose", "errorType": "RuntimeError"}
    if function == "forgetful":
        return 200, {"records": []}
    answers = []
    for record in event["records"]:
        document = json.loads(base64.b64decode(record["data"]))
        action = document.get("action", "ok")
        if action == "drop":
            answers.append({"recordId": record["recordId"], "result": "Dropped"})
        elif action == "fail":
            answers.append({"recordId": record["recordId"], "result": "ProcessingFailed"})
        else:
            changed = json.dumps({**document, "name": document["name"].upper()}).encode()
            answers.append({"recordId": record["recordId"], "result": "Ok",
                            "data": base64.b64encode(changed).decode()})
    return 200, {"records": answers}


class PreprocessingStub:
    """An HTTP server answering POSTed preprocessing events; `events` holds (function ARN, event) pairs."""

    def __init__(self):
        self.port = free_port()
        self.events: list[tuple[str | None, dict]] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):  # noqa: A002 - http.server's signature
                pass

            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                arn = self.headers.get("X-Tributary-Lambda-Arn")
                event = json.loads(body)
                with stub._lock:
                    stub.events.append((arn, event))
                status, document = preprocess_response(event, (arn or "").rsplit(":", 1)[-1])
                payload = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

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

    def events_for(self, arn: str) -> list[dict]:
        with self._lock:
            return [event for called, event in self.events if called == arn]
