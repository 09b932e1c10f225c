/// A body of Matroska chunks that the gateway writes out one at a time, pulling the next only after the previous one
/// was written (so a slow reader slows reading from storage instead of growing a queue).
///
/// It exists so GetMedia (which follows a live stream) and GetMediaForFragmentList (a fixed list) hand the gateway
/// the same thing, and the gateway knows no storage.
public protocol MediaChunkSource: Sendable {
    /// The next chunk, or nil at the end of the body.
    func next() async throws -> [UInt8]?
}
