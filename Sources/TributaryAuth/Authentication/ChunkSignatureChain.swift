import Crypto
import TributaryWire

/// The chained signatures of a chunk-signed body: chunk n is signed, with the request's signing key, over
///
/// ```
/// AWS4-HMAC-SHA256-PAYLOAD
/// <request time, YYYYMMDDTHHMMSSZ>
/// <credential scope>
/// <signature of chunk n-1; for the first chunk, the request's own (seed) signature>
/// <SHA-256 of the empty string>
/// <SHA-256 of chunk n's data>
/// ```
///
/// so a chunk can be neither altered, dropped, reordered nor moved into another request without a mismatch, and the
/// final zero-size chunk proves the body was not cut short. A value owned by one upload.
struct ChunkSignatureChain: Sendable {
    static let algorithm = "AWS4-HMAC-SHA256-PAYLOAD"

    /// The signing key's bytes: `SymmetricKey` is not `Sendable`, and an upload's reader moves between tasks.
    private let signingKeyBytes: [UInt8]
    private let amzDate: String
    private let credentialScope: String
    private var previousSignature: String
    /// Chunks whose signature checked out so far.
    private(set) var chunksVerified = 0

    init(signingKey: SymmetricKey, amzDate: String, credentialScope: String, seedSignature: String) {
        self.signingKeyBytes = signingKey.withUnsafeBytes { Array($0) }
        self.amzDate = amzDate
        self.credentialScope = credentialScope
        self.previousSignature = seedSignature
    }

    /// Checks the next chunk's signature and makes it the link the following chunk must continue.
    mutating func verify(_ chunk: SignedChunkDecoder.Chunk) throws(SignedChunkError) {
        let stringToSign = [Self.algorithm, amzDate, credentialScope, previousSignature, SigV4.emptyPayloadHash,
                            SigV4Cryptography.sha256Hex(chunk.data)].joined(separator: "\n")
        let expected = SigV4Cryptography.signature(signingKey: SymmetricKey(data: signingKeyBytes),
                                                   stringToSign: stringToSign)
        guard SigV4Cryptography.constantTimeEqual(expected, chunk.signature) else {
            throw .signatureMismatch(chunkNumber: chunksVerified + 1)
        }
        previousSignature = expected
        chunksVerified += 1
    }
}
