/// Cuts the acknowledgement stream into lines as its bytes arrive.
///
/// It exists because a `recv` or a chunk can end anywhere, in the middle of an acknowledgement or with several in
/// it. Lines end with LF (a CR before it is dropped); empty lines are skipped. A line longer than
/// `PutMediaUploadLimits.acknowledgementLineBytesMax` is an error, so the pending part stays bounded.
struct PutMediaUploadLineSplitter: Sendable {
    private var pending: [UInt8] = []

    /// The lines that `bytes` completes, without their line ends.
    mutating func lines(completedBy bytes: [UInt8]) throws(PutMediaUploadError) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 10 {
            pending += bytes[start..<index]
            start = index + 1
            if let line = takePending() { lines.append(line) }
        }
        pending += bytes[start...]
        guard pending.count <= PutMediaUploadLimits.acknowledgementLineBytesMax else {
            throw PutMediaUploadError.malformedResponse(
                "acknowledgement line over \(PutMediaUploadLimits.acknowledgementLineBytesMax) bytes")
        }
        return lines
    }

    /// The last line when the stream ended without a line end after it.
    mutating func finish() -> [UInt8]? {
        takePending()
    }

    private mutating func takePending() -> [UInt8]? {
        var line = pending
        pending = []
        if line.last == 13 { line.removeLast() }
        return line.isEmpty ? nil : line
    }
}
