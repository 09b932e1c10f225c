/// The mutable state of a `FileRecordStore`, guarded by its mutex.
struct RecordStoreState: Sendable {
    var logs: [LogIdentifier: FileRecordLog] = [:]
    var isClosed = false
}
