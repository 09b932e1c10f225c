import Foundation
import TributaryLog

/// How far a KinesisStreamAsSource delivery stream has read its data stream: per shard, the next position to read,
/// and the shards read to their end (whose children may then be read).
///
/// Saved after the records read are durable in the delivery stream's buffer, so a restart resumes exactly there
/// (a crash between the two reads the last step again: duplicates only across a crash).
struct SourceCheckpoint: Codable, Sendable, Equatable {
    var streamName: String
    var streamIncarnation: Int64
    var positions: [String: UInt64]
    var endedShards: Set<String>
}

struct SourceCheckpoints: Sendable {
    static let namespace = "firehose-source"
    let metadata: any MetadataStore

    func load(_ key: String) throws -> SourceCheckpoint? {
        guard let bytes = try metadata.load(namespace: Self.namespace)[key] else { return nil }
        return try JSONDecoder().decode(SourceCheckpoint.self, from: Data(bytes))
    }

    func save(_ key: String, _ checkpoint: SourceCheckpoint) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try metadata.put(namespace: Self.namespace, key: key, value: Array(try encoder.encode(checkpoint)))
    }
}
