import TributaryWire

/// `ApplicationUpdate` applied to a descriptor: each `*Update` member replaces what it names and keeps the rest, as
/// UpdateApplication does on AWS. Ids that name nothing are refused.
enum ApplicationUpdateDocument {
    static func apply(_ update: Document, to application: inout ApplicationDescriptor) throws {
        guard case .object(let members) = update, members.values.contains(where: { $0 != .null }) else {
            throw AnalyticsError.invalidArgument("ApplicationUpdate must contain at least one update.")
        }
        if let code = try update.string("ApplicationCodeUpdate") { application.code = code }
        for inputUpdate in try update.array("InputUpdates") ?? [] {
            let id = try inputUpdate.string("InputId") ?? ""
            guard let index = application.inputs.firstIndex(where: { $0.id == id }) else {
                throw AnalyticsError.resourceNotFound("Input id \(id) is not found in application \(application.name).")
            }
            try applyInput(inputUpdate, to: &application.inputs[index])
        }
        for outputUpdate in try update.array("OutputUpdates") ?? [] {
            let id = try outputUpdate.string("OutputId") ?? ""
            guard let index = application.outputs.firstIndex(where: { $0.id == id }) else {
                throw AnalyticsError.resourceNotFound("Output id \(id) is not found in application \(application.name).")
            }
            try applyOutput(outputUpdate, to: &application.outputs[index])
        }
        for referenceUpdate in try update.array("ReferenceDataSourceUpdates") ?? [] {
            let id = try referenceUpdate.string("ReferenceId") ?? ""
            guard let index = application.referenceDataSources.firstIndex(where: { $0.id == id }) else {
                throw AnalyticsError.resourceNotFound(
                    "Reference id \(id) is not found in application \(application.name).")
            }
            try applyReference(referenceUpdate, to: &application.referenceDataSources[index])
        }
        for loggingUpdate in try update.array("CloudWatchLoggingOptionUpdates") ?? [] {
            let id = try loggingUpdate.string("CloudWatchLoggingOptionId") ?? ""
            guard let index = application.cloudWatchLoggingOptions.firstIndex(where: { $0.id == id }) else {
                throw AnalyticsError.resourceNotFound(
                    "CloudWatch logging option id \(id) is not found in application \(application.name).")
            }
            if loggingUpdate["LogStreamARNUpdate"] != nil {
                application.cloudWatchLoggingOptions[index].logStreamARN = try ConfigurationDocuments.arn(
                    loggingUpdate, "LogStreamARNUpdate", service: "logs", what: "CloudWatch log stream")
            }
            if let role = try loggingUpdate.string("RoleARNUpdate") {
                application.cloudWatchLoggingOptions[index].roleARN = role
            }
        }
    }

    static func applyInput(_ update: Document, to input: inout ApplicationInput) throws {
        if let prefix = try update.string("NamePrefixUpdate") { input.namePrefix = prefix }
        if let count = try update.object("InputParallelismUpdate")?.integer("CountUpdate") {
            input.parallelism = Int(count)
        }
        if let schema = try update.object("InputSchemaUpdate") {
            input.schema = try SourceSchemaDocument.updated(input.schema, with: schema)
        }
        let streams = try update.object("KinesisStreamsInputUpdate")
        let firehose = try update.object("KinesisFirehoseInputUpdate")
        if streams != nil, firehose != nil {
            throw AnalyticsError.invalidArgument(
                "Only one of KinesisStreamsInputUpdate or KinesisFirehoseInputUpdate can be provided.")
        }
        if let streams {
            let arn = streams["ResourceARNUpdate"] == nil ? nil : try ConfigurationDocuments.arn(
                streams, "ResourceARNUpdate", service: "kinesis", what: "Kinesis stream")
            try retarget(&input, arn: arn, role: streams.string("RoleARNUpdate"), kind: "KinesisStreamsInputUpdate") {
                .kinesisStream(arn: $0)
            } matches: { if case .kinesisStream = $0 { true } else { false } }
        }
        if let firehose {
            let arn = firehose["ResourceARNUpdate"] == nil ? nil : try ConfigurationDocuments.arn(
                firehose, "ResourceARNUpdate", service: "firehose", what: "Firehose delivery stream")
            try retarget(&input, arn: arn, role: firehose.string("RoleARNUpdate"), kind: "KinesisFirehoseInputUpdate") {
                .firehose(arn: $0)
            } matches: { if case .firehose = $0 { true } else { false } }
        }
        if let processing = try update.object("InputProcessingConfigurationUpdate")?
            .object("InputLambdaProcessorUpdate") {
            let arn = processing["ResourceARNUpdate"] == nil ? nil : try ConfigurationDocuments.arn(
                processing, "ResourceARNUpdate", service: "lambda", what: "Lambda function")
            let role = try processing.string("RoleARNUpdate")
            guard let lambdaARN = arn ?? input.processing?.lambdaARN, let roleARN = role ?? input.processing?.roleARN
            else {
                throw AnalyticsError.invalidArgument(
                    "Input \(input.id) has no input processing configuration to update; both ResourceARNUpdate and RoleARNUpdate are needed to add one.")
            }
            input.processing = InputProcessing(lambdaARN: lambdaARN, roleARN: roleARN)
        }
    }

    /// Points the input at a new source of one kind: switching kinds needs the new ARN.
    private static func retarget(_ input: inout ApplicationInput, arn: String?, role: String?, kind: String,
                                 source: (String) -> InputSource, matches: (InputSource) -> Bool) throws {
        if let arn {
            input.source = source(arn)
        } else if !matches(input.source) {
            throw AnalyticsError.invalidArgument("\(kind) must provide ResourceARNUpdate to change the input's source.")
        }
        if let role { input.roleARN = role }
    }

    static func applyOutput(_ update: Document, to output: inout ApplicationOutput) throws {
        if let name = try update.string("NameUpdate") { output.name = name }
        if let schema = try update.object("DestinationSchemaUpdate") {
            output.format = try ConfigurationDocuments.format(schema)
        }
        let kinds: [(String, String, String, (String) -> OutputDestination)] = [
            ("KinesisStreamsOutputUpdate", "kinesis", "Kinesis stream", { .kinesisStream(arn: $0) }),
            ("KinesisFirehoseOutputUpdate", "firehose", "Firehose delivery stream", { .firehose(arn: $0) }),
            ("LambdaOutputUpdate", "lambda", "Lambda function", { .lambda(arn: $0) }),
        ]
        let given = try kinds.compactMap { kind in try update.object(kind.0).map { (kind, $0) } }
        guard given.count <= 1 else {
            throw AnalyticsError.invalidArgument(
                "Only one of KinesisStreamsOutputUpdate, KinesisFirehoseOutputUpdate or LambdaOutputUpdate can be provided.")
        }
        guard let ((member, service, what, destination), document) = given.first else { return }
        if document["ResourceARNUpdate"] != nil {
            output.destination = destination(try ConfigurationDocuments.arn(
                document, "ResourceARNUpdate", service: service, what: what))
        } else if ARN(parsing: output.destination.arn)?.service != service {
            throw AnalyticsError.invalidArgument("\(member) must provide ResourceARNUpdate to change the destination.")
        }
        if let role = try document.string("RoleARNUpdate") { output.roleARN = role }
    }

    static func applyReference(_ update: Document, to source: inout ReferenceDataSource) throws {
        if let table = try update.string("TableNameUpdate") { source.tableName = table }
        if let s3 = try update.object("S3ReferenceDataSourceUpdate") {
            if s3["BucketARNUpdate"] != nil {
                source.bucketARN = try ConfigurationDocuments.arn(s3, "BucketARNUpdate", service: "s3", what: "S3 bucket")
            }
            if let key = try s3.string("FileKeyUpdate") { source.fileKey = key }
            if let role = try s3.string("ReferenceRoleARNUpdate") { source.roleARN = role }
        }
        if let schema = try update.object("ReferenceSchemaUpdate") {
            source.schema = try SourceSchemaDocument.schema(schema)
        }
    }
}
