import Dispatch
import Foundation
import Synchronization

/// The upload's sending half: a thread that reads the input and sends each read as one HTTP chunk, then the last
/// chunk, while the caller's thread reads acknowledgements.
///
/// It exists because PutMedia answers while the body is still going up: sending and receiving must not wait for
/// each other, and the input (a live ffmpeg pipe) is forwarded as it is produced, never buffered whole.
/// Sendable: its state is a stop flag (`Atomic`) and an outcome (`Mutex`) set once, signalled by a semaphore.
/// When the input cannot be read it shuts the socket down, which wakes the reader blocked in `recv`.
final class PutMediaUploadBodyWriter: Sendable {
    /// How the sending ended.
    enum Outcome: Sendable, Equatable {
        /// Every input byte and the last chunk were sent.
        case finished(bodyBytes: Int)
        /// `requestStop` ended the upload early (after an ERROR acknowledgement); no last chunk was sent.
        case stopped
        /// The input could not be read; the socket was shut down.
        case inputFailed(PutMediaUploadError)
        /// The server stopped taking the body (it closed or reset the connection).
        case sendFailed(PutMediaUploadError)
    }

    private let input: PutMediaUploadInput
    private let socket: PutMediaUploadSocket
    private let stopRequested = Atomic<Bool>(false)
    private let outcome = Mutex<Outcome?>(nil)
    private let ended = DispatchSemaphore(value: 0)

    init(input: PutMediaUploadInput, socket: PutMediaUploadSocket) {
        self.input = input
        self.socket = socket
    }

    func start() {
        Thread.detachNewThread { [self] in
            let result = send()
            if case .inputFailed = result { socket.shutDown() }
            outcome.withLock { $0 = result }
            ended.signal()
        }
    }

    /// Makes the writer stop before its next chunk.
    func requestStop() {
        stopRequested.store(true, ordering: .relaxed)
    }

    /// The outcome once the writer ended, waiting at most `timeoutSeconds`; nil while it still runs.
    func outcome(waitingSeconds timeoutSeconds: Int) -> Outcome? {
        if ended.wait(timeout: .now() + .seconds(timeoutSeconds)) == .success { ended.signal() }
        return outcome.withLock { $0 }
    }

    private func send() -> Outcome {
        var buffer = [UInt8](repeating: 0, count: PutMediaUploadLimits.inputReadBytes)
        var bodyBytes = 0
        while true {
            let count: Int
            do {
                count = try input.read(into: &buffer)
            } catch {
                return .inputFailed(error)
            }
            if stopRequested.load(ordering: .relaxed) { return .stopped }
            do {
                try socket.sendAll(count == 0 ? Self.lastChunk : Self.chunk(buffer[..<count]))
            } catch {
                return .sendFailed(error)
            }
            if count == 0 { return .finished(bodyBytes: bodyBytes) }
            bodyBytes += count
        }
    }

    /// One chunk of a chunked body: hex size, CRLF, the bytes, CRLF.
    static func chunk(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        precondition(!bytes.isEmpty, "an empty chunk would end the body")
        var framed = Array(String(bytes.count, radix: 16).utf8) + [13, 10]
        framed += bytes
        framed += [13, 10]
        return framed
    }

    /// The zero-size chunk and empty trailer that end a chunked body.
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)
}
