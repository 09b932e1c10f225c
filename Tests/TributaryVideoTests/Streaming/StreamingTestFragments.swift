@testable import TributaryVideo

/// Builders of sessions and fragment indexes for the streaming tests, with plain round numbers so expected
/// values can be worked out by hand.
enum StreamingTestFragments {
    /// Fragments `ordinal` = `firstOrdinal`, … each `durationMs` long, back to back from `startMs` (producer and
    /// server timestamps equal unless `serverLagMs` is given), fragment numbers growing with storage offsets.
    static func index(count: Int, startMs: Int64 = 1_700_000_000_000, durationMs: Int64 = 2_000,
                      firstOrdinal: UInt64 = 0, serverLagMs: Int64 = 0,
                      sizeBytes: Int = 250_000) -> [PlaybackFragment] {
        (0..<count).map { position in
            let producer = startMs + Int64(position) * durationMs
            return PlaybackFragment(
                ordinal: firstOrdinal + UInt64(position),
                fragment: StoredFragment(number: FragmentNumber(offset: 1_000 * (firstOrdinal + UInt64(position))),
                                         producerTimestampMs: producer, serverTimestampMs: producer + serverLagMs,
                                         durationMs: durationMs, sizeBytes: sizeBytes))
        }
    }

    static func session(_ streamingProtocol: StreamingSession.StreamingProtocol = .hls,
                        mode: StreamingSession.PlaybackMode,
                        source: StreamingSession.TimestampSource = .serverTimestamp,
                        startMs: Int64? = nil, endMs: Int64? = nil,
                        container: StreamingSession.ContainerFormat = .fragmentedMP4,
                        discontinuity: StreamingSession.DiscontinuityMode = .never,
                        displayTimestamp: StreamingSession.DisplayOption = .never,
                        displayNumber: StreamingSession.DisplayOption = .never,
                        max: Int = 5, createdMs: Int64 = 1_700_000_000_000) -> StreamingSession {
        StreamingSession(streamingProtocol: streamingProtocol, streamName: "cam", storageKey: "cam.1",
                         playbackMode: mode, timestampSource: source, startMs: startMs, endMs: endMs,
                         containerFormat: container, discontinuityMode: discontinuity,
                         displayFragmentTimestamp: displayTimestamp, displayFragmentNumber: displayNumber,
                         maxFragmentResults: max, createdMs: createdMs, expiresMs: createdMs + 300_000)
    }
}
