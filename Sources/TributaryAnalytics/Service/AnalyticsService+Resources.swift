import TributaryWire

/// Whether the streams an application reads and writes exist, checked through the Streams consumer interface and
/// Firehose's own API, as AWS checks its access to them when an input or output is configured and when the
/// application starts.
extension AnalyticsService {
    /// How a missing resource is reported: InvalidArgumentException when configured, InvalidApplicationConfiguration
    /// when starting.
    enum ResourceCheck {
        case configuring, starting

        func failure(_ message: String) -> AnalyticsError {
            switch self {
            case .configuring: .invalidArgument(message)
            case .starting: .invalidApplicationConfiguration(message)
            }
        }
    }

    func checkSource(_ input: ApplicationInput, _ check: ResourceCheck) async throws {
        switch input.source {
        case .kinesisStream(let arn): try checkKinesisStream(arn, check)
        case .firehose(let arn): try await checkDeliveryStream(arn, check)
        }
    }

    func checkDestination(_ output: ApplicationOutput, _ check: ResourceCheck) async throws {
        switch output.destination {
        case .kinesisStream(let arn): try checkKinesisStream(arn, check)
        case .firehose(let arn): try await checkDeliveryStream(arn, check)
        case .lambda: break
        }
    }

    func checkKinesisStream(_ arn: String, _ check: ResourceCheck) throws {
        do {
            _ = try kinesis.consumableStream(arn)
        } catch {
            throw check.failure(
                "Kinesis Analytics doesn't have sufficient privileges to the Kinesis Stream using assumed role: stream \(arn) does not exist or is not active.")
        }
    }

    func checkDeliveryStream(_ arn: String, _ check: ResourceCheck) async throws {
        let failure = check.failure(
            "Kinesis Analytics doesn't have sufficient privileges to the Delivery Stream using assumed role: delivery stream \(arn) does not exist.")
        guard let parsed = ARN(parsing: arn), parsed.resource.hasPrefix("deliverystream/") else { throw failure }
        let name = String(parsed.resource.dropFirst("deliverystream/".count))
        guard parsed.region == configuration.region, parsed.account == configuration.accountId else { throw failure }
        do {
            _ = try await firehose.handle(operation: "DescribeDeliveryStream",
                                          request: .object(["DeliveryStreamName": .string(name)]))
        } catch {
            throw failure
        }
    }
}
