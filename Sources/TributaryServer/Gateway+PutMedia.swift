import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TributaryAuth
import TributaryVideo

/// PutMedia's answer: a 200 whose body is one JSON acknowledgement per line, written while the upload is still
/// being read from the same connection.
///
/// Three tasks meet in one event sequence: a reader hands over one body chunk at a time (and waits until it was
/// ingested, so a slow disk slows the producer instead of filling memory), a ticker marks each second (IDLE
/// acknowledgements after `putMediaIdleAckMs` of silence, the end after `putMediaSilenceCloseMs`), and the writer
/// below feeds the upload and writes what it acknowledges. After an ERROR the connection's input is closed, so an
/// endless upload is not drained.
///
/// A chunk-signed body (`signedChunks`) is de-framed here and each chunk's signature checked before its data reaches
/// the upload. A bad chunk, broken framing or a body that ends before its final chunk ends the upload with ERROR
/// 4000 (STREAM_READ_ERROR): the 200 and earlier acknowledgements are already on the wire, so an HTTP error can no
/// longer be sent, and AWS's answer to a PutMedia body it cannot read is that acknowledgement. The fragment in
/// progress is dropped, not finished (finishing would store an unknown-size cluster cut at the bad chunk); fragments
/// acknowledged before stay stored, as after any ERROR.
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

    func putMediaResponse(_ upload: PutMediaUpload, body: RequestBody, signedChunks: SignedChunkStream?,
                          channel: any Channel, requestId: String) -> Response {
        let logger = logger
        let responseBody = ResponseBody { writer in
            var signedChunks = signedChunks
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
                        acknowledgements = await Self.ingest(Array(buffer.readableBytesView), into: upload,
                                                             signedChunks: &signedChunks)
                        await gate.release()
                    case .end:
                        signedChunks?.finish()
                        if let failure = signedChunks?.failure {
                            acknowledgements = [Self.refusal(failure)]
                        } else {
                            acknowledgements = await upload.finish()
                        }
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
                    if let failure = signedChunks?.failure {
                        logger.debug("PutMedia chunk-signed body refused",
                                     metadata: ["requestId": "\(requestId)", "reason": "\(failure)"])
                        if case .bytes = event { closeInput = true }
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

    /// The acknowledgements of one piece of the body: its bytes go to the upload, after their chunk signatures
    /// checked out when the body is chunk-signed; a chunk that fails adds the ERROR that ends the upload.
    private static func ingest(_ bytes: [UInt8], into upload: PutMediaUpload,
                               signedChunks: inout SignedChunkStream?) async -> [PutMediaAcknowledgement] {
        guard var chunks = signedChunks else { return await upload.feed(bytes) }
        let verified = chunks.feed(bytes)
        signedChunks = chunks
        var acknowledgements = verified.isEmpty ? [] : await upload.feed(verified)
        if let failure = chunks.failure, await !upload.isFinished {
            acknowledgements.append(refusal(failure))
        }
        return acknowledgements
    }

    /// The ERROR that ends an upload whose chunk-signed body failed.
    private static func refusal(_ failure: SignedChunkError) -> PutMediaAcknowledgement {
        .error(.streamReadError("\(failure)"), timecode: nil)
    }

    private static func nowMs() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
