import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TributaryVideo

/// PutMedia's answer: a 200 whose body is one JSON acknowledgement per line, written while the upload is still
/// being read from the same connection.
///
/// Three tasks meet in one event sequence: a reader hands over one body chunk at a time (and waits until it was
/// ingested, so a slow disk slows the producer instead of filling memory), a ticker marks each second (IDLE
/// acknowledgements after `putMediaIdleAckMs` of silence, the end after `putMediaSilenceCloseMs`), and the writer
/// below feeds the upload and writes what it acknowledges. After an ERROR the connection's input is closed, so an
/// endless upload is not drained.
extension Gateway {
    private enum UploadEvent: Sendable {
        case bytes(ByteBuffer)
        case end
        case failed
        case tick
    }

    /// An IDLE acknowledgement follows this long without upload bytes.
    static let putMediaIdleAckMs: Int64 = 3_000
    /// A connection that sent nothing for this long is no longer read (AWS closes after about 30 seconds).
    static let putMediaSilenceCloseMs: Int64 = 30_000

    func putMediaResponse(_ upload: PutMediaUpload, body: RequestBody, channel: any Channel,
                          requestId: String) -> Response {
        let logger = logger
        let responseBody = ResponseBody { writer in
            let (events, input) = AsyncStream.makeStream(of: UploadEvent.self)
            let gate = ChunkGate()
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await chunk in body {
                            input.yield(.bytes(chunk))
                            await gate.waitForConsumer()
                        }
                        input.yield(.end)
                    } catch {
                        input.yield(.failed)
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(nanoseconds: 1_000_000_000)
                        input.yield(.tick)
                    }
                }
                var lastBytesMs = Self.nowMs()
                var lastIdleMs = lastBytesMs
                var closeInput = false
                loop: for await event in events {
                    var acknowledgements: [PutMediaAcknowledgement] = []
                    switch event {
                    case .bytes(let buffer):
                        lastBytesMs = Self.nowMs()
                        acknowledgements = await upload.feed(Array(buffer.readableBytesView))
                        await gate.release()
                    case .end:
                        acknowledgements = await upload.finish()
                    case .failed:
                        break loop
                    case .tick:
                        let now = Self.nowMs()
                        if now - lastBytesMs >= Self.putMediaSilenceCloseMs {
                            closeInput = true
                            break loop
                        }
                        if now - lastBytesMs >= Self.putMediaIdleAckMs, now - lastIdleMs >= Self.putMediaIdleAckMs {
                            lastIdleMs = now
                            acknowledgements = [.idle()]
                        }
                    }
                    do {
                        for acknowledgement in acknowledgements {
                            try await writer.write(ByteBuffer(bytes: acknowledgement.json + [0x0A]))
                        }
                    } catch {
                        logger.debug("PutMedia client went away", metadata: ["requestId": "\(requestId)"])
                        closeInput = true
                        break loop
                    }
                    if case .end = event { break loop }
                    if await upload.isFinished {
                        closeInput = true
                        break loop
                    }
                }
                if closeInput {
                    // Stop reading an upload that is refused or silent, which also ends the reader task.
                    channel.close(mode: .input, promise: nil)
                }
                group.cancelAll()
                input.finish()
                await gate.close()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers(contentType: "application/json", requestId: requestId),
                        body: responseBody)
    }

    private static func nowMs() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
