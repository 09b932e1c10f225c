/// Reads the frames of one segment file in order, from a position up to a byte limit, through a buffer
/// refilled with `pread`.
///
/// It exists so reads, timestamp lookups and recovery share one way of walking frames that never reads past
/// the bytes known to be written (`limitBytes`) and reports a frame cut by that limit as `.damaged`.
/// A value owned by one caller at a time; the file it reads may be shared.
struct FrameReader {
    let file: OpenFile
    /// Position one past the last byte this reader may look at.
    let limitBytes: Int
    let chunkBytes: Int
    /// Position of the next frame.
    private(set) var position: Int
    private var buffer: [UInt8] = []
    /// File position of `buffer[0]`.
    private var bufferPosition = 0

    init(file: OpenFile, position: Int, limitBytes: Int, chunkBytes: Int) {
        self.file = file
        self.position = position
        self.limitBytes = limitBytes
        self.chunkBytes = chunkBytes
    }

    /// The next frame, `.end` at the limit, or `.damaged` for a torn or corrupt frame (the reader then stays
    /// at that position).
    mutating func next() throws -> FrameReading {
        guard position < limitBytes else { return .end }
        var neededBytes = RecordFrame.lengthFieldBytes
        while true {
            let offsetInBuffer = position - bufferPosition
            if offsetInBuffer >= 0, buffer.count - offsetInBuffer >= neededBytes {
                switch RecordFrame.decode(buffer, at: offsetInBuffer) {
                case .record(let record, let frameBytes):
                    let framePosition = position
                    position += frameBytes
                    return .frame(record, position: framePosition, frameBytes: frameBytes)
                case .corrupt(let reason):
                    return .damaged(position: position, reason: reason)
                case .incomplete(let frameBytes):
                    neededBytes = frameBytes
                }
            }
            guard limitBytes - position >= neededBytes else {
                return .damaged(position: position, reason: "frame of \(neededBytes) bytes cut by the end of the data")
            }
            let readBytes = min(max(neededBytes, chunkBytes), limitBytes - position)
            buffer = try file.read(count: readBytes, at: position)
            bufferPosition = position
            guard buffer.count >= neededBytes else {
                return .damaged(position: position, reason: "file ends inside a frame")
            }
        }
    }
}
