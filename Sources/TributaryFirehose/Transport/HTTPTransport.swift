import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// Sends Firehose's outbound HTTP requests (S3 API calls, HTTP endpoint deliveries, transform invocations) through
/// AsyncHTTPClient and hands back the whole response.
///
/// Bounds: each exchange must produce its response within `timeoutSeconds`, and a response body past
/// `responseBodyBytesMax` is abandoned (checked as bytes arrive, so a hostile peer cannot fill memory). Redirects are
/// not followed: a signed request must not be replayed elsewhere, and a 3xx is returned like any other status.
/// HTTPS trusts the system's certificate authorities plus, when given, the ones in `trustedCertificateAuthorities`
/// (a PEM file), which is how tests and private endpoints use their own CA.
public struct HTTPTransport: Sendable {
    public let timeoutSeconds: Double
    public let responseBodyBytesMax: Int
    private let client: HTTPClient

    public init(timeoutSeconds: Double, responseBodyBytesMax: Int = TransportLimits.responseBodyBytesMaxDefault,
                trustedCertificateAuthorities: URL? = nil) {
        precondition(timeoutSeconds > 0, "a transport needs a positive timeout")
        precondition(responseBodyBytesMax >= 0, "a response bound cannot be negative")
        self.timeoutSeconds = timeoutSeconds
        self.responseBodyBytesMax = responseBodyBytesMax
        self.client = TransportClients.client(trusting: trustedCertificateAuthorities)
    }

    /// Sends `request` and returns the response, whatever its status. Throws `TransportError` when no complete
    /// response arrived (connection failure, timeout, cancellation, body too large, URL not http or https).
    public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseData {
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = request.url.host, !host.isEmpty
        else { throw TransportError.invalidURL(request.url.absoluteString) }
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if !request.body.isEmpty || request.method == "PUT" || request.method == "POST" {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeoutSeconds * 1000))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(outgoing, deadline: deadline)
        } catch {
            throw Self.transportError(error)
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: responseBodyBytesMax)
        } catch is NIOTooManyBytesError {
            throw TransportError.responseTooLarge(bytesMax: responseBodyBytesMax)
        } catch {
            throw Self.transportError(error)
        }
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return HTTPResponseData(status: Int(response.status.code), headers: headers, body: Array(body.readableBytesView))
    }

    private static func transportError(_ error: any Error) -> TransportError {
        if error is CancellationError { return .cancelled }
        if let client = error as? HTTPClientError {
            if client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout { return .timedOut }
            if client == .cancelled { return .cancelled }
        }
        return .connectionFailed("\(error)")
    }
}

/// The process's HTTP clients, one per trust configuration, created on first use and kept for the life of the
/// process (an AsyncHTTPClient client must be shut down before it is released, and these never are).
enum TransportClients {
    private static let clients = Mutex<[String: HTTPClient]>([:])

    static func client(trusting certificateAuthorities: URL?) -> HTTPClient {
        let key = certificateAuthorities?.path ?? ""
        return clients.withLock { clients in
            if let existing = clients[key] { return existing }
            var tls = TLSConfiguration.makeClientConfiguration()
            if let certificateAuthorities {
                tls.additionalTrustRoots = [.file(certificateAuthorities.path)]
            }
            var configuration = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow)
            configuration.decompression = .disabled
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[key] = made
            return made
        }
    }
}
