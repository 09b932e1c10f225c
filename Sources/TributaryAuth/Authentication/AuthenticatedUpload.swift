/// What verifying a streamed upload's request (PutMedia) yields: who sent it and, when the client signed its body
/// chunk by chunk, the reader that checks those signatures as the body arrives.
public struct AuthenticatedUpload: Sendable {
    public let caller: AuthenticatedCaller
    /// Set when the client declared `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`, chained from the request's signature; nil
    /// when the body is unsigned (`UNSIGNED-PAYLOAD`, or the empty-payload hash the producer SDK signs).
    public let signedChunks: SignedChunkStream?

    init(caller: AuthenticatedCaller, signedChunks: SignedChunkStream?) {
        self.caller = caller
        self.signedChunks = signedChunks
    }
}
