/// Where an in-process consumer starts reading a shard it has no checkpoint for.
public enum ShardStartingPoint: Sendable, Equatable {
    /// The oldest retained record.
    case trimHorizon
    /// Just after the newest record at the time of the call.
    case latest
    /// The first record that arrived at or after this time (milliseconds since 1970).
    case atTimestampMs(Int64)
}
