import TributaryWire

/// Reads the request members that configure an application (`Input`, `Output`, `ReferenceDataSource`,
/// `CloudWatchLoggingOption`, `InputProcessingConfiguration`) into the descriptor's types, with the rules the model
/// cannot express: exactly one source or destination, ARNs of the right service.
enum ConfigurationDocuments {
    static func input(_ document: Document, id: String) throws -> ApplicationInput {
        let streams = try document.object("KinesisStreamsInput")
        let firehose = try document.object("KinesisFirehoseInput")
        let source: InputSource
        let roleARN: String
        switch (streams, firehose) {
        case (let streams?, nil):
            source = .kinesisStream(arn: try arn(streams, "ResourceARN", service: "kinesis", what: "Kinesis stream"))
            roleARN = try streams.string("RoleARN") ?? ""
        case (nil, let firehose?):
            source = .firehose(arn: try arn(firehose, "ResourceARN", service: "firehose", what: "Firehose delivery stream"))
            roleARN = try firehose.string("RoleARN") ?? ""
        default:
            throw AnalyticsError.invalidArgument(
                "Exactly one of KinesisStreamsInput or KinesisFirehoseInput must be provided for an input.")
        }
        guard let schemaDocument = try document.object("InputSchema") else {
            throw AnalyticsError.invalidArgument("InputSchema must be provided for an input.")
        }
        let parallelism = try document.object("InputParallelism")?.integer("Count")
        return ApplicationInput(
            id: id, namePrefix: try document.string("NamePrefix") ?? "",
            parallelism: Int(parallelism ?? Int64(AnalyticsLimits.parallelismDefault)), source: source,
            roleARN: roleARN, schema: try SourceSchemaDocument.schema(schemaDocument),
            processing: try document.object("InputProcessingConfiguration").map(processing))
    }

    static func processing(_ document: Document) throws -> InputProcessing {
        guard let lambda = try document.object("InputLambdaProcessor") else {
            throw AnalyticsError.invalidArgument("InputLambdaProcessor must be provided.")
        }
        return InputProcessing(lambdaARN: try arn(lambda, "ResourceARN", service: "lambda", what: "Lambda function"),
                               roleARN: try lambda.string("RoleARN") ?? "")
    }

    static func output(_ document: Document, id: String) throws -> ApplicationOutput {
        let given = try [
            ("KinesisStreamsOutput", "kinesis", "Kinesis stream"),
            ("KinesisFirehoseOutput", "firehose", "Firehose delivery stream"),
            ("LambdaOutput", "lambda", "Lambda function"),
        ].compactMap { member, service, what in
            try document.object(member).map { (member, service, what, $0) }
        }
        guard given.count == 1, let (member, service, what, destination) = given.first else {
            throw AnalyticsError.invalidArgument(
                "Exactly one of KinesisStreamsOutput, KinesisFirehoseOutput or LambdaOutput must be provided for an output.")
        }
        let arn = try arn(destination, "ResourceARN", service: service, what: what)
        let target: OutputDestination = switch member {
        case "KinesisStreamsOutput": .kinesisStream(arn: arn)
        case "KinesisFirehoseOutput": .firehose(arn: arn)
        default: .lambda(arn: arn)
        }
        return ApplicationOutput(id: id, name: try document.string("Name") ?? "", destination: target,
                                 roleARN: try destination.string("RoleARN") ?? "",
                                 format: try format(document.object("DestinationSchema")))
    }

    static func format(_ schema: Document?) throws -> OutputFormat {
        let type = try schema?.string("RecordFormatType") ?? ""
        guard let format = OutputFormat(rawValue: type) else {
            throw AnalyticsError.invalidArgument("RecordFormatType \(type) is not supported; use JSON or CSV.")
        }
        return format
    }

    static func referenceDataSource(_ document: Document, id: String) throws -> ReferenceDataSource {
        guard let s3 = try document.object("S3ReferenceDataSource") else {
            throw AnalyticsError.invalidArgument("S3ReferenceDataSource must be provided for a reference data source.")
        }
        guard let schema = try document.object("ReferenceSchema") else {
            throw AnalyticsError.invalidArgument("ReferenceSchema must be provided for a reference data source.")
        }
        return ReferenceDataSource(
            id: id, tableName: try document.string("TableName") ?? "",
            bucketARN: try arn(s3, "BucketARN", service: "s3", what: "S3 bucket"),
            fileKey: try s3.string("FileKey") ?? "", roleARN: try s3.string("ReferenceRoleARN") ?? "",
            schema: try SourceSchemaDocument.schema(schema))
    }

    static func loggingOption(_ document: Document, id: String) throws -> CloudWatchLoggingOption {
        CloudWatchLoggingOption(id: id, logStreamARN: try arn(document, "LogStreamARN", service: "logs",
                                                              what: "CloudWatch log stream"),
                                roleARN: try document.string("RoleARN") ?? "")
    }

    /// The ARN in `member`, which must name a resource of `service`.
    static func arn(_ document: Document, _ member: String, service: String, what: String) throws -> String {
        let text = try document.string(member) ?? ""
        guard let parsed = ARN(parsing: text), parsed.service == service else {
            throw AnalyticsError.invalidArgument("\(member) \(text) is not a valid \(what) ARN.")
        }
        return text
    }

    /// `"<n>.1"`, the id AWS gives the n-th input, output, reference data source or logging option.
    static func id(_ number: Int) -> String { "\(number).1" }
}
