import TributaryWire

/// Where a GetMedia starts, as the request's StartSelector says.
///
/// It exists so the five ways of naming a start (and their AWS errors) are read in one place and resolved against
/// the fragment index to one cursor: "the fragment after this number", or "from the earliest".
enum StartSelector: Equatable, Sendable {
    case now
    case earliest
    case afterFragment(FragmentNumber)
    case serverTimestamp(Int64)
    case producerTimestamp(Int64)
    case continuation(FragmentNumber)

    init(_ document: Document) throws {
        let type = try document.string("StartSelectorType") ?? ""
        switch type {
        case "NOW": self = .now
        case "EARLIEST": self = .earliest
        case "FRAGMENT_NUMBER":
            guard let text = try document.string("AfterFragmentNumber") else {
                throw VideoError.invalidArgument("AfterFragmentNumber must be specified when StartSelectorType is FRAGMENT_NUMBER")
            }
            guard let number = FragmentNumber(text) else { throw VideoError.invalidArgument("Invalid fragment number: \(text)") }
            self = .afterFragment(number)
        case "SERVER_TIMESTAMP", "PRODUCER_TIMESTAMP":
            guard let seconds = try document.timestamp("StartTimestamp") else {
                throw VideoError.invalidArgument("StartTimestamp must be specified when StartSelectorType is \(type)")
            }
            let milliseconds = Int64((seconds * 1000).rounded())
            self = type == "SERVER_TIMESTAMP" ? .serverTimestamp(milliseconds) : .producerTimestamp(milliseconds)
        case "CONTINUATION_TOKEN":
            guard let token = try document.string("ContinuationToken") else {
                throw VideoError.invalidArgument("ContinuationToken must be specified when StartSelectorType is CONTINUATION_TOKEN")
            }
            guard let number = FragmentNumber(token) else { throw VideoError.invalidArgument("Invalid continuation token: \(token)") }
            self = .continuation(number)
        default:
            throw VideoError.invalidArgument("Invalid StartSelectorType: \(type)")
        }
    }

    /// The cursor to read after: nil reads from the earliest fragment. `index` is the stream's retained fragments in
    /// number order.
    func cursor(in index: [StoredFragment]) -> FragmentNumber? {
        switch self {
        case .earliest:
            return nil
        case .now:
            // The latest chunk on the stream, then whatever follows.
            return index.count >= 2 ? index[index.count - 2].number : nil
        case .afterFragment(let number), .continuation(let number):
            return number
        case .serverTimestamp(let milliseconds):
            return Self.cursor(containing: milliseconds, in: index, time: \.serverTimestampMs)
        case .producerTimestamp(let milliseconds):
            return Self.cursor(containing: milliseconds, in: index, time: \.producerTimestampMs)
        }
    }

    /// The fragment before the first one that contains `time` or starts after it; reading after it starts there.
    private static func cursor(containing time: Int64, in index: [StoredFragment],
                               time start: KeyPath<StoredFragment, Int64>) -> FragmentNumber? {
        guard let first = index.firstIndex(where: { $0[keyPath: start] + max($0.durationMs, 0) > time }) else {
            return index.last?.number
        }
        return first == 0 ? nil : index[first - 1].number
    }
}
