/// An enhanced fan-out consumer as the metadata store keeps it, inside its stream's descriptor.
public struct ConsumerDescriptor: Codable, Sendable, Equatable {
    public var name: String
    /// Creation time in whole seconds: the number at the end of the consumer ARN, as on AWS.
    public var creationSeconds: Int64
    public var status: ConsumerStatus
    public var statusDeadlineMs: Int64?
    public var tags: [String: String]

    public init(name: String, creationSeconds: Int64, statusDeadlineMs: Int64?, tags: [String: String]) {
        self.name = name
        self.creationSeconds = creationSeconds
        self.status = .creating
        self.statusDeadlineMs = statusDeadlineMs
        self.tags = tags
    }
}

/// ConsumerStatus as AWS reports it.
public enum ConsumerStatus: String, Codable, Sendable {
    case creating = "CREATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
}
