import TributaryWire

/// Multipart upload: initiate, upload the parts in order, complete; abort on any failure.
extension S3Client {
    func putMultipart(bucket: String, key: String, body: [UInt8], contentType: String?) async throws {
        let partCount = (body.count + partSizeBytes - 1) / partSizeBytes
        guard partCount <= TransportLimits.partCountMax else {
            throw S3Error.refused("EntityTooLarge", "\(body.count) bytes need \(partCount) parts; "
                              + "S3 allows \(TransportLimits.partCountMax).")
        }
        let uploadId = try await initiateMultipart(bucket: bucket, key: key, contentType: contentType)
        do {
            var etags: [String] = []
            for partIndex in 0..<partCount {
                try Task.checkCancellation()
                let start = partIndex * partSizeBytes
                let part = Array(body[start..<min(start + partSizeBytes, body.count)])
                etags.append(try await uploadPart(bucket: bucket, key: key, uploadId: uploadId,
                                                  partNumber: partIndex + 1, body: part))
            }
            try await completeMultipart(bucket: bucket, key: key, uploadId: uploadId, etags: etags)
        } catch {
            // Runs even when the caller was cancelled, so the parts do not stay billed on the endpoint.
            let client = self
            await Task.detached {
                try? await client.abortMultipart(bucket: bucket, key: key, uploadId: uploadId)
            }.value
            throw error
        }
    }

    func initiateMultipart(bucket: String, key: String, contentType: String?) async throws -> String {
        let response = try await send("POST", bucket: bucket, key: key, query: [(name: "uploads", value: "")],
                                      headers: contentHeaders(contentType))
        guard let document = S3XMLDocument(parsing: response.body),
              document.rootName == "InitiateMultipartUploadResult",
              let uploadId = document.text(at: ["UploadId"]), !uploadId.isEmpty
        else {
            throw S3Error.refused("MalformedResponse", "CreateMultipartUpload returned no UploadId.")
        }
        return uploadId
    }

    func uploadPart(bucket: String, key: String, uploadId: String, partNumber: Int,
                    body: [UInt8]) async throws -> String {
        let response = try await send("PUT", bucket: bucket, key: key,
                                      query: [(name: "partNumber", value: String(partNumber)),
                                              (name: "uploadId", value: uploadId)],
                                      body: body)
        guard let etag = response.headers["etag"], !etag.isEmpty else {
            throw S3Error.refused("MalformedResponse", "UploadPart \(partNumber) returned no ETag.")
        }
        return etag
    }

    /// Completes the upload. S3 may answer 200 and still fail, with an `<Error>` body; that is thrown too.
    func completeMultipart(bucket: String, key: String, uploadId: String, etags: [String]) async throws {
        var xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        for (index, etag) in etags.enumerated() {
            xml += "<Part><PartNumber>\(index + 1)</PartNumber><ETag>\(Self.xmlEscaped(etag))</ETag></Part>"
        }
        xml += "</CompleteMultipartUpload>"
        let response = try await send("POST", bucket: bucket, key: key, query: [(name: "uploadId", value: uploadId)],
                                      headers: [("Content-Type", "application/xml")], body: Array(xml.utf8))
        if let document = S3XMLDocument(parsing: response.body), document.rootName == "Error" {
            throw S3Error(response: response)
        }
    }

    func abortMultipart(bucket: String, key: String, uploadId: String) async throws {
        _ = try await send("DELETE", bucket: bucket, key: key, query: [(name: "uploadId", value: uploadId)])
    }
}
