/// Why fragment storage could not store or read back a fragment.
///
/// It exists so the gateway and PutMedia can tell a refused fragment from damaged storage; failures of the logs
/// underneath arrive unchanged as `LogError`. Each case carries enough to find the bad record.
public enum FragmentStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A fragment's parts together are larger than storage accepts in one atomic append.
    case fragmentTooLarge(bytes: Int, bytesMax: Int)
    /// A record of a stream's index log does not decode as a fragment entry.
    case corruptIndexRecord(stream: String, offset: UInt64, reason: String)
    /// A stream's media log does not hold the records a fragment entry describes (or holds records this store
    /// never wrote).
    case corruptMediaRecord(stream: String, offset: UInt64, reason: String)

    /// The ErrorId of the PutMedia ERROR acknowledgement this failure maps to (4001: fragment too large,
    /// 5000: internal error).
    public var awsErrorID: Int {
        switch self {
        case .fragmentTooLarge: 4001
        case .corruptIndexRecord, .corruptMediaRecord: 5000
        }
    }

    public var description: String {
        switch self {
        case .fragmentTooLarge(let bytes, let bytesMax):
            "fragment of \(bytes) bytes exceeds the \(bytesMax)-byte storage limit"
        case .corruptIndexRecord(let stream, let offset, let reason):
            "corrupt fragment index record of stream \(stream) at offset \(offset): \(reason)"
        case .corruptMediaRecord(let stream, let offset, let reason):
            "corrupt fragment media record of stream \(stream) at offset \(offset): \(reason)"
        }
    }
}
