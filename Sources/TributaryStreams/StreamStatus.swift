/// The lifecycle states AWS reports in StreamStatus. Transitions (CREATING → ACTIVE, ACTIVE → UPDATING → ACTIVE,
/// any → DELETING → gone) each last the configured state delay so clients that poll behave as they do on AWS.
public enum StreamStatus: String, Codable, Sendable {
    case creating = "CREATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
    case updating = "UPDATING"

    /// Whether records may be written and read: AWS serves data while a stream is ACTIVE or UPDATING.
    public var isServingData: Bool { self == .active || self == .updating }
}

/// Capacity mode of a stream (`StreamModeDetails.StreamMode`).
public enum StreamMode: String, Codable, Sendable {
    case provisioned = "PROVISIONED"
    case onDemand = "ON_DEMAND"
}
