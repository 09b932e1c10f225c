import Foundation
import TributaryWire

/// The typed view of one destination configuration: what the delivery worker needs, with AWS's defaults applied.
///
/// Parsing also enforces the rules the model cannot express (prefix expressions, dynamic partitioning, processor
/// parameters), so CreateDeliveryStream and UpdateDestination refuse exactly what delivery could not honour.
struct DestinationSettings: Sendable {
    struct S3Target: Sendable {
        var bucket: String
        var prefix: String
        var errorOutputPrefix: String?
        var compression: CompressionFormat
        var fileExtension: String?
        /// CustomTimeZone for the timestamps in prefixes and names (nil: UTC).
        var timeZone: TimeZone?
    }

    struct HTTPTarget: Sendable {
        var url: URL
        var name: String?
        var accessKey: String?
        var gzip: Bool
        var commonAttributes: [(String, String)]
        var retryDurationSeconds: Int
        /// AllData keeps every record in S3 as well; FailedDataOnly only what could not be delivered.
        var backupAllData: Bool
    }

    var kind: DestinationKind
    var bufferSizeBytes: Int
    var bufferIntervalMs: Int64
    /// The S3 bucket of an S3 destination, or the backup bucket of an HTTP endpoint.
    var s3: S3Target
    var http: HTTPTarget?
    var processors: [ProcessorSettings]
    var dynamicPartitioning: Bool
    /// S3BackupMode Enabled of an extended S3 destination: source records are also kept under this target.
    var sourceBackup: S3Target?

    init(kind: DestinationKind, configuration: Document) throws {
        self.kind = kind
        try Self.checkHintPairs(configuration)
        switch kind {
        case .extendedS3, .s3:
            let hints = try configuration.object("BufferingHints")
            bufferSizeBytes = Int(try hints?.integer("SizeInMBs") ?? Int64(FirehoseLimits.s3BufferSizeDefaultMiB)) << 20
            bufferIntervalMs = (try hints?.integer("IntervalInSeconds")
                ?? Int64(FirehoseLimits.s3BufferIntervalDefaultSeconds)) * 1000
            dynamicPartitioning = try configuration.object("DynamicPartitioningConfiguration")?.bool("Enabled") ?? false
            s3 = try Self.s3Target(configuration, dynamicPartitioning: dynamicPartitioning)
            processors = kind == .extendedS3 ? try ProcessorSettings.list(configuration.object("ProcessingConfiguration")) : []
            if try configuration.object("DataFormatConversionConfiguration")?.bool("Enabled") == true {
                throw FirehoseError.invalidArgument(
                    "DataFormatConversionConfiguration is not available on this server yet: deliver JSON and convert it downstream.")
            }
            if kind == .extendedS3, try configuration.string("S3BackupMode") == "Enabled" {
                guard let backup = try configuration.object("S3BackupConfiguration") else {
                    throw FirehoseError.invalidArgument("S3BackupConfiguration must be provided when S3BackupMode is Enabled.")
                }
                sourceBackup = try Self.s3Target(backup, dynamicPartitioning: false)
            } else {
                sourceBackup = nil
            }
            http = nil
        case .httpEndpoint:
            let hints = try configuration.object("BufferingHints")
            bufferSizeBytes = Int(try hints?.integer("SizeInMBs") ?? Int64(FirehoseLimits.httpBufferSizeDefaultMiB)) << 20
            bufferIntervalMs = (try hints?.integer("IntervalInSeconds")
                ?? Int64(FirehoseLimits.httpBufferIntervalDefaultSeconds)) * 1000
            dynamicPartitioning = false
            guard let s3Configuration = try configuration.object("S3Configuration") else {
                throw FirehoseError.invalidArgument("S3Configuration must be provided for an HTTP endpoint destination.")
            }
            s3 = try Self.s3Target(s3Configuration, dynamicPartitioning: false)
            processors = try ProcessorSettings.list(configuration.object("ProcessingConfiguration"))
            http = try Self.httpTarget(configuration)
            sourceBackup = nil
        }
        try checkPartitioning()
    }

    private static func s3Target(_ configuration: Document, dynamicPartitioning: Bool) throws -> S3Target {
        let bucketARN = try configuration.string("BucketARN") ?? ""
        guard let arn = ARN(parsing: bucketARN), arn.service == "s3", !arn.resource.contains("/") else {
            throw FirehoseError.invalidArgument("BucketARN \(bucketARN) is not a valid S3 bucket ARN.")
        }
        let prefix = try configuration.string("Prefix") ?? ""
        let errorOutputPrefix = try configuration.string("ErrorOutputPrefix")
        do {
            try PrefixRules.validate(prefix: prefix, errorOutputPrefix: errorOutputPrefix,
                                     dynamicPartitioningEnabled: dynamicPartitioning)
        } catch let error as NamingError {
            throw FirehoseError.invalidArgument(error.message)
        }
        let compressionName = try configuration.string("CompressionFormat") ?? "UNCOMPRESSED"
        guard let compression = CompressionFormat(rawValue: compressionName) else {
            throw FirehoseError.invalidArgument("CompressionFormat \(compressionName) is not supported.")
        }
        let fileExtension = try configuration.string("FileExtension").flatMap { $0.isEmpty ? nil : $0 }
        var timeZone: TimeZone?
        if let zone = try configuration.string("CustomTimeZone"), !zone.isEmpty {
            guard let known = TimeZone(identifier: zone) else {
                throw FirehoseError.invalidArgument("CustomTimeZone \(zone) is not a valid time zone.")
            }
            timeZone = known
        }
        return S3Target(bucket: arn.resource, prefix: prefix, errorOutputPrefix: errorOutputPrefix,
                        compression: compression, fileExtension: fileExtension, timeZone: timeZone)
    }

    private static func httpTarget(_ configuration: Document) throws -> HTTPTarget {
        let endpoint = try configuration.object("EndpointConfiguration")
        let urlText = try endpoint?.string("Url") ?? ""
        guard let url = URL(string: urlText), url.scheme == "https", url.host != nil else {
            throw FirehoseError.invalidArgument("EndpointConfiguration.Url \(urlText) is not a valid HTTPS URL.")
        }
        let request = try configuration.object("RequestConfiguration")
        var attributes: [(String, String)] = []
        for attribute in try request?.array("CommonAttributes") ?? [] {
            attributes.append((try attribute.string("AttributeName") ?? "", try attribute.string("AttributeValue") ?? ""))
        }
        return HTTPTarget(
            url: url, name: try endpoint?.string("Name"), accessKey: try endpoint?.string("AccessKey"),
            gzip: try request?.string("ContentEncoding") == "GZIP", commonAttributes: attributes,
            retryDurationSeconds: Int(try configuration.object("RetryOptions")?.integer("DurationInSeconds")
                ?? Int64(FirehoseLimits.httpRetryDurationDefaultSeconds)),
            backupAllData: try configuration.string("S3BackupMode") == "AllData")
    }

    /// AWS: "if you specify a value for one of them, you must also specify a value for the other", for every set of
    /// BufferingHints in the configuration (the destination's and a backup's).
    private static func checkHintPairs(_ configuration: Document) throws {
        for hints in [configuration["BufferingHints"], configuration["S3BackupConfiguration"]?["BufferingHints"],
                      configuration["S3Configuration"]?["BufferingHints"]].compactMap({ $0 }) {
            guard case .object(let members) = hints else { continue }
            if (members["SizeInMBs"] == nil) != (members["IntervalInSeconds"] == nil) {
                throw FirehoseError.invalidArgument(
                    "BufferingHints.SizeInMBs and BufferingHints.IntervalInSeconds must both be specified when either is.")
            }
        }
    }

    /// Dynamic partitioning needs keys to partition by and AWS's 64 MiB minimum buffer.
    private func checkPartitioning() throws {
        guard dynamicPartitioning else {
            if processors.contains(where: { if case .metadataExtraction = $0 { true } else { false } }) {
                throw FirehoseError.invalidArgument(
                    "MetadataExtraction processor is only supported when dynamic partitioning is enabled.")
            }
            return
        }
        guard bufferSizeBytes >= 64 << 20 else {
            throw FirehoseError.invalidArgument(
                "BufferingHints.SizeInMBs must be at least 64 when dynamic partitioning is enabled.")
        }
    }
}
