/// A suspended `waitForRecords(after:)` call: resumed once the log's end offset passes `offset`, or when the
/// task is cancelled or the log closes.
struct RecordWaiter: Sendable {
    let offset: UInt64
    let continuation: CheckedContinuation<Void, Never>
}
