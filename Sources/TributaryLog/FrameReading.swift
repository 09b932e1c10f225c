/// What `FrameReader.next()` found.
enum FrameReading {
    /// A valid frame holding `record`, starting at file `position`.
    case frame(LogRecord, position: Int, frameBytes: Int)
    /// The reader reached its byte limit exactly at a frame boundary.
    case end
    /// The frame at `position` is torn (cut by the limit or the file end) or fails its checks.
    case damaged(position: Int, reason: String)
}
