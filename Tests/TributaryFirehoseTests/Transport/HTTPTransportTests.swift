import Foundation
@testable import TributaryFirehose
import XCTest

/// The transport against a real HTTP server (Python's http.server, see `EchoServerScript`).
final class HTTPTransportTests: XCTestCase {
    private var server: LocalServerProcess?
    private var script: URL?

    override func setUpWithError() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-echo-\(UUID()).py")
        self.script = script
        try Data(EchoServerScript.source.utf8).write(to: script)
        server = try LocalServerProcess(arguments: ["python3", script.path, "{port}"], startupSeconds: 20)
    }

    override func tearDown() {
        server?.stop()
        server = nil
        if let script { try? FileManager.default.removeItem(at: script) }
    }

    private func serverURL(_ path: String) throws -> URL {
        let port = try XCTUnwrap(server?.port)
        return try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)\(path)"))
    }

    func testHeadersAndBodyArriveAsSentAndResponseHeadersAreLowerCase() async throws {
        let body = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let response = try await HTTPTransport(timeoutSeconds: 10).send(HTTPRequestSpec(
            method: "PUT", url: try serverURL("/echo"),
            headers: [("X-Amz-Date", "20150830T123600Z"), ("Content-Type", "application/x-amz-json-1.1")],
            body: body))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body, body)
        XCTAssertEqual(response.headers["x-echo-x-amz-date"], "20150830T123600Z")
        XCTAssertEqual(response.headers["x-echo-content-type"], "application/x-amz-json-1.1")
        XCTAssertEqual(response.headers["x-echo-content-length"], "70000")
        XCTAssertEqual(response.headers["x-echo-method"], "PUT")
    }

    func testErrorStatusesAreResponsesNotThrows() async throws {
        let response = try await HTTPTransport(timeoutSeconds: 10).send(
            HTTPRequestSpec(method: "GET", url: try serverURL("/status/503")))
        XCTAssertEqual(response.status, 503)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "status body")
    }

    func testBodyAtTheBoundIsKeptAndOneBytePastIsRefused() async throws {
        let transport = HTTPTransport(timeoutSeconds: 10, responseBodyBytesMax: 5000)
        let exact = try await transport.send(HTTPRequestSpec(method: "GET", url: try serverURL("/bytes/5000")))
        XCTAssertEqual(exact.body.count, 5000)
        for path in ["/bytes/5001", "/chunked/50000"] {
            do {
                _ = try await transport.send(HTTPRequestSpec(method: "GET", url: try serverURL(path)))
                XCTFail("\(path) must be refused")
            } catch let error as TransportError {
                XCTAssertEqual(error, .responseTooLarge(bytesMax: 5000), path)
            }
        }
        let afterwards = try await transport.send(HTTPRequestSpec(method: "GET", url: try serverURL("/bytes/10")))
        XCTAssertEqual(afterwards.body.count, 10, "the transport stays usable after refusing a response")
    }

    func testSlowPeerTimesOut() async throws {
        let started = Date()
        do {
            _ = try await HTTPTransport(timeoutSeconds: 1).send(HTTPRequestSpec(method: "GET", url: try serverURL("/slow")))
            XCTFail("a peer slower than the timeout must fail")
        } catch let error as TransportError {
            XCTAssertEqual(error, .timedOut)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 8)
    }

    func testClosedPortIsAConnectionFailure() async throws {
        let port = try LocalServerProcess.freePort()
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/"))
        do {
            _ = try await HTTPTransport(timeoutSeconds: 5).send(HTTPRequestSpec(method: "GET", url: url))
            XCTFail("nothing listens there")
        } catch let error as TransportError {
            guard case .connectionFailed = error else { return XCTFail("expected connectionFailed, got \(error)") }
        }
    }

    func testRedirectsAreReturnedNotFollowed() async throws {
        let response = try await HTTPTransport(timeoutSeconds: 10).send(
            HTTPRequestSpec(method: "GET", url: try serverURL("/redirect")))
        XCTAssertEqual(response.status, 302)
        XCTAssertEqual(response.headers["location"], "/echo")
    }

    func testCancellingTheCallerCancelsTheExchange() async throws {
        let url = try serverURL("/slow")
        let started = Date()
        let task = Task { try await HTTPTransport(timeoutSeconds: 30).send(HTTPRequestSpec(method: "GET", url: url)) }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled exchange must throw")
        } catch let error as TransportError {
            XCTAssertEqual(error, .cancelled)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testURLsThatAreNotHTTPAreRefused() async throws {
        let url = try XCTUnwrap(URL(string: "ftp://127.0.0.1/file"))
        do {
            _ = try await HTTPTransport(timeoutSeconds: 1).send(HTTPRequestSpec(method: "GET", url: url))
            XCTFail("ftp must be refused")
        } catch let error as TransportError {
            XCTAssertEqual(error, .invalidURL("ftp://127.0.0.1/file"))
        }
    }
}
