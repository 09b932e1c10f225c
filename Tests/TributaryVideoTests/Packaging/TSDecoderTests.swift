import Foundation
import TributaryVideo
import XCTest

/// Packages the ffmpeg-made Matroska fixtures (see `MatroskaFixtureTests` and `MP4DecoderTests` for how they were
/// made) as one TS segment per cluster, as an HLS playlist would list them, and has ffprobe and ffmpeg decode the
/// segments one after the other and each alone.
final class TSDecoderTests: XCTestCase {
    private func segments(_ source: MP4TestMedia.Source) throws -> [[UInt8]] {
        try source.clusters.enumerated().map { index, cluster in
            try TSSegment.make(tracks: source.tracks, frames: cluster, timecodeScale: source.timecodeScale,
                               continuityBase: index)
        }
    }

    /// ffprobe lists a TS stream twice, under its program and on its own: both must say the same.
    private func decodedStream(_ file: URL, kind: String) throws -> Set<String> {
        Set(try MP4TestTools.decodedStream(file, kind: kind).split(separator: "\n").map(String.init).filter { !$0.isEmpty })
    }

    private func assertDecodes(_ file: URL, videoCodec: String, videoFrames: Int, audioFrames: Int,
                               line: UInt = #line) throws {
        XCTAssertEqual(try decodedStream(file, kind: "v"), ["\(videoCodec),\(videoFrames)"], line: line)
        XCTAssertEqual(try decodedStream(file, kind: "a"), ["aac,\(audioFrames)"], line: line)
        let decoded = try MP4TestTools.decodeAll(file)
        XCTAssertEqual(decoded.status, 0, line: line)
        XCTAssertEqual(decoded.errors, "", line: line)
    }

    private func assertPlaylistDecodes(_ name: String, videoCodec: String) throws {
        try MP4TestTools.requireFFprobe()
        let source = try MP4TestMedia.fixture(name)
        XCTAssertEqual(source.clusters.count, 2)
        let video = source.tracks[0].number
        let segments = try segments(source)
        let file = try MP4TestTools.temporaryFile(segments.flatMap { $0 }, for: self, name: "segments.ts")
        try assertDecodes(file, videoCodec: videoCodec,
                          videoFrames: source.frames.filter { $0.trackNumber == video }.count,
                          audioFrames: source.frames.filter { $0.trackNumber != video }.count)
        let expected = try MP4TestTools.packetSpan(source.url)
        XCTAssertGreaterThan(expected, 1.9, "the fixtures last about 2 s")
        XCTAssertEqual(try XCTUnwrap(try MP4TestTools.formatDuration(file)), expected, accuracy: 0.1)

        for (index, (segment, cluster)) in zip(segments, source.clusters).enumerated() {
            XCTAssertTrue(cluster.first { $0.trackNumber == video }?.isKeyframe ?? false)
            let alone = try MP4TestTools.temporaryFile(segment, for: self, name: "segment\(index).ts")
            try assertDecodes(alone, videoCodec: videoCodec,
                              videoFrames: cluster.filter { $0.trackNumber == video }.count,
                              audioFrames: cluster.filter { $0.trackNumber != video }.count)
        }
    }

    func testH264SegmentsDecode() throws {
        try assertPlaylistDecodes("h264-aac.mkv", videoCodec: "h264")
    }

    /// hevc-aac.mkv was made with libx265 (see `MP4DecoderTests`), so the test needs no encoder at run time.
    func testH265SegmentsDecode() throws {
        try assertPlaylistDecodes("hevc-aac.mkv", videoCodec: "hevc")
    }

    func testPresentationTimesMatchTheSource() throws {
        try MP4TestTools.requireFFprobe()
        let source = try MP4TestMedia.fixture("h264-aac.mkv")
        let file = try MP4TestTools.temporaryFile(try segments(source).flatMap { $0 }, for: self, name: "times.ts")
        let lines = try MP4TestTools.run(MP4TestTools.ffprobe, ["-v", "error", "-select_streams", "v:0",
                                                                "-show_entries", "packet=pts", "-of", "csv=p=0",
                                                                file.path]).output.split(separator: "\n")
        let video = source.frames.filter { $0.trackNumber == source.tracks[0].number }
        XCTAssertEqual(lines.compactMap { $0.split(separator: ",").first.flatMap { Int64($0) } }, video.map { $0.absoluteTimecode * 90 })
    }
}
