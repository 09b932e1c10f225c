import TributaryWire

extension VideoService {
    /// ListFragments (kinesis-video-archived-media): the retained fragments, optionally within a producer or server
    /// timestamp range (both ends included), in fragment-number order, paged by NextToken.
    public func listFragments(_ request: Document) throws -> Document {
        try Self.validate(request, operation: "ListFragments", model: VideoArchivedMediaShapes.model)
        let stream = try dataStream(name: request.string("StreamName"), arn: request.string("StreamARN"))
        let limit = try request.integer("MaxResults").map(Int.init) ?? DataPlaneLimits.listFragmentsDefaultResults
        var selected = try fragments.fragments(stream: stream.storageKey)
        if let selector = try request.object("FragmentSelector") {
            let range = try FragmentTimestampRange(selector)
            selected = selected.filter(range.contains)
        }
        var start = 0
        if let token = try request.string("NextToken") {
            guard let after = ListFragmentsToken(token) else {
                throw VideoError.invalidArgument("NextToken is invalid: \(token)")
            }
            start = selected.firstIndex { $0.number > after.lastNumber } ?? selected.count
        }
        let page = selected[start...].prefix(min(limit, DataPlaneLimits.listFragmentsMaxResults))
        var answer: [String: Document] = ["Fragments": .array(page.map(Self.document))]
        if let last = page.last, page.endIndex < selected.endIndex {
            answer["NextToken"] = .string(ListFragmentsToken(lastNumber: last.number).description)
        }
        return .object(answer)
    }

    private static func document(_ fragment: StoredFragment) -> Document {
        .object([
            "FragmentNumber": .string(fragment.number.description),
            "FragmentSizeInBytes": .integer(Int64(fragment.sizeBytes)),
            "ProducerTimestamp": .timestamp(Double(fragment.producerTimestampMs) / 1000),
            "ServerTimestamp": .timestamp(Double(fragment.serverTimestampMs) / 1000),
            "FragmentLengthInMilliseconds": .integer(fragment.durationMs),
        ])
    }
}

/// ListFragments' FragmentSelector and GetClip's ClipFragmentSelector: which timestamp to filter on and the range.
struct FragmentTimestampRange: Sendable {
    let useProducerTimestamp: Bool
    let startMs: Int64
    let endMs: Int64

    init(_ selector: Document) throws {
        let type = try selector.string("FragmentSelectorType") ?? ""
        guard type == "PRODUCER_TIMESTAMP" || type == "SERVER_TIMESTAMP" else {
            throw VideoError.invalidArgument("Invalid FragmentSelectorType: \(type)")
        }
        guard let range = try selector.object("TimestampRange"),
              let start = try range.timestamp("StartTimestamp"), let end = try range.timestamp("EndTimestamp") else {
            throw VideoError.invalidArgument("TimestampRange with StartTimestamp and EndTimestamp must be specified")
        }
        guard start <= end else {
            throw VideoError.invalidArgument("StartTimestamp must be before or equal to EndTimestamp")
        }
        useProducerTimestamp = type == "PRODUCER_TIMESTAMP"
        startMs = Int64((start * 1000).rounded())
        endMs = Int64((end * 1000).rounded())
    }

    func contains(_ fragment: StoredFragment) -> Bool {
        let time = useProducerTimestamp ? fragment.producerTimestampMs : fragment.serverTimestampMs
        return time >= startMs && time <= endMs
    }
}

/// ListFragments' NextToken: the last fragment number of the previous page (digits fit the model's base64-like
/// pattern), so a page continues after it even when fragments were added or removed meanwhile.
struct ListFragmentsToken: Sendable, CustomStringConvertible {
    let lastNumber: FragmentNumber

    init(lastNumber: FragmentNumber) {
        self.lastNumber = lastNumber
    }

    init?(_ token: String) {
        guard let number = FragmentNumber(token) else { return nil }
        lastNumber = number
    }

    var description: String { lastNumber.description }
}
