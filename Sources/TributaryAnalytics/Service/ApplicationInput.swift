/// The application's streaming source (`Input`): where records come from, how they become rows, and the
/// in-application streams they feed.
public struct ApplicationInput: Codable, Sendable, Equatable {
    /// `InputId` as AWS numbers them: `"1.1"`, `"2.1"`...
    public var id: String
    /// `NamePrefix`: the in-application streams are `<NamePrefix>_001`, `_002`...
    public var namePrefix: String
    /// `InputParallelism.Count`: how many in-application streams the source feeds.
    public var parallelism: Int
    public var source: InputSource
    /// The role the source is read with (`KinesisStreamsInput.RoleARN` / `KinesisFirehoseInput.RoleARN`).
    public var roleARN: String
    public var schema: InputSchema
    /// `InputProcessingConfiguration`: a Lambda preprocessor, when one is configured.
    public var processing: InputProcessing?
    /// `InputStartingPositionConfiguration`: the position the last StartApplication chose, nil before any.
    public var startingPosition: InputStartingPosition?

    public init(id: String, namePrefix: String, parallelism: Int, source: InputSource, roleARN: String,
                schema: InputSchema, processing: InputProcessing? = nil, startingPosition: InputStartingPosition? = nil) {
        self.id = id
        self.namePrefix = namePrefix
        self.parallelism = parallelism
        self.source = source
        self.roleARN = roleARN
        self.schema = schema
        self.processing = processing
        self.startingPosition = startingPosition
    }

    /// `InAppStreamNames`: `<NamePrefix>_001` ... one per parallelism count, three digits as AWS writes them.
    public var inAppStreamNames: [String] {
        (1...max(parallelism, 1)).map { index in
            let digits = String(index)
            return namePrefix + "_" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        }
    }
}

/// Where an input's records come from.
public enum InputSource: Codable, Sendable, Equatable {
    /// `KinesisStreamsInput`: a data stream.
    case kinesisStream(arn: String)
    /// `KinesisFirehoseInput`: a delivery stream.
    case firehose(arn: String)

    public var arn: String {
        switch self {
        case .kinesisStream(let arn), .firehose(let arn): arn
        }
    }
}

/// `InputProcessingConfiguration.InputLambdaProcessor`: the function that preprocesses records before the SQL sees
/// them, and the role it is invoked with.
public struct InputProcessing: Codable, Sendable, Equatable {
    public var lambdaARN: String
    public var roleARN: String

    public init(lambdaARN: String, roleARN: String) {
        self.lambdaARN = lambdaARN
        self.roleARN = roleARN
    }
}
