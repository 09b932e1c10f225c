/// What `RecordFrame.decode` found at a position.
///
/// It exists so callers tell apart "need more bytes" (keep reading, or a torn tail when the file ends) from
/// "these bytes are wrong" (corruption), which recovery and reads treat differently.
enum RecordFrameDecoding: Equatable {
    /// A valid frame of `frameBytes` bytes holding `record`.
    case record(LogRecord, frameBytes: Int)
    /// The buffer ends before the frame does; the whole frame needs `frameBytes` bytes.
    case incomplete(frameBytes: Int)
    /// The bytes are not a valid frame.
    case corrupt(reason: String)
}
