/// One destination of the application (`Output`): the in-application stream it takes rows from, where they go and
/// in which format.
public struct ApplicationOutput: Codable, Sendable, Equatable {
    /// `OutputId` (`"1.1"`, `"2.1"`...).
    public var id: String
    /// `Name`: the in-application stream whose rows are written.
    public var name: String
    public var destination: OutputDestination
    /// The role the destination is written with.
    public var roleARN: String
    /// `DestinationSchema.RecordFormatType`.
    public var format: OutputFormat

    public init(id: String, name: String, destination: OutputDestination, roleARN: String, format: OutputFormat) {
        self.id = id
        self.name = name
        self.destination = destination
        self.roleARN = roleARN
        self.format = format
    }
}

/// Where an output's rows are written.
public enum OutputDestination: Codable, Sendable, Equatable {
    /// `KinesisStreamsOutput`: a data stream.
    case kinesisStream(arn: String)
    /// `KinesisFirehoseOutput`: a delivery stream.
    case firehose(arn: String)
    /// `LambdaOutput`: a function.
    case lambda(arn: String)

    public var arn: String {
        switch self {
        case .kinesisStream(let arn), .firehose(let arn), .lambda(let arn): arn
        }
    }
}
