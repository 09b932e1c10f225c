import Foundation
import TributaryWire

/// One delivery to an HTTP endpoint destination, built to AWS's "HTTP Endpoint Delivery Request and Response
/// Specifications".
///
/// Request: POST, `Content-Type: application/json`, headers X-Amz-Firehose-Protocol-Version (1.0),
/// X-Amz-Firehose-Request-Id (the same on every retry of a batch), X-Amz-Firehose-Source-Arn, and when configured
/// X-Amz-Firehose-Access-Key and X-Amz-Firehose-Common-Attributes (`{"commonAttributes":{…}}`); body
/// `{"requestId", "timestamp" (ms), "records": [{"data": base64}]}`, gzipped with `Content-Encoding: gzip` when
/// RequestConfiguration.ContentEncoding is GZIP. Response: only a 200 whose JSON body echoes the requestId counts as
/// delivered; anything else is an error the caller retries.
struct HTTPEndpointDelivery: Sendable {
    let target: DestinationSettings.HTTPTarget
    let sourceARN: String
    let transport: HTTPTransport

    struct Rejected: Error, CustomStringConvertible {
        let code: String
        let description: String
    }

    func request(records: [[UInt8]], requestId: String, timestampMs: Int64) throws -> HTTPRequestSpec {
        let body = JSONDocumentEncoder.encode(.object([
            "requestId": .string(requestId),
            "timestamp": .integer(timestampMs),
            "records": .array(records.map { .object(["data": .string(Base64.encode($0))]) }),
        ]))
        var headers: [(String, String)] = [
            ("Content-Type", "application/json"),
            ("X-Amz-Firehose-Protocol-Version", "1.0"),
            ("X-Amz-Firehose-Request-Id", requestId),
            ("X-Amz-Firehose-Source-Arn", sourceARN),
        ]
        if let accessKey = target.accessKey { headers.append(("X-Amz-Firehose-Access-Key", accessKey)) }
        if !target.commonAttributes.isEmpty {
            let attributes = Document.object(Dictionary(target.commonAttributes.map { ($0.0, Document.string($0.1)) },
                                                        uniquingKeysWith: { $1 }))
            headers.append(("X-Amz-Firehose-Common-Attributes",
                            String(decoding: JSONDocumentEncoder.encode(.object(["commonAttributes": attributes])),
                                   as: UTF8.self)))
        }
        if target.gzip {
            headers.append(("Content-Encoding", "gzip"))
            return HTTPRequestSpec(method: "POST", url: target.url, headers: headers, body: try GzipCodec.compress(body))
        }
        return HTTPRequestSpec(method: "POST", url: target.url, headers: headers, body: body)
    }

    /// Sends once; throws `Rejected` unless the endpoint acknowledged this request id.
    func send(records: [[UInt8]], requestId: String) async throws {
        let request = try request(records: records, requestId: requestId, timestampMs: FirehoseClock.nowMs())
        let response: HTTPResponseData
        do {
            response = try await transport.send(request)
        } catch {
            throw Rejected(code: "HttpEndpoint.RequestTimeout", description: "The request to the endpoint failed: \(error)")
        }
        guard response.status == 200 else {
            throw Rejected(code: "HttpEndpoint.ResponseFailed",
                           description: "The endpoint answered HTTP \(response.status): \(String(decoding: response.body.prefix(512), as: UTF8.self))")
        }
        guard let document = try? JSONDocumentDecoder.decode(response.body),
              (try? document.string("requestId")) == requestId
        else {
            throw Rejected(code: "HttpEndpoint.InvalidResponseFromDestination",
                           description: "The response from the endpoint is invalid: it must be JSON with the request's requestId.")
        }
    }
}
