import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TributaryAuth
import TributaryVideo
import TributaryWire

/// Kinesis Video Streams' REST-JSON paths: the control plane (`/createStream`, …), ListFragments, and the three
/// streaming operations. PutMedia reads its upload while it writes acknowledgements on the same HTTP/1.1 exchange;
/// GetMedia and GetMediaForFragmentList stream Matroska chunks pulled one at a time.
///
/// Errors are rendered as REST-JSON services send them: the status, an `x-amzn-ErrorType` header naming the error,
/// and a JSON body with the message.
extension Gateway {
    func videoResponse(operation: String, request: Request, channel: any Channel, requestId: String) async -> Response {
        var request = request
        do {
            switch operation {
            case "PutMedia":
                var signedChunks: SignedChunkStream?
                if let accessControl {
                    // The upload streams after this check, so its signature covers an empty payload (as the C
                    // producer SDK signs it), UNSIGNED-PAYLOAD, or a chunk-signed body whose chunks are checked as
                    // they arrive; the stream named in the headers is what is authorized.
                    let authenticated = try accessControl.authenticateUpload(request, service: .kinesisvideo)
                    var named: [String: Document] = [:]
                    if let name = request.headers[.amznStreamName] { named["StreamName"] = .string(name) }
                    if let arn = request.headers[.amznStreamARN] { named["StreamARN"] = .string(arn) }
                    try accessControl.authorize(authenticated.caller, service: .kinesisvideo, operation: operation,
                                                document: .object(named))
                    signedChunks = authenticated.signedChunks
                }
                let upload = try video.putMedia(PutMediaRequest(
                    streamName: request.headers[.amznStreamName], streamARN: request.headers[.amznStreamARN],
                    timecodeType: request.headers[.amznFragmentTimecodeType],
                    producerStartTimestamp: request.headers[.amznProducerStartTimestamp]))
                return putMediaResponse(upload, body: request.body, signedChunks: signedChunks, channel: channel,
                                        requestId: requestId)
            default:
                break
            }
            guard let body = try await collectBody(&request) else {
                return bodyTooLargeResponse(request, requestId: requestId)
            }
            let bytes = Array(body.readableBytesView)
            let caller = try accessControl?.authenticate(request, payload: .digest(of: bytes), service: .kinesisvideo)
            let document = bytes.isEmpty ? Document.object([:]) : try JSONDocumentDecoder.decode(bytes)
            if let accessControl, let caller {
                try accessControl.authorize(caller, service: .kinesisvideo, operation: operation, document: document)
            }
            switch operation {
            case "GetMedia":
                return mediaResponse(try video.getMedia(document), requestId: requestId)
            case "GetMediaForFragmentList":
                return mediaResponse(try video.getMediaForFragmentList(document), requestId: requestId)
            case "ListFragments":
                return videoJSON(try video.listFragments(document), requestId: requestId)
            case "GetImages":
                return videoJSON(try await video.getImages(document), requestId: requestId)
            case "GetHLSStreamingSessionURL":
                return videoJSON(try video.getHLSStreamingSessionURL(document, endpoint: endpoint(of: request)),
                                 requestId: requestId)
            case "GetDASHStreamingSessionURL":
                return videoJSON(try video.getDASHStreamingSessionURL(document, endpoint: endpoint(of: request)),
                                 requestId: requestId)
            case "GetClip":
                return Response(status: .ok, headers: headers(contentType: "video/mp4", requestId: requestId),
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try video.getClip(document))))
            default:
                return videoJSON(try await video.handle(operation: operation, request: document,
                                                        endpoint: endpoint(of: request)), requestId: requestId)
            }
        } catch {
            return videoError(render(error, requestId: requestId), requestId: requestId)
        }
    }

    /// This server's URL as the client reached it (GetDataEndpoint and the session URLs point back here).
    private func endpoint(of request: Request) -> String {
        "\(scheme)://" + (request.head.authority ?? "127.0.0.1")
    }

    /// The GET resources of HLS and DASH sessions (playlists, manifests, init and media fragments).
    func streamingResponse(_ request: Request, requestId: String) -> Response? {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            query[String(name)] = String(value)
        }
        do {
            guard let resource = try video.streamingResource(path: request.uri.path, query: query) else { return nil }
            return Response(status: .ok, headers: headers(contentType: resource.contentType, requestId: requestId),
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: resource.body)))
        } catch {
            return videoError(render(error, requestId: requestId), requestId: requestId)
        }
    }

    private func videoJSON(_ answer: Document, requestId: String) -> Response {
        Response(status: .ok, headers: headers(contentType: "application/json", requestId: requestId),
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONDocumentEncoder.encode(answer))))
    }

    func videoError(_ error: ServiceError, requestId: String) -> Response {
        var fields = headers(contentType: "application/json", requestId: requestId)
        fields[.amznErrorType] = error.code
        return Response(status: HTTPResponse.Status(code: error.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: error.jsonBody())))
    }

    /// Matroska chunks, the next pulled only once the previous one was written.
    private func mediaResponse(_ source: any MediaChunkSource, requestId: String) -> Response {
        let body = ResponseBody { writer in
            do {
                while let chunk = try await source.next() {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
            } catch {
                logger.debug("media stream ended early", metadata: ["requestId": "\(requestId)", "error": "\(error)"])
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers(contentType: "video/webm", requestId: requestId), body: body)
    }
}

extension HTTPField.Name {
    static let amznErrorType = HTTPField.Name("x-amzn-ErrorType")!
    static let amznStreamName = HTTPField.Name("x-amzn-stream-name")!
    static let amznStreamARN = HTTPField.Name("x-amzn-stream-arn")!
    static let amznFragmentTimecodeType = HTTPField.Name("x-amzn-fragment-timecode-type")!
    static let amznProducerStartTimestamp = HTTPField.Name("x-amzn-producer-start-timestamp")!
}
