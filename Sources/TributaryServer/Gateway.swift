import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Prometheus
import TributaryAnalytics
import TributaryAuth
import TributaryConsole
import TributaryFirehose
import TributaryStreams
import TributaryVideo
import TributaryWire

/// The single entry point of every HTTP request: picks the service from `X-Amz-Target`, decodes the body (AWS JSON
/// 1.1 or CBOR 1.1) into a `Document`, calls the service and renders its answer or its error exactly as AWS would.
/// Requests without a target whose path is one of Kinesis Video's REST-JSON paths go to the Video service.
///
/// Every answer carries `x-amzn-RequestId`. A malformed body is a SerializationException, an unknown target an
/// UnknownOperationException, anything unexpected an InternalFailure (500) that is logged.
struct Gateway: Sendable {
    let kinesis: KinesisService
    let firehose: FirehoseService
    let analytics: AnalyticsService
    let video: VideoService
    /// The web console's files; nil when they were not found beside the executable.
    let console: ConsoleAssets?
    /// Signature verification and policies; nil when the server runs without authentication (the default).
    let accessControl: GatewayAccessControl?
    /// `https` when the server serves TLS: GetDataEndpoint and the session URLs point back with it.
    let scheme: String
    let metrics: PrometheusCollectorRegistry
    let logger: Logger

    func respond(to request: Request, channel: any Channel) async -> Response {
        if request.method == .get, request.uri.path == "/metrics" {
            return metricsResponse()
        }
        if let response = consoleResponse(request) {
            return response
        }
        let requestId = RequestIdentifier.make()
        if request.method == .get, let response = streamingResponse(request, requestId: requestId) {
            return response
        }
        if request.headers[.amzTarget] == nil, request.method == .post,
           let operation = VideoService.operation(forPath: request.uri.path) {
            return await videoResponse(operation: operation, request: request, channel: channel, requestId: requestId)
        }
        let wire = WireProtocol(contentType: request.headers[.contentType])
        var request = request
        do {
            guard let target = request.headers[.amzTarget], let service = TargetService(target: target) else {
                throw ServiceError.unknownOperation()
            }
            let operation = service.operation
            guard let body = try await collectBody(&request) else {
                return bodyTooLargeResponse(request, requestId: requestId)
            }
            let bytes = Array(body.readableBytesView)
            let caller = try accessControl?.authenticate(request, payload: .digest(of: bytes),
                                                         service: service.accessService)
            let document = bytes.isEmpty ? Document.object([:]) : try bytes.withUnsafeBytes { try wire.decode($0) }
            if let accessControl, let caller {
                try accessControl.authorize(caller, service: service.accessService, operation: operation,
                                            document: document)
            }
            let answer: Document
            switch service {
            case .kinesis("SubscribeToShard"):
                let subscription = try kinesis.subscribeToShard(document)
                channel.closeFuture.whenComplete { _ in Task { await subscription.finish() } }
                return eventStreamResponse(subscription, wire: wire, requestId: requestId)
            case .kinesis:
                answer = try await kinesis.handle(operation: operation, request: document)
            case .firehose:
                answer = try await firehose.handle(operation: operation, request: document)
            case .analytics:
                answer = try await analytics.handle(operation: operation, request: document)
            }
            return response(status: .ok, body: wire.encode(answer), contentType: wire.contentType, requestId: requestId)
        } catch {
            let serviceError = render(error, requestId: requestId)
            return response(status: HTTPResponse.Status(code: serviceError.status), body: wire.errorBody(serviceError),
                            contentType: wire.contentType, requestId: requestId)
        }
    }

    /// The whole body of a request, or nil when it is larger than its operation allows
    /// (`GatewayLimits.requestBodyBytesMax(for:)`). A declared Content-Length over the bound never gets here
    /// (`ConnectionLimitHandler` refuses it); this bounds a body sent without one (`Transfer-Encoding: chunked`,
    /// or HTTP/2 DATA frames) as it is read.
    func collectBody(_ request: inout Request) async throws -> ByteBuffer? {
        let bodyBytesMax = GatewayLimits.requestBodyBytesMax(for: request.head) ?? GatewayLimits.requestBodyBytesMax
        do {
            return try await request.collectBody(upTo: bodyBytesMax)
        } catch is NIOTooManyBytesError {
            return nil
        }
    }

    /// The bare `413 Request Entity Too Large` AWS's front end answers for a body over its bound, as
    /// `ConnectionLimitHandler` answers a declared one: no body, a request id, and on HTTP/1.1 (where a body without
    /// a length is chunked) `Connection: close`; the unread rest of the body is discarded within bounds.
    func bodyTooLargeResponse(_ request: Request, requestId: String) -> Response {
        var fields = HTTPFields()
        fields[.amznRequestId] = requestId
        if request.headers[.transferEncoding] != nil { fields[.connection] = "close" }
        return Response(status: .contentTooLarge, headers: fields, body: ResponseBody())
    }

    /// The Prometheus text exposition of every metric.
    private func metricsResponse() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
    }

    func render(_ error: any Error, requestId: String) -> ServiceError {
        switch error {
        case let error as ServiceError: return error
        case let error as any ServiceErrorConvertible: return error.serviceError
        default:
            logger.error("request failed", metadata: ["requestId": "\(requestId)", "error": "\(error)"])
            return .internalFailure()
        }
    }

    func headers(contentType: String, requestId: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.amznRequestId] = requestId
        headers[.amzId2] = requestId
        return headers
    }

    private func response(status: HTTPResponse.Status, body: [UInt8], contentType: String, requestId: String) -> Response {
        Response(status: status, headers: headers(contentType: contentType, requestId: requestId),
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension HTTPField.Name {
    static let amzTarget = HTTPField.Name("X-Amz-Target")!
    static let amznRequestId = HTTPField.Name("x-amzn-RequestId")!
    static let amzId2 = HTTPField.Name("x-amz-id-2")!
}
