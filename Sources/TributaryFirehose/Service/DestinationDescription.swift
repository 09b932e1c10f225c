import TributaryWire

/// Turns a stored destination configuration into the DestinationDescription AWS answers: the configuration's
/// members under their Description names, AWS's defaults filled in, secrets (the HTTP endpoint's AccessKey) left out.
enum DestinationDescription {
    static func document(_ destination: DeliveryStreamDescriptor.Destination) throws -> Document {
        let configuration = try JSONDocumentDecoder.decode(Array(destination.configurationJSON.utf8))
        var description: [String: Document] = ["DestinationId": .string(destination.destinationId)]
        switch destination.kind {
        case .extendedS3:
            var extended = s3Description(configuration, extended: true)
            if case .object(var members) = extended {
                if let backup = configuration["S3BackupConfiguration"] {
                    members["S3BackupDescription"] = s3Description(backup, extended: false)
                }
                members["S3BackupMode"] = configuration["S3BackupMode"] ?? .string("Disabled")
                members["ProcessingConfiguration"] = configuration["ProcessingConfiguration"]
                    ?? .object(["Enabled": .bool(false), "Processors": .array([])])
                members["DataFormatConversionConfiguration"] = configuration["DataFormatConversionConfiguration"]
                    ?? .object(["Enabled": .bool(false)])
                for member in ["DynamicPartitioningConfiguration", "FileExtension", "CustomTimeZone"] {
                    members[member] = configuration[member]
                }
                extended = .object(members)
            }
            description["ExtendedS3DestinationDescription"] = extended
            description["S3DestinationDescription"] = s3Description(configuration, extended: false)
        case .s3:
            description["S3DestinationDescription"] = s3Description(configuration, extended: false)
        case .httpEndpoint:
            description["HttpEndpointDestinationDescription"] = httpDescription(configuration)
        }
        return .object(description)
    }

    /// S3DestinationDescription (or the S3 part of the extended one) with AWS's defaults.
    private static func s3Description(_ configuration: Document, extended: Bool) -> Document {
        var members: [String: Document] = [:]
        for member in ["RoleARN", "BucketARN", "Prefix", "ErrorOutputPrefix"] {
            members[member] = configuration[member]
        }
        members["BufferingHints"] = hints(configuration["BufferingHints"], sizeMiB: FirehoseLimits.s3BufferSizeDefaultMiB,
                                          intervalSeconds: FirehoseLimits.s3BufferIntervalDefaultSeconds)
        members["CompressionFormat"] = configuration["CompressionFormat"] ?? .string("UNCOMPRESSED")
        members["EncryptionConfiguration"] = configuration["EncryptionConfiguration"]
            ?? .object(["NoEncryptionConfig": .string("NoEncryption")])
        members["CloudWatchLoggingOptions"] = configuration["CloudWatchLoggingOptions"] ?? .object(["Enabled": .bool(false)])
        return .object(members)
    }

    private static func httpDescription(_ configuration: Document) -> Document {
        var members: [String: Document] = [:]
        var endpoint: [String: Document] = [:]
        endpoint["Url"] = configuration["EndpointConfiguration"]?["Url"]
        endpoint["Name"] = configuration["EndpointConfiguration"]?["Name"]
        members["EndpointConfiguration"] = .object(endpoint)
        members["BufferingHints"] = hints(configuration["BufferingHints"], sizeMiB: FirehoseLimits.httpBufferSizeDefaultMiB,
                                          intervalSeconds: FirehoseLimits.httpBufferIntervalDefaultSeconds)
        members["CloudWatchLoggingOptions"] = configuration["CloudWatchLoggingOptions"] ?? .object(["Enabled": .bool(false)])
        members["RequestConfiguration"] = configuration["RequestConfiguration"]
            ?? .object(["ContentEncoding": .string("NONE")])
        members["ProcessingConfiguration"] = configuration["ProcessingConfiguration"]
            ?? .object(["Enabled": .bool(false), "Processors": .array([])])
        members["RoleARN"] = configuration["RoleARN"]
        members["RetryOptions"] = configuration["RetryOptions"]
            ?? .object(["DurationInSeconds": .integer(Int64(FirehoseLimits.httpRetryDurationDefaultSeconds))])
        members["S3BackupMode"] = configuration["S3BackupMode"] ?? .string("FailedDataOnly")
        if let s3 = configuration["S3Configuration"] {
            members["S3DestinationDescription"] = s3Description(s3, extended: false)
        }
        return .object(members)
    }

    private static func hints(_ given: Document?, sizeMiB: Int, intervalSeconds: Int) -> Document {
        .object([
            "SizeInMBs": given?["SizeInMBs"] ?? .integer(Int64(sizeMiB)),
            "IntervalInSeconds": given?["IntervalInSeconds"] ?? .integer(Int64(intervalSeconds)),
        ])
    }
}
