import TributaryWire

/// What the verifier knows of a request's body when it checks the signature.
///
/// Which payload hash ends the canonical request follows the clients: when the client declared `UNSIGNED-PAYLOAD`
/// or `STREAMING-UNSIGNED-PAYLOAD-TRAILER` in `x-amz-content-sha256` (botocore does for operations without payload
/// signing over HTTPS, and the Kinesis Video Java producer for every PutMedia), that literal; otherwise the SHA-256
/// of the body the server read, so a body changed on the way fails the signature; for a body streamed after the
/// check (PutMedia), the hash of an empty payload, which is what the Kinesis Video C producer SDK signs, or, when the
/// verifier is ready to check chunk signatures (`SigV4Verifier.verifyUpload`), the declared
/// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`. Any other declared value (a hex hash) is not trusted: the signature is
/// checked against the real body instead.
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
    /// The declaration of a body sent in signed chunks, each chained from the request's signature.
    static let chunkSignedMarker = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"

    /// The payload hash of the canonical request, given the client's `x-amz-content-sha256` when it sent one;
    /// `acceptsChunkSigning` when the caller will check the chunk signatures of a streamed body.
    func canonicalHash(declared: String?, acceptsChunkSigning: Bool) -> String {
        if let declared, Self.unsignedMarkers.contains(declared) { return declared }
        switch self {
        case .sha256Hex(let digest):
            return digest
        case .streamed:
            return acceptsChunkSigning && declared == Self.chunkSignedMarker
                ? Self.chunkSignedMarker : SigV4.emptyPayloadHash
        }
    }

    /// Whether a request with this payload and declaration sends its body in signed chunks.
    func isChunkSigned(declared: String?) -> Bool {
        self == .streamed && declared == Self.chunkSignedMarker
    }
}
