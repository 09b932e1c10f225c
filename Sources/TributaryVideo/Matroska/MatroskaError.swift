/// Why a Matroska upload cannot be read any further.
///
/// It exists so that PutMedia can turn a parse failure into the ERROR acknowledgement AWS sends (with its ErrorId)
/// while keeping the fragments already persisted; every case carries a human-readable message.
/// Timecodes going backwards and fragment duration limits are checked by the caller, not the reader.
public enum MatroskaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not well-formed EBML/Matroska (bad varint, child overrunning its parent, block without a
    /// cluster timecode, unexpected element, …). `offset` is the stream offset where the problem was found.
    case invalidData(offset: Int64, reason: String)
    /// The stream ended in the middle of an element (or inside a known-size Segment or Cluster).
    case truncated(offset: Int64, reason: String)
    /// A Cluster (one fragment) is larger than the limit (AWS: 50 MB).
    case clusterTooLarge(offset: Int64, size: UInt64, limit: Int)
    /// An element other than a Cluster is larger than the reader is willing to buffer.
    case elementTooLarge(offset: Int64, id: EBMLElementID, size: UInt64, limit: Int)
    /// A Cluster arrived before any Tracks element in this document.
    case missingTrackInfo(offset: Int64)
    /// The Tracks element declares more tracks than allowed (AWS: 3).
    case tooManyTracks(count: Int, limit: Int)
    /// A block refers to a track number that Tracks did not declare.
    case undeclaredTrack(offset: Int64, trackNumber: UInt64)

    /// The ErrorId of the PutMedia ERROR acknowledgement this failure maps to.
    public var awsErrorID: Int {
        switch self {
        case .invalidData, .truncated, .elementTooLarge, .missingTrackInfo: 4006
        case .clusterTooLarge: 4001
        case .tooManyTracks: 4012
        case .undeclaredTrack: 4010
        }
    }

    public var description: String {
        switch self {
        case .invalidData(let offset, let reason): "invalid Matroska data at byte \(offset): \(reason)"
        case .truncated(let offset, let reason): "Matroska stream truncated at byte \(offset): \(reason)"
        case .clusterTooLarge(let offset, let size, let limit):
            "cluster at byte \(offset) is \(size) bytes, more than the \(limit)-byte fragment limit"
        case .elementTooLarge(let offset, let id, let size, let limit):
            "element \(id) at byte \(offset) is \(size) bytes, more than the \(limit)-byte limit"
        case .missingTrackInfo(let offset): "cluster at byte \(offset) arrived before any track information"
        case .tooManyTracks(let count, let limit): "\(count) tracks declared, at most \(limit) allowed"
        case .undeclaredTrack(let offset, let track):
            "block at byte \(offset) belongs to track \(track), which Tracks does not declare"
        }
    }
}
