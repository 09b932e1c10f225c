import TributaryFirehose
import TributaryStreams

extension RunPlan {
    /// The plan of an application descriptor; output ARNs resolve to the streams they name.
    init(_ application: ApplicationDescriptor) throws {
        name = application.name
        arn = application.arn
        incarnation = application.incarnation
        code = application.code ?? ""
        input = application.inputs.first.map { input in
            Input(id: input.id, streamNames: input.inAppStreamNames, schema: input.schema, source: {
                switch input.source {
                case .kinesisStream(let arn): .kinesisStream(arn: arn)
                case .firehose(let arn): .deliveryStream(arn: arn)
                }
            }(), processingARN: input.processing?.lambdaARN)
        }
        outputs = try application.outputs.compactMap { output in
            let target: OutputDestinationTarget
            switch output.destination {
            case .kinesisStream(let arn): target = .kinesisStream(name: try Self.resourceName(arn))
            case .firehose(let arn): target = .deliveryStream(name: try Self.resourceName(arn))
            case .lambda: return nil
            }
            return Output(streamName: output.name, destination: target, format: output.format)
        }
        references = application.referenceDataSources.map {
            Reference(tableName: $0.tableName, schema: $0.schema, bucketARN: $0.bucketARN, fileKey: $0.fileKey)
        }
    }

    /// StartApplication's check of what this server cannot run: Lambda outputs. (Input preprocessing runs through
    /// the transform endpoint; see `InputPreprocessor`.)
    static func requireRunnable(_ application: ApplicationDescriptor) throws {
        if let output = application.outputs.first(where: { if case .lambda = $0.destination { true } else { false } }) {
            throw AnalyticsError.invalidApplicationConfiguration(
                "Output \(output.id) delivers to Lambda function \(output.destination.arn), which this server cannot invoke.")
        }
    }

    /// `arn:aws:kinesis:…:stream/<name>` or `arn:aws:firehose:…:deliverystream/<name>` → `<name>`.
    static func resourceName(_ arn: String) throws -> String {
        guard let name = arn.split(separator: "/", maxSplits: 1).dropFirst().first, !name.isEmpty else {
            throw AnalyticsError.invalidArgument("\(arn) is not a stream ARN.")
        }
        return String(name)
    }
}
