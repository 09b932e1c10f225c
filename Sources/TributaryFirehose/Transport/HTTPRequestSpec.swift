import Foundation

/// One outbound HTTP request as Firehose builds it (S3 calls, HTTP endpoint deliveries, transform invocations):
/// plain values, so requests can be built and checked in tests without any I/O.
///
/// `headers` keeps order and duplicates; the transport sends them as given and adds `Content-Length` itself.
public struct HTTPRequestSpec: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String, url: URL, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
