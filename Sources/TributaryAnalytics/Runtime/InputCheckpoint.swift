/// How far an application has consumed one streaming source: for a data stream, per shard the position of the first
/// record not yet taken into the application, and the shards read to their end.
///
/// Saved only after the rows these records produced have been delivered to every output, so LAST_STOPPED_POINT
/// resumes at the first record whose results were not delivered: nothing lost, nothing repeated.
public struct InputCheckpoint: Codable, Equatable, Sendable {
    public var streamName: String
    public var streamIncarnation: Int64
    public var positions: [String: UInt64]
    public var endedShards: Set<String>

    public init(streamName: String, streamIncarnation: Int64, positions: [String: UInt64] = [:],
                endedShards: Set<String> = []) {
        self.streamName = streamName
        self.streamIncarnation = streamIncarnation
        self.positions = positions
        self.endedShards = endedShards
    }
}

/// Every input checkpoint of one application incarnation, the document the runtime persists per application.
public struct ApplicationCheckpoint: Codable, Equatable, Sendable {
    public var applicationName: String
    public var incarnation: Int64
    /// By input id ("1.1").
    public var inputs: [String: InputCheckpoint]

    public init(applicationName: String, incarnation: Int64, inputs: [String: InputCheckpoint]) {
        self.applicationName = applicationName
        self.incarnation = incarnation
        self.inputs = inputs
    }
}
