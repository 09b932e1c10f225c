import TributaryWire

/// The members of a GetHLSStreamingSessionURL or GetDASHStreamingSessionURL request, with AWS's defaults applied
/// and AWS's rules between them checked (the model's own constraints were checked before).
///
/// It exists so both operations read the members they share (PlaybackMode, the fragment selector, Expires, the
/// fragment maximum) in one place, under their protocol's member names, before the stream is looked up.
struct StreamingSessionOptions: Sendable, Equatable {
    var playbackMode: StreamingSession.PlaybackMode
    var timestampSource: StreamingSession.TimestampSource
    var startMs: Int64?
    var endMs: Int64?
    var containerFormat: StreamingSession.ContainerFormat
    var discontinuityMode: StreamingSession.DiscontinuityMode
    var displayFragmentTimestamp: StreamingSession.DisplayOption
    var displayFragmentNumber: StreamingSession.DisplayOption
    var maxFragmentResults: Int
    var expiresSeconds: Int64

    init(_ request: Document, streamingProtocol: StreamingSession.StreamingProtocol, nowMs: Int64) throws {
        let isHLS = streamingProtocol == .hls
        playbackMode = try Self.value(request, "PlaybackMode", default: .live)
        let selectorMember = isHLS ? "HLSFragmentSelector" : "DASHFragmentSelector"
        let selector = try request.object(selectorMember)
        timestampSource = try selector.map { try Self.value($0, "FragmentSelectorType", default: .serverTimestamp) }
            ?? .serverTimestamp
        (startMs, endMs) = try Self.range(try selector?.object("TimestampRange"), selectorMember: selectorMember,
                                          mode: playbackMode, source: timestampSource, nowMs: nowMs)
        containerFormat = isHLS ? try Self.value(request, "ContainerFormat", default: .fragmentedMP4) : .fragmentedMP4
        discontinuityMode = isHLS
            ? try Self.value(request, "DiscontinuityMode",
                             default: timestampSource == .serverTimestamp ? .always : .never)
            : .never
        displayFragmentTimestamp = try Self.value(request, "DisplayFragmentTimestamp", default: .never)
        displayFragmentNumber = isHLS ? .never : try Self.value(request, "DisplayFragmentNumber", default: .never)
        let maximum = try request.integer(isHLS ? "MaxMediaPlaylistFragmentResults" : "MaxManifestFragmentResults")
        maxFragmentResults = maximum.map { Int($0) } ?? (playbackMode == .onDemand
            ? StreamingLimits.defaultOnDemandFragmentResults : StreamingLimits.defaultLiveFragmentResults)
        expiresSeconds = try request.integer("Expires") ?? StreamingLimits.defaultExpiresSeconds
    }

    /// StartTimestamp and EndTimestamp in milliseconds, as the playback mode allows them: none for LIVE, a start
    /// for LIVE_REPLAY, both for ON_DEMAND, the end after the start and within 24 hours of it.
    private static func range(_ range: Document?, selectorMember: String, mode: StreamingSession.PlaybackMode,
                              source: StreamingSession.TimestampSource, nowMs: Int64) throws -> (Int64?, Int64?) {
        if mode == .live {
            guard range == nil else {
                throw invalid("TimestampRange must not be specified when PlaybackMode is LIVE.")
            }
            return (nil, nil)
        }
        guard let range else {
            throw invalid("\(selectorMember) with a TimestampRange must be specified when PlaybackMode is "
                          + "\(mode.rawValue).")
        }
        guard let start = try range.timestamp("StartTimestamp").map(milliseconds) else {
            throw invalid("StartTimestamp must be specified when PlaybackMode is \(mode.rawValue).")
        }
        guard let end = try range.timestamp("EndTimestamp").map(milliseconds) else {
            guard mode == .liveReplay else {
                throw invalid("EndTimestamp must be specified when PlaybackMode is ON_DEMAND.")
            }
            return (start, nil)
        }
        guard end > start else { throw invalid("EndTimestamp must be later than StartTimestamp.") }
        guard end - start <= StreamingLimits.timestampRangeMaxMs else {
            throw invalid("EndTimestamp must be within 24 hours of StartTimestamp.")
        }
        guard source == .producerTimestamp || end <= nowMs else {
            throw invalid("EndTimestamp must be in the past when FragmentSelectorType is SERVER_TIMESTAMP.")
        }
        return (start, end)
    }

    /// An enum member, or `fallback` when it is absent (the model already refused values outside the enum).
    private static func value<Option: RawRepresentable<String>>(_ document: Document, _ member: String,
                                                              default fallback: Option) throws -> Option {
        guard let text = try document.string(member) else { return fallback }
        guard let option = Option(rawValue: text) else { throw invalid("Invalid \(member): \(text)") }
        return option
    }

    private static func milliseconds(_ seconds: Double) -> Int64 {
        Int64((seconds * 1000).rounded())
    }

    static func invalid(_ message: String) -> VideoError {
        .invalidArgument(message)
    }
}
