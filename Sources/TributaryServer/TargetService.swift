import TributaryAnalytics
import TributaryAuth
import TributaryFirehose
import TributaryStreams

/// Which service an `X-Amz-Target` header names (`Kinesis_20131202.PutRecord`, `Firehose_20150804.PutRecord`,
/// `KinesisAnalytics_20150814.CreateApplication`), and the operation after the dot.
enum TargetService: Equatable {
    case kinesis(String)
    case firehose(String)
    case analytics(String)

    init?(target: String) {
        if target.hasPrefix(KinesisService.targetPrefix) {
            self = .kinesis(String(target.dropFirst(KinesisService.targetPrefix.count)))
        } else if target.hasPrefix(FirehoseService.targetPrefix) {
            self = .firehose(String(target.dropFirst(FirehoseService.targetPrefix.count)))
        } else if target.hasPrefix(AnalyticsService.targetPrefix) {
            self = .analytics(String(target.dropFirst(AnalyticsService.targetPrefix.count)))
        } else {
            return nil
        }
    }

    /// The service as IAM and SigV4 name it.
    var accessService: AccessService {
        switch self {
        case .kinesis: .kinesis
        case .firehose: .firehose
        case .analytics: .kinesisanalytics
        }
    }

    var operation: String {
        switch self {
        case .kinesis(let operation), .firehose(let operation), .analytics(let operation): operation
        }
    }
}
