/// Objects delivered through the S3 API (SigV4-signed PutObject, multipart for large objects).
struct S3ObjectSink: ObjectSink {
    let client: S3Client

    func put(bucket: String, key: String, body: [UInt8]) async throws {
        try await client.putObject(bucket: bucket, key: key, body: body, contentType: nil)
    }
}
