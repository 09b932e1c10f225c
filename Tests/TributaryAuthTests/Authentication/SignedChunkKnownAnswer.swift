import TributaryAuth
import TributaryWire

/// A chunk-signed upload whose signatures botocore computed (see `SignedChunkKnownAnswers`): the credentials and
/// request, and each chunk with the signature that chains it to the one before.
struct SignedChunkKnownAnswer {
    let accessKeyId: String
    let secretAccessKey: String
    let service: String
    let amzDate: String
    let request: SigV4KnownAnswer
    /// In order; the last is the final, zero-size chunk.
    let chunks: [(data: [UInt8], signature: String)]

    /// The request as the gateway hands over an upload: its body still to come.
    var streamedRequest: SigV4Request {
        var streamed = request.request
        streamed.payload = .streamed
        return streamed
    }

    /// Every chunk's data in order: what a verified body hands on.
    var payload: [UInt8] {
        chunks.flatMap(\.data)
    }

    /// The signing time, as the verifier's clock.
    var signingTime: SigV4Timestamp {
        SigV4Timestamp(amzDate: amzDate)!
    }

    /// The body on the wire, `<hex size>;chunk-signature=<signature>\r\n<data>\r\n` per chunk, of these chunks
    /// (the fixture's own unless a test changed them).
    func framedBody(_ chunks: [(data: [UInt8], signature: String)]? = nil) -> [UInt8] {
        (chunks ?? self.chunks).flatMap { chunk in
            Array("\(String(chunk.data.count, radix: 16));chunk-signature=\(chunk.signature)\r\n".utf8)
                + chunk.data + Array("\r\n".utf8)
        }
    }

    /// Verifies the streamed request with a verifier holding the fixture's key, at its signing time.
    func verifyUpload() throws -> AuthenticatedUpload {
        let store = try CredentialStore(credentials: [
            Credential(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, accountId: "123456789012",
                       policies: []),
        ])
        return try SigV4Verifier(credentials: store, region: "us-east-1")
            .verifyUpload(streamedRequest, service: service, now: signingTime)
    }
}
