/// Where S3 destinations' objects go: a directory tree on this machine or a real S3 API.
///
/// It exists so the delivery worker names and writes objects the same way whichever store is configured; each
/// implementation makes an object visible only whole (a reader never sees half an object).
protocol ObjectSink: Sendable {
    func put(bucket: String, key: String, body: [UInt8]) async throws
}

/// Builds the sink the server's settings ask for.
enum ObjectSinks {
    static func make(_ settings: ObjectStoreSettings) throws -> any ObjectSink {
        switch settings {
        case .localDirectory(let root):
            return try LocalObjectSink(root: root)
        case .s3(let endpoint, let region, let accessKeyId, let secretAccessKey):
            return S3ObjectSink(client: S3Client(
                endpoint: endpoint, region: region,
                credentials: S3Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: nil),
                transport: HTTPTransport(timeoutSeconds: 60)))
        }
    }
}
