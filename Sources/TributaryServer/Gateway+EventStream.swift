import HTTPTypes
import Hummingbird
import TributaryStreams
import TributaryWire

/// SubscribeToShard's answer: a 200 whose body is an `application/vnd.amazon.eventstream` of frames, the
/// `initial-response` first, then one SubscribeToShardEvent per batch of records as the subscription yields them.
///
/// Back-pressure: the next event is pulled from the subscription only once the previous frame was written, so a
/// slow subscriber slows reading from the log instead of growing a queue. A failure mid-stream becomes an
/// exception frame, as AWS sends it.
extension Gateway {
    func eventStreamResponse(_ subscription: ShardSubscription, wire: WireProtocol, requestId: String) -> Response {
        let body = ResponseBody { writer in
            do {
                try await writer.write(frame(EventStreamEncoder.event(
                    type: "initial-response", payload: wire.encode(.object([:])), contentType: wire.contentType)))
                while let event = try await subscription.nextEvent() {
                    try await writer.write(frame(EventStreamEncoder.event(
                        type: "SubscribeToShardEvent", payload: wire.encode(event), contentType: wire.contentType)))
                }
            } catch {
                await subscription.finish()
                let serviceError = render(error, requestId: requestId)
                if !(error is CancellationError) {
                    try? await writer.write(frame(EventStreamEncoder.exception(
                        type: serviceError.code, payload: wire.errorBody(serviceError))))
                }
            }
            await subscription.finish()
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers(contentType: "application/vnd.amazon.eventstream", requestId: requestId),
                        body: body)
    }

    private func frame(_ message: EventStreamMessage) -> ByteBuffer {
        ByteBuffer(bytes: EventStreamEncoder.encode(message))
    }
}
