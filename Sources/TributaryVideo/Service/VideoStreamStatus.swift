/// A stream's `Status` as AWS names it. CREATING, UPDATING and DELETING are transient: `run()` ends them after the
/// configured `stateDelayMs`.
public enum VideoStreamStatus: String, Codable, Sendable {
    case creating = "CREATING"
    case active = "ACTIVE"
    case updating = "UPDATING"
    case deleting = "DELETING"

    /// Whether media may be written and read: an ACTIVE stream, or one whose metadata is being updated (an update
    /// does not interrupt the data plane).
    var servesMedia: Bool { self == .active || self == .updating }
}
