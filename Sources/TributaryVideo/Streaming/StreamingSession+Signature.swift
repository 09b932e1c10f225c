import Crypto
import Foundation
import TributaryLog

/// Session signatures: the server signs each session it creates with a key only it holds (`SessionSigningKey`), and
/// refuses a token whose signature does not match, so a token cannot be forged or edited to reach another stream
/// or range once requests are authenticated.
extension StreamingSession {
    /// This session with its signature under `key`.
    func signed(with key: SessionSigningKey) -> StreamingSession {
        var session = self
        session.signature = key.signature(of: unsignedBytes)
        return session
    }

    /// Whether the signature is the one `key` makes for the other fields (compared in constant time).
    func hasValidSignature(_ key: SessionSigningKey) -> Bool {
        guard let signature, signature.utf8.count == SessionSigningKey.signatureHexCharacters else { return false }
        let expected = key.signature(of: unsignedBytes)
        return zip(signature.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The session's JSON without its signature, with sorted keys: what the signature covers.
    private var unsignedBytes: [UInt8] {
        var unsigned = self
        unsigned.signature = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(unsigned)).map(Array.init) ?? []
    }
}

/// The secret that signs streaming sessions: 32 random bytes made at first start and kept in the metadata store, so
/// session URLs stay valid across restarts.
struct SessionSigningKey: Sendable {
    static let signatureHexCharacters = 32
    let bytes: [UInt8]

    static func load(_ metadata: any MetadataStore) throws -> SessionSigningKey {
        let namespace = "server", name = "video-session-key"
        if let bytes = try metadata.load(namespace: namespace)[name], bytes.count == 32 {
            return SessionSigningKey(bytes: bytes)
        }
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        try metadata.put(namespace: namespace, key: name, value: bytes)
        return SessionSigningKey(bytes: bytes)
    }

    func signature(of message: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: bytes))
        return code.prefix(Self.signatureHexCharacters / 2).map { String(format: "%02x", $0) }.joined()
    }
}
