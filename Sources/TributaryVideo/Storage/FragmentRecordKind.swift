/// What one record of a fragment's media batch holds, written as the first byte of the record's key.
///
/// It exists so reading a fragment back checks that the records are the ones the index promised, in the order
/// they were written: one or more head records, then cluster records, then tags records.
enum FragmentRecordKind: UInt8, Sendable {
    /// Part of the upload's Info and Tracks elements; the first head record's key is the media header.
    case head = 0x68 // "h"
    /// Part of the Cluster element.
    case cluster = 0x63 // "c"
    /// Part of the producer's Tags elements.
    case tags = 0x74 // "t"

    /// The kind whose records follow this kind's in a batch; nil after the last.
    var next: FragmentRecordKind? {
        switch self {
        case .head: .cluster
        case .cluster: .tags
        case .tags: nil
        }
    }
}
