import Foundation

/// The upload's receiving half: reads the server's answer, prints each acknowledgement line as it completes and
/// turns a non-200 answer into `PutMediaUploadError.httpError`.
///
/// It exists to keep the receive loop apart from the connection set-up. After an ERROR acknowledgement it tells
/// the body writer to stop and waits for the rest of the response at most
/// `PutMediaUploadLimits.responseEndAfterErrorSeconds`: AWS ends the response after an error, and a server that
/// does not must not keep the tool alive.
struct PutMediaUploadResponseReader {
    let socket: PutMediaUploadSocket
    let onErrorAcknowledgement: @Sendable () -> Void

    private var decoder = PutMediaUploadResponseDecoder()
    private var lines = PutMediaUploadLineSplitter()
    private var head: PutMediaUploadResponseHead?
    private var errorBody: [UInt8] = []
    private var acknowledgedError = false

    init(socket: PutMediaUploadSocket, onErrorAcknowledgement: @escaping @Sendable () -> Void) {
        self.socket = socket
        self.onErrorAcknowledgement = onErrorAcknowledgement
    }

    /// Reads until the response ends; returns whether an ERROR acknowledgement came.
    mutating func readToEnd() throws(PutMediaUploadError) -> Bool {
        var buffer = [UInt8](repeating: 0, count: PutMediaUploadLimits.inputReadBytes)
        while true {
            do {
                let timeoutSeconds = acknowledgedError
                    ? PutMediaUploadLimits.responseEndAfterErrorSeconds : PutMediaUploadLimits.receiveTimeoutSeconds
                let count = try socket.receive(into: &buffer, timeoutSeconds: timeoutSeconds)
                if count == 0 {
                    if let event = try decoder.finish(), try handle(event) { return acknowledgedError }
                    continue
                }
                decoder.append(buffer[..<count])
                while let event = try decoder.next() {
                    if try handle(event) { return acknowledgedError }
                }
            } catch {
                // After an ERROR acknowledgement the upload has failed already; how the connection ends is moot.
                if acknowledgedError { return true }
                throw error
            }
        }
    }

    /// Handles one decoder event; returns true when the response has ended.
    private mutating func handle(_ event: PutMediaUploadResponseDecoder.Event) throws(PutMediaUploadError) -> Bool {
        switch event {
        case .head(let received):
            head = received
            return false
        case .body(let bytes):
            if head?.status == 200 {
                for line in try lines.lines(completedBy: bytes) { acknowledge(line) }
            } else if errorBody.count < PutMediaUploadLimits.errorBodyBytesMax {
                errorBody += bytes.prefix(PutMediaUploadLimits.errorBodyBytesMax - errorBody.count)
            }
            return false
        case .end:
            guard let head, head.status == 200 else {
                throw Self.httpError(head: head, body: errorBody)
            }
            if let line = lines.finish() { acknowledge(line) }
            return true
        }
    }

    private mutating func acknowledge(_ line: [UInt8]) {
        PutMediaUploadOutput.writeLine(line)
        if !acknowledgedError, PutMediaUploadAcknowledgement(line: line).isError {
            acknowledgedError = true
            onErrorAcknowledgement()
        }
    }

    /// AWS's error: the type from `x-amzn-ErrorType` (before any `:`) or the body's `__type` (after any `#`),
    /// the message from the body's `message` or `Message`.
    static func httpError(head: PutMediaUploadResponseHead?, body: [UInt8]) -> PutMediaUploadError {
        let status = head?.status ?? 0
        let document = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        let headerType = head?.value("x-amzn-errortype")?.split(separator: ":").first.map(String.init)
        let bodyType = (document?["__type"] as? String)?.split(separator: "#").last.map(String.init)
        let message = document?["message"] as? String ?? document?["Message"] as? String
            ?? String(decoding: body, as: UTF8.self)
        return .httpError(status: status, errorType: headerType ?? bodyType ?? "HTTP \(status)", message: message)
    }
}
