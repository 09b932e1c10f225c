/// Why TLS could not be set up: at start, a certificate or key that cannot be used (the server then refuses to
/// start, naming the file); on a connection, a protocol that ALPN should never have chosen.
public enum TLSSetupError: Error, CustomStringConvertible {
    case unreadableCertificateChain(path: String, reason: String)
    case unreadablePrivateKey(path: String, reason: String)
    case mismatchedKey(reason: String)
    case unexpectedApplicationProtocol(String)
    case incompletePair(missing: String)

    public var description: String {
        switch self {
        case .unreadableCertificateChain(let path, let reason):
            "cannot read the TLS certificate chain \(path): \(reason)"
        case .unreadablePrivateKey(let path, let reason):
            "cannot read the TLS private key \(path): \(reason)"
        case .mismatchedKey(let reason):
            "the TLS certificate and private key cannot be used together: \(reason)"
        case .unexpectedApplicationProtocol(let name):
            "ALPN chose \(name), which this server does not speak"
        case .incompletePair(let missing):
            "TLS needs a certificate chain and its private key; the \(missing) is missing"
        }
    }
}
