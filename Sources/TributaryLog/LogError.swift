#if canImport(Glibc)
import Glibc
#endif

/// Every failure the log module reports, the one error type of `TributaryLog`.
///
/// It exists so the gateway can map storage failures to AWS errors in one place. Cases caused by the disk
/// or by a client are thrown; programmer errors are `precondition`s instead and never appear here.
public enum LogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed; `errorNumber` is the C `errno`.
    case fileSystem(operation: String, path: String, errorNumber: Int32)
    /// A segment file's header is unreadable (wrong magic, unknown version, base offset not its name).
    case corruptSegment(path: String, reason: String)
    /// A record frame inside the committed part of a log failed its length or CRC check.
    case corruptRecord(path: String, position: Int, reason: String)
    /// A log identifier component cannot be a directory name.
    case invalidIdentifier(String)
    /// A metadata namespace or key cannot be stored (too long once escaped, or empty).
    case invalidMetadataKey(String)
    /// A configuration value lies outside `Limits`.
    case invalidConfiguration(String)
    /// One record's key plus value is larger than `Limits.recordBytesMax`.
    case recordTooLarge(bytes: Int, bytesMax: Int)
    /// One batch's encoded frames are larger than `Limits.batchBytesMax`.
    case batchTooLarge(bytes: Int, bytesMax: Int)
    /// A stored metadata document is larger than `Limits.metadataValueBytesMax`.
    case documentTooLarge(path: String, bytes: Int, bytesMax: Int)
    /// The log was closed or deleted before the operation finished.
    case logClosed
    /// The store was closed.
    case storeClosed
    /// An earlier fsync of this log failed; its unsynced data may be lost, so it refuses further appends
    /// until reopened (the page cache can no longer be trusted after a failed fsync).
    case logFailed(reason: String)

    public var description: String {
        switch self {
        case .fileSystem(let operation, let path, let errorNumber):
            let message = String(cString: strerror(errorNumber))
            return "\(operation) failed for \(path): \(message) (errno \(errorNumber))"
        case .corruptSegment(let path, let reason):
            return "corrupt segment \(path): \(reason)"
        case .corruptRecord(let path, let position, let reason):
            return "corrupt record in \(path) at byte \(position): \(reason)"
        case .invalidIdentifier(let reason):
            return "invalid log identifier: \(reason)"
        case .invalidMetadataKey(let reason):
            return "invalid metadata key: \(reason)"
        case .invalidConfiguration(let reason):
            return "invalid log configuration: \(reason)"
        case .recordTooLarge(let bytes, let bytesMax):
            return "record of \(bytes) bytes exceeds \(bytesMax)"
        case .batchTooLarge(let bytes, let bytesMax):
            return "batch of \(bytes) bytes exceeds \(bytesMax)"
        case .documentTooLarge(let path, let bytes, let bytesMax):
            return "metadata document \(path) of \(bytes) bytes exceeds \(bytesMax)"
        case .logClosed:
            return "log is closed"
        case .storeClosed:
            return "record store is closed"
        case .logFailed(let reason):
            return "log failed earlier and refuses appends: \(reason)"
        }
    }
}
