/// Everything persisted about one application: identity, lifecycle, code, inputs, outputs, reference data, logging
/// options and tags.
///
/// It is the durable record the control plane keeps in its `MetadataCatalog` and the runtime reads to compile and
/// run the application. `incarnation` tells apart an application deleted and created again under the same name, so
/// the new one never resumes the old one's checkpoints.
public struct ApplicationDescriptor: Codable, Sendable, Equatable {
    /// `ApplicationStatus` as AWS names it.
    public enum Status: String, Codable, Sendable {
        case ready = "READY"
        case starting = "STARTING"
        case running = "RUNNING"
        case updating = "UPDATING"
        case stopping = "STOPPING"
        case deleting = "DELETING"
    }

    public var name: String
    public var arn: String
    public var status: Status
    /// `ApplicationVersionId`: 1 at creation, one more with every configuration change.
    public var versionId: Int64
    /// `ApplicationCode`: the SQL, nil until some is given.
    public var code: String?
    /// `ApplicationDescription`.
    public var description: String?
    /// `CreateTimestamp`, milliseconds since 1970.
    public var createdAt: Int64
    /// `LastUpdateTimestamp`, milliseconds since 1970: the last configuration change.
    public var updatedAt: Int64
    public var inputs: [ApplicationInput]
    public var outputs: [ApplicationOutput]
    public var referenceDataSources: [ReferenceDataSource]
    public var cloudWatchLoggingOptions: [CloudWatchLoggingOption]
    public var tags: [ApplicationTag]
    /// Unique for this creation of the application (creation time in milliseconds, made unique per name).
    public var incarnation: Int64

    /// When `run()` finishes the current transient status (STARTING, UPDATING, STOPPING, DELETING).
    var statusDeadlineMs: Int64?
    /// The numbers the next input, output, reference data source and logging option get (`"<n>.1"`), never reused.
    var nextIds: IdCounters

    /// Per-kind counters behind the ids AWS assigns.
    struct IdCounters: Codable, Sendable, Equatable {
        var input = 1
        var output = 1
        var reference = 1
        var logging = 1
    }

    /// The input with this `InputId`.
    public func input(id: String) -> ApplicationInput? { inputs.first { $0.id == id } }
}

/// One tag of an application (`Key` required, `Value` optional as in the model).
public struct ApplicationTag: Codable, Sendable, Equatable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}

/// A `CloudWatchLoggingOption`: where the application's errors would be logged. Kept and described; nothing is
/// sent to CloudWatch here.
public struct CloudWatchLoggingOption: Codable, Sendable, Equatable {
    /// `CloudWatchLoggingOptionId` (`"1.1"`).
    public var id: String
    public var logStreamARN: String
    public var roleARN: String

    public init(id: String, logStreamARN: String, roleARN: String) {
        self.id = id
        self.logStreamARN = logStreamARN
        self.roleARN = roleARN
    }
}
