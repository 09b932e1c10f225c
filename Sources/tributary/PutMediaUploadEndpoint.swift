import Foundation

/// Where PutMedia requests go: the host, port and path prefix of an `http://` data endpoint.
///
/// It exists to turn the endpoint URL that `GetDataEndpoint` returns (or the user types) into what a plain socket
/// needs, and to refuse what this client cannot speak (https) before any connection is made.
struct PutMediaUploadEndpoint: Sendable, Equatable {
    let host: String
    let port: Int
    /// The URL's path without a trailing slash; empty for `http://host:port`.
    let pathPrefix: String

    init(parsing text: String) throws(PutMediaUploadError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw PutMediaUploadError.invalidEndpoint("\(text) is not a URL")
        }
        guard scheme != "https" else {
            throw PutMediaUploadError.invalidEndpoint("https is not supported yet; give an http:// endpoint")
        }
        guard scheme == "http" else {
            throw PutMediaUploadError.invalidEndpoint("\(text) is not an http:// URL")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PutMediaUploadError.invalidEndpoint("\(text) has no host")
        }
        let port = components.port ?? 80
        guard (1...65535).contains(port) else {
            throw PutMediaUploadError.invalidEndpoint("port \(port) is out of range")
        }
        guard components.query == nil, components.fragment == nil else {
            throw PutMediaUploadError.invalidEndpoint("\(text) must not have a query or fragment")
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.pathPrefix = path
    }

    /// The `Host` header's value: IPv6 literals go back into brackets.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? name : "\(name):\(port)"
    }
}
