/// One PutMedia upload: connects, sends the request head, streams the input as a chunked body on a second thread
/// and prints every acknowledgement line as it arrives, until the server ends its response.
///
/// It exists as the client half of Kinesis Video's PutMedia for `tributary video put`, written on plain sockets
/// because the exchange is full duplex. `run` returns how the upload ended when the server answered it with
/// acknowledgements, and throws `PutMediaUploadError` when there was no such answer (an AWS error, a broken
/// connection, an unreadable input).
struct PutMediaUpload: Sendable {
    /// How an acknowledged upload ended.
    enum Outcome: Sendable, Equatable {
        /// The whole input was sent and the response ended without an ERROR acknowledgement.
        case completed
        /// An ERROR acknowledgement came (it was printed with the others).
        case errorAcknowledged
    }

    let request: PutMediaUploadRequest
    /// The input file; nil or `-` for standard input.
    let inputPath: String?

    func run() throws(PutMediaUploadError) -> Outcome {
        let input = try PutMediaUploadInput.open(path: inputPath)
        defer { input.close() }
        let socket = try PutMediaUploadSocket.connect(host: request.endpoint.host, port: request.endpoint.port)
        defer { socket.close() }
        let head: [UInt8]
        do {
            head = try request.head()
        } catch {
            throw PutMediaUploadError.invalidEndpoint("the request cannot be signed for this endpoint: \(error)")
        }
        try socket.sendAll(head)
        let writer = PutMediaUploadBodyWriter(input: input, socket: socket)
        writer.start()
        var reader = PutMediaUploadResponseReader(socket: socket, onErrorAcknowledgement: writer.requestStop)
        let acknowledgedError: Bool
        do {
            acknowledgedError = try reader.readToEnd()
        } catch {
            switch writer.outcome(waitingSeconds: PutMediaUploadLimits.writerOutcomeAfterFailureSeconds) {
            case .inputFailed(let cause)?:
                // An unreadable input shuts the socket down, which the reader sees as a cut response.
                throw cause
            case .sendFailed? where !error.isHTTPError:
                throw .closedBeforeUploadEnded
            default:
                throw error
            }
        }
        if acknowledgedError { return .errorAcknowledged }
        switch writer.outcome(waitingSeconds: PutMediaUploadLimits.writerFinishSeconds) {
        case .finished?:
            return .completed
        case .inputFailed(let cause)?:
            throw cause
        case .stopped?, .sendFailed?, nil:
            throw .closedBeforeUploadEnded
        }
    }
}
