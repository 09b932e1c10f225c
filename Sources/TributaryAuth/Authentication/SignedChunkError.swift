/// Why the body of a chunk-signed upload (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`) stopped being read: its framing is
/// broken, a chunk exceeds `AuthenticationLimits.signedChunkBytesMax`, or a chunk's signature does not continue the
/// chain that starts at the request's signature.
///
/// These are found after the request was accepted and its answer begun (PutMedia acknowledges while it reads), so
/// they never become an HTTP error of their own: the gateway ends the upload with them and logs the description.
public enum SignedChunkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A chunk header is not `<hex size>;chunk-signature=<64 hex digits>` followed by CRLF.
    case malformedChunkHeader
    /// A chunk header declares more data than `AuthenticationLimits.signedChunkBytesMax`.
    case chunkTooLarge(declaredBytes: UInt64)
    /// A chunk's data is not followed by CRLF: its declared size is wrong.
    case missingChunkDataTerminator
    /// The signature of chunk `chunkNumber` (1 for the first) is not the one its data and the chain give.
    case signatureMismatch(chunkNumber: Int)
    /// Bytes arrived after the zero-size chunk that ends the body.
    case dataAfterFinalChunk
    /// The body ended before its zero-size final chunk.
    case finalChunkMissing

    public var description: String {
        switch self {
        case .malformedChunkHeader:
            "a chunk header is not '<hex size>;chunk-signature=<signature>'"
        case .chunkTooLarge(let declaredBytes):
            "a chunk declares \(declaredBytes) bytes, more than \(AuthenticationLimits.signedChunkBytesMax)"
        case .missingChunkDataTerminator:
            "a chunk's data is not followed by CRLF"
        case .signatureMismatch(let chunkNumber):
            "the signature of chunk \(chunkNumber) does not match its data"
        case .dataAfterFinalChunk:
            "bytes follow the final chunk"
        case .finalChunkMissing:
            "the body ended before its final chunk"
        }
    }
}
