/// What a producer hands the log: one record before it has an offset or a timestamp.
///
/// It exists apart from `LogRecord` because offsets and timestamps are assigned by the log at append time,
/// never by the caller. `attributes` is an opaque byte owned by the caller (for example encryption flags);
/// the log stores and returns it untouched.
public struct LogRecordInput: Sendable {
    public var key: [UInt8]
    public var value: [UInt8]
    public var attributes: UInt8

    public init(key: [UInt8], value: [UInt8], attributes: UInt8 = 0) {
        self.key = key
        self.value = value
        self.attributes = attributes
    }
}
