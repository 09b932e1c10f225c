@testable import TributaryVideo
import XCTest

/// The DASH manifest, parsed as XML: its structure per track, URLs, and a timeline that agrees with the media
/// fragments' decode times.
final class DASHManifestTests: XCTestCase {
    private let baseMs: Int64 = 1_700_000_000_000
    private let video = DASHTrack(number: 1, kind: .video(width: 1280, height: 720), codecs: "avc1.64001f",
                                  timescale: 90_000)
    private let audio = DASHTrack(number: 2, kind: .audio(samplingRate: 48_000, channels: 2), codecs: "mp4a.40.2",
                                  timescale: 48_000)

    private func manifest(_ session: StreamingSession, _ window: PlaybackWindow, nowMs: Int64 = 1_700_000_100_000)
        throws -> XMLTestTree {
        let text = DASHManifest.mpd(session: session, window: window, tracks: [video, audio], nowMs: nowMs)
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        return try XCTUnwrap(XMLTestTree.parse(text), text)
    }

    func testStaticManifestHasOneAdaptationSetPerTrackAndStartsAtZero() throws {
        // Three fragments with a 1-second hole before the third.
        var index = StreamingTestFragments.index(count: 3, startMs: baseMs + 123, durationMs: 2_000, firstOrdinal: 5)
        index[2].fragment.producerTimestampMs += 1_000
        let session = StreamingTestFragments.session(.dash, mode: .onDemand, startMs: baseMs, endMs: baseMs + 10_000,
                                                     max: 100)
        let mpd = try manifest(session, PlaybackWindow(fragments: index, isComplete: true, discontinuitySequence: 0))
        XCTAssertEqual(mpd.name, "MPD")
        XCTAssertEqual(mpd.attributes["type"], "static")
        XCTAssertEqual(mpd.attributes["mediaPresentationDuration"], "PT7.000S")
        XCTAssertNil(mpd.attributes["availabilityStartTime"])
        let periods = mpd.children("Period")
        XCTAssertEqual(periods.count, 1)
        let sets = periods[0].children("AdaptationSet")
        XCTAssertEqual(sets.map { $0.attributes["contentType"] }, ["video", "audio"])
        XCTAssertEqual(sets.map { $0.attributes["mimeType"] }, ["video/mp4", "audio/mp4"])

        for (set, track) in zip(sets, [video, audio]) {
            let representation = try XCTUnwrap(set.child("Representation"))
            XCTAssertEqual(representation.attributes["codecs"], track.codecs)
            XCTAssertGreaterThan(Int(representation.attributes["bandwidth"] ?? "") ?? 0, 0)
            let list = try XCTUnwrap(representation.child("SegmentList"))
            let timescale = Int64(track.timescale)
            XCTAssertEqual(list.attributes["timescale"], "\(timescale)")
            // tfdt = producer ms × timescale / 1000; the first fragment's is the offset, so playback starts at 0.
            let decodeTimes = index.map { $0.fragment.producerTimestampMs * timescale / 1000 }
            XCTAssertEqual(list.attributes["presentationTimeOffset"], "\(decodeTimes[0])")
            XCTAssertEqual(list.child("Initialization")?.attributes["sourceURL"],
                           "getMP4InitFragment.mp4?SessionToken=\(session.token)&TrackNumber=\(track.number)")
            let segments = try XCTUnwrap(list.child("SegmentTimeline")).children("S")
            XCTAssertEqual(segments.map { $0.attributes["t"] }, decodeTimes.map { "\($0)" })
            XCTAssertEqual(segments.map { $0.attributes["d"] }, Array(repeating: "\(2 * timescale)", count: 3))
            XCTAssertTrue(segments.allSatisfy { $0.attributes["kvs:ts"] == nil && $0.attributes["kvs:fn"] == nil })
            XCTAssertEqual(list.children("SegmentURL").map { $0.attributes["media"] }, index.map {
                "getMP4MediaFragment.mp4?SessionToken=\(session.token)&FragmentNumber=\($0.fragment.number)"
                    + "&TrackNumber=\(track.number)"
            })
        }
        let videoRepresentation = sets[0].child("Representation")
        XCTAssertEqual(videoRepresentation?.attributes["width"], "1280")
        XCTAssertEqual(videoRepresentation?.attributes["height"], "720")
        let audioRepresentation = sets[1].child("Representation")
        XCTAssertEqual(audioRepresentation?.attributes["audioSamplingRate"], "48000")
        XCTAssertEqual(audioRepresentation?.child("AudioChannelConfiguration")?.attributes["value"], "2")
    }

    func testDurationsTileTheTimelineWithoutDrift() throws {
        // 33 ms fragments do not divide into whole 48 kHz ticks the same way each time; ends must meet starts.
        let index = StreamingTestFragments.index(count: 50, startMs: baseMs + 1, durationMs: 33)
        let session = StreamingTestFragments.session(.dash, mode: .onDemand, startMs: baseMs, endMs: baseMs + 5_000,
                                                     max: 100)
        let mpd = try manifest(session, PlaybackWindow(fragments: index, isComplete: true, discontinuitySequence: 0))
        for set in mpd.child("Period")?.children("AdaptationSet") ?? [] {
            let segments = set.child("Representation")?.child("SegmentList")?.child("SegmentTimeline")?.children("S")
                ?? []
            XCTAssertEqual(segments.count, 50)
            for (previous, next) in zip(segments, segments.dropFirst()) {
                XCTAssertEqual(Int64(previous.attributes["t"]!)! + Int64(previous.attributes["d"]!)!,
                               Int64(next.attributes["t"]!)!)
            }
        }
    }

    func testDynamicManifestKeepsATimelineAnchoredAtTheEpoch() throws {
        let index = StreamingTestFragments.index(count: 3, startMs: baseMs, durationMs: 2_000)
        let session = StreamingTestFragments.session(.dash, mode: .live, displayTimestamp: .always,
                                                     displayNumber: .always)
        let mpd = try manifest(session, PlaybackWindow(fragments: index, isComplete: false, discontinuitySequence: 0),
                               nowMs: baseMs + 7_250)
        XCTAssertEqual(mpd.attributes["type"], "dynamic")
        XCTAssertEqual(mpd.attributes["availabilityStartTime"], "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(mpd.attributes["publishTime"], "2023-11-14T22:13:27.250Z")
        XCTAssertEqual(mpd.attributes["minimumUpdatePeriod"], "PT1.000S")
        XCTAssertEqual(mpd.attributes["timeShiftBufferDepth"], "PT6.000S")
        XCTAssertNil(mpd.attributes["mediaPresentationDuration"])
        let template = mpd.child("Period")?.child("AdaptationSet")?.child("Representation")?.child("SegmentTemplate")
        XCTAssertEqual(template?.attributes["presentationTimeOffset"], "0")
        // Live fragments are addressed by ordinal, numbered from the first listed one.
        XCTAssertEqual(template?.attributes["startNumber"], "\(index[0].ordinal)")
        XCTAssertEqual(template?.attributes["media"],
                       "getMP4MediaFragment.mp4?SessionToken=\(session.token)&FragmentOrdinal=$Number$&TrackNumber=1")
        let segments = template?.child("SegmentTimeline")?.children("S") ?? []
        XCTAssertEqual(segments.first?.attributes["t"], "\(baseMs * 90)")
        XCTAssertEqual(segments.map { $0.attributes["kvs:ts"] }, index.map { "\($0.fragment.serverTimestampMs)" })
        XCTAssertEqual(segments.map { $0.attributes["kvs:fn"] }, index.map { $0.fragment.number.description })
    }

    func testURLsAreEscapedInTheXMLText() {
        let session = StreamingTestFragments.session(.dash, mode: .live)
        let text = DASHManifest.mpd(session: session,
                                    window: PlaybackWindow(fragments: StreamingTestFragments.index(count: 1),
                                                           isComplete: false, discontinuitySequence: 0),
                                    tracks: [video], nowMs: baseMs)
        XCTAssertTrue(text.contains("SessionToken=\(session.token)&amp;TrackNumber=1\""))
        XCTAssertFalse(text.contains("&TrackNumber"))
    }
}
