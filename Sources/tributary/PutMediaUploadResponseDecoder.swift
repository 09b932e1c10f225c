import Foundation

/// Decodes the server's HTTP/1.1 answer incrementally: the head, then the body with its framing removed.
///
/// It exists because acknowledgements must be printed as they arrive, so the body cannot be read to its end
/// first. A value-type state machine fed with whatever `recv` returned: `append` bytes, then call `next` until it
/// returns nil; `finish` at end of connection. Body framing is chunked (what PutMedia answers with),
/// Content-Length (what error answers often use) or until close. Interim 1xx answers are skipped. Every line it
/// waits for is bounded by `PutMediaUploadLimits`, so a server that never ends a line cannot grow the buffer.
///
/// | part        | wire form                                 |
/// |-------------|-------------------------------------------|
/// | head        | status line, header lines, empty line     |
/// | chunk       | hex size [;extension] CRLF, data, CRLF    |
/// | last chunk  | `0` CRLF, trailer lines, empty line       |
struct PutMediaUploadResponseDecoder: Sendable {
    enum Event: Sendable, Equatable {
        case head(PutMediaUploadResponseHead)
        case body([UInt8])
        case end
    }

    private enum State: Sendable, Equatable {
        case head
        case chunkSize
        case chunkData(remainingBytes: Int)
        case chunkDataEnd
        case trailers
        case fixedLength(remainingBytes: Int)
        case untilClose
        case done
    }

    private var buffer: [UInt8] = []
    private var state = State.head

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        buffer += bytes
    }

    /// The next event the buffered bytes complete, or nil when more bytes are needed (or the response is done).
    mutating func next() throws(PutMediaUploadError) -> Event? {
        while true {
            switch state {
            case .head:
                guard let head = try takeHead() else { return nil }
                if (100...199).contains(head.status) { continue }
                state = Self.bodyState(for: head)
                return .head(head)
            case .chunkSize:
                guard let line = try takeLine(bytesMax: PutMediaUploadLimits.responseLineBytesMax) else { return nil }
                let sizeText = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                    throw PutMediaUploadError.malformedResponse("bad chunk size \"\(line.prefix(40))\"")
                }
                state = size == 0 ? .trailers : .chunkData(remainingBytes: size)
            case .chunkData(let remainingBytes):
                guard !buffer.isEmpty else { return nil }
                let bytes = take(min(remainingBytes, buffer.count))
                state = remainingBytes == bytes.count ? .chunkDataEnd : .chunkData(remainingBytes: remainingBytes - bytes.count)
                return .body(bytes)
            case .chunkDataEnd:
                guard buffer.count >= 2 else { return nil }
                guard take(2) == [13, 10] else { throw PutMediaUploadError.malformedResponse("chunk not followed by CRLF") }
                state = .chunkSize
            case .trailers:
                guard let line = try takeLine(bytesMax: PutMediaUploadLimits.responseLineBytesMax) else { return nil }
                if line.isEmpty {
                    state = .done
                    return .end
                }
            case .fixedLength(let remainingBytes):
                if remainingBytes == 0 {
                    state = .done
                    return .end
                }
                guard !buffer.isEmpty else { return nil }
                let bytes = take(min(remainingBytes, buffer.count))
                state = .fixedLength(remainingBytes: remainingBytes - bytes.count)
                return .body(bytes)
            case .untilClose:
                guard !buffer.isEmpty else { return nil }
                return .body(take(buffer.count))
            case .done:
                return nil
            }
        }
    }

    /// Called when the server closed the connection: ends a body framed by the close, and throws for a response
    /// cut short.
    mutating func finish() throws(PutMediaUploadError) -> Event? {
        switch state {
        case .untilClose:
            state = .done
            return .end
        case .done:
            return nil
        default:
            throw PutMediaUploadError.malformedResponse("the connection closed in the middle of the response")
        }
    }

    private static func bodyState(for head: PutMediaUploadResponseHead) -> State {
        if let encoding = head.value("transfer-encoding"), encoding.lowercased().contains("chunked") {
            return .chunkSize
        }
        if let length = head.value("content-length").flatMap(Int.init), length >= 0 {
            return .fixedLength(remainingBytes: length)
        }
        return head.status == 204 || head.status == 304 ? .fixedLength(remainingBytes: 0) : .untilClose
    }

    private mutating func takeHead() throws(PutMediaUploadError) -> PutMediaUploadResponseHead? {
        guard let end = Self.index(of: [13, 10, 13, 10], in: buffer) else {
            guard buffer.count <= PutMediaUploadLimits.responseHeadBytesMax else {
                throw PutMediaUploadError.malformedResponse("response head over \(PutMediaUploadLimits.responseHeadBytesMax) bytes")
            }
            return nil
        }
        let headBytes = take(end)
        _ = take(4)
        return try PutMediaUploadResponseHead(parsing: String(decoding: headBytes, as: UTF8.self))
    }

    private mutating func takeLine(bytesMax: Int) throws(PutMediaUploadError) -> String? {
        guard let end = Self.index(of: [13, 10], in: buffer) else {
            guard buffer.count <= bytesMax else {
                throw PutMediaUploadError.malformedResponse("response line over \(bytesMax) bytes")
            }
            return nil
        }
        let line = take(end)
        _ = take(2)
        return String(decoding: line, as: UTF8.self)
    }

    private mutating func take(_ count: Int) -> [UInt8] {
        let bytes = Array(buffer.prefix(count))
        buffer.removeFirst(count)
        return bytes
    }

    private static func index(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { start in
            pattern.indices.allSatisfy { bytes[start + $0] == pattern[$0] }
        }
    }
}
