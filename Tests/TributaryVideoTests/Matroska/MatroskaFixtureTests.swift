import Foundation
import TributaryVideo
import XCTest

/// Reads a real Matroska file made by ffmpeg 5.1 (Debian 12):
///   ffmpeg -f lavfi -i testsrc=size=160x120:rate=10 -f lavfi -i sine=frequency=440 -t 2 -c:v libx264 -bf 0 -g 10
///     -c:a aac -live 1 -cluster_time_limit 10000 -write_crc32 0 -f matroska h264-aac.mkv
/// Expected values come from:
///   ffprobe -v error -count_frames -show_entries stream=index,codec_name,nb_read_frames,extradata_size,width,height,sample_rate,channels h264-aac.mkv
///     → h264 160x120, extradata 47 bytes, 20 frames; aac 44100 Hz, 1 channel, extradata 5 bytes, 88 frames
///   ffprobe -v error -select_streams v -show_entries packet=pts,flags -of csv h264-aac.mkv
///     → video pts 23, 123, …, 1923 ms; keyframes at 23 and 1023
final class MatroskaFixtureTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/h264-aac.mkv")

    func load() throws -> [UInt8] { [UInt8](try Data(contentsOf: Self.fixture)) }

    func testFFmpegFile() throws {
        let bytes = try load()
        let events = try ReaderHarness.events(bytes, chunk: 4096)
        guard case .header(let header) = events.first else { return XCTFail("no header") }
        XCTAssertEqual(header.docType, "matroska")
        guard let tracks = events.lazy.compactMap({ if case .tracks(let t) = $0 { t } else { nil } }).first else {
            return XCTFail("no tracks")
        }
        XCTAssertEqual(tracks.count, 2)
        XCTAssertEqual(tracks[0].codecID, "V_MPEG4/ISO/AVC")
        XCTAssertEqual(tracks[0].kind, .video)
        XCTAssertEqual(tracks[0].codecPrivate?.count, 47)
        XCTAssertEqual(tracks[0].codecPrivate?.first, 1, "avcC configurationVersion")
        XCTAssertEqual(tracks[0].pixelWidth, 160)
        XCTAssertEqual(tracks[0].pixelHeight, 120)
        XCTAssertEqual(tracks[1].codecID, "A_AAC")
        XCTAssertEqual(tracks[1].codecPrivate?.count, 5)
        XCTAssertEqual(tracks[1].samplingFrequency, 44100)
        XCTAssertEqual(tracks[1].channels, 1)

        let frames = ReaderHarness.frames(events)
        let video = frames.filter { $0.trackNumber == tracks[0].number }
        let audio = frames.filter { $0.trackNumber == tracks[1].number }
        XCTAssertEqual(video.count, 20)
        XCTAssertEqual(audio.count, 88)
        XCTAssertEqual(video.map(\.absoluteTimecode), (0..<20).map { Int64(23 + 100 * $0) })
        XCTAssertEqual(video.filter(\.isKeyframe).map(\.absoluteTimecode), [23, 1023])

        let clusters = ReaderHarness.clusters(events)
        XCTAssertEqual(clusters.count, 2, "-live 1 cuts a cluster at each video keyframe")
        XCTAssertTrue(clusters.allSatisfy(\.startsWithKeyframe))
        XCTAssertEqual(clusters.map { $0.framesPerTrack[tracks[0].number] }, [10, 10])
        XCTAssertEqual(clusters.map(\.frameCount).reduce(0, +), 108)
        XCTAssertTrue(clusters.allSatisfy { $0.timecodeScale == 1_000_000 })
        for cluster in clusters {
            let start = Int(cluster.streamOffset)
            XCTAssertEqual(Array(bytes[start..<(start + cluster.byteCount)]), cluster.bytes)
            XCTAssertGreaterThan(cluster.durationMilliseconds, 900)
            XCTAssertLessThan(cluster.durationMilliseconds, 1100)
        }
        XCTAssertEqual(events.last, .segmentEnded)
    }

    func testFFmpegFileFedByteByByteMatches() throws {
        let bytes = try load()
        XCTAssertEqual(try ReaderHarness.events(bytes, chunk: 1), try ReaderHarness.events(bytes))
    }

    /// A GetMedia-style document per fragment (header, Info, Tracks, one cluster re-encoded with a known size)
    /// reads back with the same frames.
    func testFragmentsRewrappedAsDocumentsReadBack() throws {
        let bytes = try load()
        let events = try ReaderHarness.events(bytes)
        let clusters = ReaderHarness.clusters(events)
        guard let first = clusters.first else { return XCTFail("no cluster") }
        // Everything before the first cluster, with the Segment's size made unknown, is a valid document prefix.
        var prefix = Array(bytes[..<Int(first.streamOffset)])
        guard let segmentAt = (0..<(prefix.count - 4)).first(where: { prefix[$0..<($0 + 4)] == [0x18, 0x53, 0x80, 0x67] }) else {
            return XCTFail("no segment")
        }
        let sizeLength = EBMLVarint.length(ofFirstByte: prefix[segmentAt + 4]) ?? 8
        prefix.replaceSubrange((segmentAt + 4)..<(segmentAt + 4 + sizeLength), with: EBMLVarint.unknownSize())
        var stream: [UInt8] = []
        for cluster in clusters { stream += prefix + cluster.knownSizeBytes() }
        let reread = try ReaderHarness.events(stream, chunk: 1000)
        XCTAssertEqual(ReaderHarness.frames(reread), ReaderHarness.frames(events))
        XCTAssertEqual(ReaderHarness.clusters(reread).map(\.timecode), clusters.map(\.timecode))
        XCTAssertEqual(reread.filter { $0 == .segmentEnded }.count, clusters.count)
    }
}
