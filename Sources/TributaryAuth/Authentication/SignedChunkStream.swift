/// The body of a chunk-signed upload (`x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD`), read as it
/// arrives: de-framed by `SignedChunkDecoder`, each chunk checked by `ChunkSignatureChain`, and only the data of
/// chunks whose signature checked out handed on.
///
/// It exists so that an endless upload (PutMedia) is authenticated byte for byte without being buffered whole: at
/// most one chunk is held. After the first fault `failure` is set and nothing more is handed on, so no byte after
/// a bad chunk reaches storage. A value, owned by the one task that reads the upload.
public struct SignedChunkStream: Sendable {
    private var decoder = SignedChunkDecoder()
    private var chain: ChunkSignatureChain
    /// The fault that ended the body, if any; once set it never changes.
    public private(set) var failure: SignedChunkError?

    init(chain: ChunkSignatureChain) {
        self.chain = chain
    }

    /// Whether the final, zero-size chunk arrived and checked out.
    public var isComplete: Bool {
        failure == nil && decoder.isComplete
    }

    /// The payload bytes of every chunk the next piece of the body completes and whose signature checks out, in
    /// order; chunks completed before a fault are still handed on.
    public mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        guard failure == nil else { return [] }
        var chunks: [SignedChunkDecoder.Chunk] = []
        do {
            try decoder.feed(bytes, into: &chunks)
        } catch {
            failure = error
        }
        var verified: [UInt8] = []
        for chunk in chunks {
            do {
                try chain.verify(chunk)
            } catch {
                failure = error
                return verified
            }
            verified.append(contentsOf: chunk.data)
        }
        return verified
    }

    /// The body ended: a failure unless its final chunk arrived.
    public mutating func finish() {
        if failure == nil, !decoder.isComplete { failure = .finalChunkMissing }
    }
}
