/// The four services as IAM names them: the action prefix (`kinesis:PutRecord`) and the service part of their ARNs.
/// Kinesis Video's control plane, media and archived-media APIs all use `kinesisvideo`.
public enum AccessService: String, Sendable, CaseIterable {
    case kinesis
    case firehose
    case kinesisanalytics
    case kinesisvideo
}
