import Foundation

/// What a record read from a data stream remembers of its origin, for Lambda's `kinesisRecordMetadata`.
///
/// Stored as compact JSON in the buffer record's key (DirectPut records have an empty key).
struct SourceRecordMetadata: Codable, Sendable, Equatable {
    var shardId: String
    var partitionKey: String
    var sequenceNumber: String
    var arrivalMs: Int64

    var encoded: [UInt8] { (try? Array(JSONEncoder().encode(self))) ?? [] }

    static func decode(_ bytes: [UInt8]) -> SourceRecordMetadata? {
        bytes.isEmpty ? nil : try? JSONDecoder().decode(SourceRecordMetadata.self, from: Data(bytes))
    }
}
