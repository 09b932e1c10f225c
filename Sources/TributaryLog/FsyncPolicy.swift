/// When appended records are forced to stable storage, traded against throughput.
///
/// It exists because Kinesis users choose between "acknowledged means on disk" and raw speed:
/// - `always`: an append returns only after an `fsync` covering it; concurrent appends share one `fsync`
///   (group commit).
/// - `interval(milliseconds:)`: records are readable and acknowledged once written to the page cache; a
///   background timer `fsync`s dirty logs every interval, so a power loss loses at most about one interval.
/// - `never`: the log `fsync`s only when a segment rolls and at close; a process crash loses nothing, a power
///   loss may lose everything since the last roll.
public enum FsyncPolicy: Sendable, Equatable {
    case always
    case interval(milliseconds: Int)
    case never

    /// The interval used when the argument `interval` names no duration.
    public static let intervalMillisecondsDefault = 1000

    /// Parses a command-line argument: `always`, `interval` (1000 ms), `interval:<milliseconds>` or `never`.
    public init?(argument: String) {
        switch argument {
        case "always":
            self = .always
        case "never":
            self = .never
        case "interval":
            self = .interval(milliseconds: FsyncPolicy.intervalMillisecondsDefault)
        default:
            let prefix = "interval:"
            guard argument.hasPrefix(prefix), let milliseconds = Int(argument.dropFirst(prefix.count)),
                  milliseconds > 0
            else { return nil }
            self = .interval(milliseconds: milliseconds)
        }
    }

    /// Whether records become readable only once an `fsync` covers them.
    var isCommitAfterSynchronization: Bool {
        self == .always
    }
}
