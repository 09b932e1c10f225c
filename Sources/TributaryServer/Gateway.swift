import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TributaryStreams
import TributaryWire

/// The single entry point of every HTTP request: picks the service from `X-Amz-Target`, decodes the AWS JSON 1.1
/// body into a `Document`, calls the service and renders its answer or its error exactly as AWS would.
///
/// Every answer carries `x-amzn-RequestId`. Malformed JSON is a SerializationException, an unknown target an
/// UnknownOperationException, anything unexpected an InternalFailure (500) that is logged.
struct Gateway: Sendable {
    let kinesis: KinesisService
    let logger: Logger

    func respond(to request: Request) async -> Response {
        let requestId = RequestIdentifier.make()
        var request = request
        do {
            guard let target = request.headers[.amzTarget] else { throw ServiceError.unknownOperation() }
            guard target.hasPrefix(KinesisService.targetPrefix) else { throw ServiceError.unknownOperation() }
            let operation = String(target.dropFirst(KinesisService.targetPrefix.count))
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: GatewayLimits.requestBodyBytesMax)
            } catch {
                throw ServiceError(code: "SerializationException",
                                   message: "Request body exceeds \(GatewayLimits.requestBodyBytesMax) bytes", status: 413)
            }
            let document = try decode(body)
            let answer = try await kinesis.handle(operation: operation, request: document)
            return jsonResponse(status: .ok, body: JSONDocumentEncoder.encode(answer), requestId: requestId)
        } catch {
            let serviceError = render(error, requestId: requestId)
            return jsonResponse(status: HTTPResponse.Status(code: serviceError.status), body: serviceError.jsonBody(),
                                requestId: requestId)
        }
    }

    private func decode(_ body: ByteBuffer) throws -> Document {
        if body.readableBytes == 0 { return .object([:]) }
        do {
            return try body.withUnsafeReadableBytes { try JSONDocumentDecoder.decode($0) }
        } catch let error as DocumentDecodingError {
            throw ServiceError.serialization(error.message)
        }
    }

    private func render(_ error: any Error, requestId: String) -> ServiceError {
        switch error {
        case let error as ServiceError: return error
        case let error as any ServiceErrorConvertible: return error.serviceError
        default:
            logger.error("request failed", metadata: ["requestId": "\(requestId)", "error": "\(error)"])
            return .internalFailure()
        }
    }

    private func jsonResponse(status: HTTPResponse.Status, body: [UInt8], requestId: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-amz-json-1.1"
        headers[.amznRequestId] = requestId
        headers[.amzId2] = requestId
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension HTTPField.Name {
    static let amzTarget = HTTPField.Name("X-Amz-Target")!
    static let amznRequestId = HTTPField.Name("x-amzn-RequestId")!
    static let amzId2 = HTTPField.Name("x-amz-id-2")!
}
