@testable import TributaryVideo
import XCTest

/// The HLS master and media playlists, read line by line: tags, their order, sequences, discontinuities, times
/// and URLs.
final class HLSPlaylistTests: XCTestCase {
    private let baseMs: Int64 = 1_700_000_000_000  // 2023-11-14T22:13:20.000Z

    private func lines(_ text: String) -> [String] {
        XCTAssertTrue(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    func testMasterPlaylistPointsAtTheMediaPlaylist() {
        let session = StreamingTestFragments.session(mode: .live)
        let master = lines(HLSPlaylist.master(session: session, codecs: "avc1.64001f,mp4a.40.2", bandwidth: 2_500_000,
                                              resolution: (width: 1280, height: 720)))
        XCTAssertEqual(master, [
            "#EXTM3U",
            "#EXT-X-VERSION:7",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXT-X-STREAM-INF:BANDWIDTH=2500000,CODECS=\"avc1.64001f,mp4a.40.2\",RESOLUTION=1280x720",
            "getHLSMediaPlaylist.m3u8?SessionToken=\(session.token)",
        ])
        let audioOnly = lines(HLSPlaylist.master(session: session, codecs: "mp4a.40.2", bandwidth: 128_000,
                                                 resolution: nil))
        XCTAssertEqual(audioOnly[3], "#EXT-X-STREAM-INF:BANDWIDTH=128000,CODECS=\"mp4a.40.2\"")
    }

    func testCompleteOnDemandPlaylist() {
        let session = StreamingTestFragments.session(mode: .onDemand, startMs: baseMs, endMs: baseMs + 10_000,
                                                     max: 100)
        var index = StreamingTestFragments.index(count: 3, startMs: baseMs, durationMs: 2_000, firstOrdinal: 12)
        index[1].fragment.durationMs = 2_002
        let window = PlaybackWindow(fragments: index, isComplete: true, discontinuitySequence: 0)
        let token = session.token
        XCTAssertEqual(lines(HLSPlaylist.media(session: session, window: window)), [
            "#EXTM3U",
            "#EXT-X-VERSION:7",
            "#EXT-X-TARGETDURATION:3",
            "#EXT-X-MEDIA-SEQUENCE:12",
            "#EXT-X-DISCONTINUITY-SEQUENCE:0",
            "#EXT-X-PLAYLIST-TYPE:VOD",
            "#EXT-X-MAP:URI=\"getMP4InitFragment.mp4?SessionToken=\(token)\"",
            "#EXTINF:2.000,",
            "getMP4MediaFragment.mp4?SessionToken=\(token)&FragmentNumber=\(index[0].fragment.number)",
            "#EXTINF:2.002,",
            "getMP4MediaFragment.mp4?SessionToken=\(token)&FragmentNumber=\(index[1].fragment.number)",
            "#EXTINF:2.000,",
            "getMP4MediaFragment.mp4?SessionToken=\(token)&FragmentNumber=\(index[2].fragment.number)",
            "#EXT-X-ENDLIST",
        ])
    }

    func testLiveTransportStreamPlaylistHasNoMapNorEnd() {
        let session = StreamingTestFragments.session(mode: .live, container: .mpegTS)
        let index = StreamingTestFragments.index(count: 2, startMs: baseMs, durationMs: 1_000, firstOrdinal: 7)
        let text = lines(HLSPlaylist.media(session: session,
                                           window: PlaybackWindow(fragments: index, isComplete: false,
                                                                  discontinuitySequence: 4)))
        XCTAssertEqual(Array(text.prefix(5)), ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:1",
                                               "#EXT-X-MEDIA-SEQUENCE:7", "#EXT-X-DISCONTINUITY-SEQUENCE:4"])
        XCTAssertFalse(text.contains {
            $0.hasPrefix("#EXT-X-MAP") || $0 == "#EXT-X-ENDLIST" || $0.hasPrefix("#EXT-X-PLAYLIST-TYPE")
        })
        XCTAssertEqual(text.last,
                       "getTSFragment.ts?SessionToken=\(session.token)&FragmentNumber=\(index[1].fragment.number)")
    }

    func testDiscontinuityTagsFollowTheMode() {
        // A 500 ms hole before the third fragment, a 30 ms one (within tolerance) before the second.
        var index = StreamingTestFragments.index(count: 3, startMs: baseMs, durationMs: 1_000)
        index[1].fragment.producerTimestampMs += 30
        index[2].fragment.producerTimestampMs += 500
        func tagPositions(_ mode: StreamingSession.DiscontinuityMode) -> [Int] {
            let session = StreamingTestFragments.session(mode: .live, discontinuity: mode)
            let text = lines(HLSPlaylist.media(session: session,
                                               window: PlaybackWindow(fragments: index, isComplete: false,
                                                                      discontinuitySequence: 0)))
            // Which fragment (0-based) each EXT-X-DISCONTINUITY precedes.
            var fragment = 0
            var positions: [Int] = []
            for line in text {
                if line == "#EXT-X-DISCONTINUITY" { positions.append(fragment) }
                if line.hasPrefix("#EXTINF:") { fragment += 1 }
            }
            return positions
        }
        XCTAssertEqual(tagPositions(.always), [1, 2])
        XCTAssertEqual(tagPositions(.never), [])
        XCTAssertEqual(tagPositions(.onDiscontinuity), [2])
    }

    func testProgramDateTimeShowsTheSessionsTimestampBeforeEachFragment() {
        let index = StreamingTestFragments.index(count: 2, startMs: baseMs + 758, durationMs: 1_000,
                                                 serverLagMs: 3_600_000)
        let window = PlaybackWindow(fragments: index, isComplete: false, discontinuitySequence: 0)
        let producer = lines(HLSPlaylist.media(
            session: StreamingTestFragments.session(mode: .live, source: .producerTimestamp, displayTimestamp: .always),
            window: window))
        let dates = producer.filter { $0.hasPrefix("#EXT-X-PROGRAM-DATE-TIME:") }
        XCTAssertEqual(dates, ["#EXT-X-PROGRAM-DATE-TIME:2023-11-14T22:13:20.758Z",
                               "#EXT-X-PROGRAM-DATE-TIME:2023-11-14T22:13:21.758Z"])
        let firstDate = producer.firstIndex(of: dates[0])!
        XCTAssertTrue(producer[firstDate + 1].hasPrefix("#EXTINF:"))
        let server = lines(HLSPlaylist.media(
            session: StreamingTestFragments.session(mode: .live, source: .serverTimestamp, displayTimestamp: .always),
            window: window))
        XCTAssertEqual(server.first { $0.hasPrefix("#EXT-X-PROGRAM-DATE-TIME:") },
                       "#EXT-X-PROGRAM-DATE-TIME:2023-11-14T23:13:20.758Z")
        let hidden = lines(HLSPlaylist.media(session: StreamingTestFragments.session(mode: .live), window: window))
        XCTAssertFalse(hidden.contains { $0.hasPrefix("#EXT-X-PROGRAM-DATE-TIME") })
    }

    func testEmptyLivePlaylistIsStillWellFormed() {
        let text = lines(HLSPlaylist.media(session: StreamingTestFragments.session(mode: .live),
                                           window: PlaybackWindow(fragments: [], isComplete: false,
                                                                  discontinuitySequence: 0)))
        XCTAssertEqual(text[2], "#EXT-X-TARGETDURATION:1")
        XCTAssertEqual(text[3], "#EXT-X-MEDIA-SEQUENCE:0")
        XCTAssertFalse(text.contains { $0.hasPrefix("#EXTINF") })
    }
}
