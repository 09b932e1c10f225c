/// A small HTTP server in Python for the transport tests: a real peer whose behaviour each path selects.
///
/// | Path             | Answer                                                                    |
/// |------------------|---------------------------------------------------------------------------|
/// | `/echo`          | 200, the request body back; request headers as `x-echo-<name>` headers    |
/// | `/bytes/N`       | 200 with N bytes and a Content-Length                                     |
/// | `/chunked/N`     | 200 with N bytes, chunked (no Content-Length)                              |
/// | `/status/N`      | status N with a short body                                                |
/// | `/slow`          | waits 10 s before answering                                               |
/// | `/redirect`      | 302 to `/echo`                                                            |
enum EchoServerScript {
    static let source = #"""
import sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def answer(self, status, body, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = self.path.split("/")
        if self.path == "/echo":
            echoed = [("x-echo-" + name.lower(), value) for name, value in self.headers.items()]
            echoed.append(("x-echo-method", self.command))
            self.answer(200, body, echoed)
        elif parts[1] == "bytes":
            self.answer(200, b"b" * int(parts[2]))
        elif parts[1] == "chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            remaining = int(parts[2])
            while remaining > 0:
                size = min(remaining, 1000)
                self.wfile.write(b"%x\r\n" % size + b"c" * size + b"\r\n")
                remaining -= size
            self.wfile.write(b"0\r\n\r\n")
        elif parts[1] == "status":
            self.answer(int(parts[2]), b"status body")
        elif self.path == "/slow":
            time.sleep(10)
            self.answer(200, b"late")
        elif self.path == "/redirect":
            self.answer(302, b"", [("Location", "/echo")])
        else:
            self.answer(404, b"no such path")
    do_GET = do_POST = do_PUT = do_DELETE = handle_any

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
"""#
}
