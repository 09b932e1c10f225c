import TributaryWire

/// The descriptor as the API shows it: `ApplicationDetail` (DescribeApplication) and `ApplicationSummary`
/// (CreateApplication, ListApplications), member for member as AWS shapes them.
enum ApplicationDetailDocument {
    static func summary(_ application: ApplicationDescriptor) -> Document {
        .object([
            "ApplicationName": .string(application.name),
            "ApplicationARN": .string(application.arn),
            "ApplicationStatus": .string(application.status.rawValue),
        ])
    }

    static func detail(_ application: ApplicationDescriptor) -> Document {
        var members: [String: Document] = [
            "ApplicationName": .string(application.name),
            "ApplicationARN": .string(application.arn),
            "ApplicationStatus": .string(application.status.rawValue),
            "ApplicationVersionId": .integer(application.versionId),
            "CreateTimestamp": .timestamp(Double(application.createdAt) / 1000),
            "LastUpdateTimestamp": .timestamp(Double(application.updatedAt) / 1000),
            "InputDescriptions": .array(application.inputs.map(input)),
            "OutputDescriptions": .array(application.outputs.map(output)),
            "ReferenceDataSourceDescriptions": .array(application.referenceDataSources.map(referenceDataSource)),
            "CloudWatchLoggingOptionDescriptions": .array(application.cloudWatchLoggingOptions.map(loggingOption)),
        ]
        members["ApplicationDescription"] = application.description.map(Document.string)
        members["ApplicationCode"] = application.code.map(Document.string)
        return .object(members)
    }

    static func input(_ input: ApplicationInput) -> Document {
        var members: [String: Document] = [
            "InputId": .string(input.id),
            "NamePrefix": .string(input.namePrefix),
            "InAppStreamNames": .array(input.inAppStreamNames.map(Document.string)),
            "InputSchema": SourceSchemaDocument.document(input.schema),
            "InputParallelism": .object(["Count": .integer(Int64(input.parallelism))]),
            "InputStartingPositionConfiguration": .object(
                input.startingPosition.map { ["InputStartingPosition": .string($0.rawValue)] } ?? [:]),
        ]
        let source = Document.object(["ResourceARN": .string(input.source.arn), "RoleARN": .string(input.roleARN)])
        switch input.source {
        case .kinesisStream: members["KinesisStreamsInputDescription"] = source
        case .firehose: members["KinesisFirehoseInputDescription"] = source
        }
        if let processing = input.processing {
            members["InputProcessingConfigurationDescription"] = .object([
                "InputLambdaProcessorDescription": .object([
                    "ResourceARN": .string(processing.lambdaARN), "RoleARN": .string(processing.roleARN),
                ]),
            ])
        }
        return .object(members)
    }

    static func output(_ output: ApplicationOutput) -> Document {
        var members: [String: Document] = [
            "OutputId": .string(output.id),
            "Name": .string(output.name),
            "DestinationSchema": .object(["RecordFormatType": .string(output.format.rawValue)]),
        ]
        let destination = Document.object(["ResourceARN": .string(output.destination.arn),
                                           "RoleARN": .string(output.roleARN)])
        switch output.destination {
        case .kinesisStream: members["KinesisStreamsOutputDescription"] = destination
        case .firehose: members["KinesisFirehoseOutputDescription"] = destination
        case .lambda: members["LambdaOutputDescription"] = destination
        }
        return .object(members)
    }

    static func referenceDataSource(_ source: ReferenceDataSource) -> Document {
        .object([
            "ReferenceId": .string(source.id),
            "TableName": .string(source.tableName),
            "S3ReferenceDataSourceDescription": .object([
                "BucketARN": .string(source.bucketARN),
                "FileKey": .string(source.fileKey),
                "ReferenceRoleARN": .string(source.roleARN),
            ]),
            "ReferenceSchema": SourceSchemaDocument.document(source.schema),
        ])
    }

    static func loggingOption(_ option: CloudWatchLoggingOption) -> Document {
        .object([
            "CloudWatchLoggingOptionId": .string(option.id),
            "LogStreamARN": .string(option.logStreamARN),
            "RoleARN": .string(option.roleARN),
        ])
    }

    static func tags(_ tags: [ApplicationTag]) -> Document {
        .array(tags.map { tag in
            var members: [String: Document] = ["Key": .string(tag.key)]
            members["Value"] = tag.value.map(Document.string)
            return .object(members)
        })
    }
}
