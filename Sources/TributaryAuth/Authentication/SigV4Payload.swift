import TributaryWire

/// What the verifier knows of a request's body when it checks the signature.
///
/// Which payload hash ends the canonical request follows the clients: when the client declared `UNSIGNED-PAYLOAD`
/// or `STREAMING-UNSIGNED-PAYLOAD-TRAILER` in `x-amz-content-sha256` (botocore does for operations without payload
/// signing, over HTTPS), that literal; otherwise the SHA-256 of the body the server read, so a body changed on the
/// way fails the signature; for a body streamed after the check (PutMedia), the hash of an empty payload, which is
/// what the Kinesis Video producer SDK signs. Any other declared value (a hex hash, the chunk-signed
/// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`) is not trusted: the signature is checked against the real body instead.
public enum SigV4Payload: Sendable, Equatable {
    /// The whole body was read before verification; its SHA-256 in lower-case hex.
    case sha256Hex(String)
    /// The body is consumed after verification, as it streams (PutMedia's chunked Matroska).
    case streamed

    /// The SHA-256 of `body`, for the gateway that read it whole.
    public static func digest(of body: [UInt8]) -> SigV4Payload {
        .sha256Hex(SigV4Cryptography.sha256Hex(body))
    }

    static let unsignedMarkers: Set<String> = [SigV4.unsignedPayload, "STREAMING-UNSIGNED-PAYLOAD-TRAILER"]

    /// The payload hash of the canonical request, given the client's `x-amz-content-sha256` when it sent one.
    func canonicalHash(declared: String?) -> String {
        if let declared, Self.unsignedMarkers.contains(declared) { return declared }
        switch self {
        case .sha256Hex(let digest): return digest
        case .streamed: return SigV4.emptyPayloadHash
        }
    }
}
