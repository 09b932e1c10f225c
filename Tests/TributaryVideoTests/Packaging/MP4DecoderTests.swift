import Foundation
import TributaryVideo
import XCTest

/// Packages the ffmpeg-made Matroska fixtures (see `MatroskaFixtureTests` for h264-aac.mkv; hevc-aac.mkv is the
/// same command with `-pix_fmt yuv420p -c:v libx265 -x265-params log-level=error -fflags +bitexact`) and has
/// ffprobe and ffmpeg decode the results.
final class MP4DecoderTests: XCTestCase {
    /// Init segment plus one media fragment per cluster, each fragment's last frames timed by the next cluster.
    private func fragmentedFile(_ source: MP4TestMedia.Source, tracks: [MP4Track]) throws -> URL {
        var bytes = MP4InitSegment.bytes(tracks: tracks)
        for (index, cluster) in source.clusters.enumerated() {
            var following: [UInt64: Int64] = [:]
            if index + 1 < source.clusters.count {
                for frame in source.clusters[index + 1] where following[frame.trackNumber] == nil {
                    following[frame.trackNumber] = frame.absoluteTimecode
                }
            }
            bytes += MP4MediaFragment.bytes(sequenceNumber: UInt32(index + 1), tracks: tracks, frames: cluster,
                                            timecodeScale: source.timecodeScale, followingTimecodes: following)
        }
        return try MP4TestTools.temporaryFile(bytes, for: self, name: "fragmented.mp4")
    }

    private func assertDecodes(_ file: URL, source: MP4TestMedia.Source, video: String?, audio: Bool,
                               line: UInt = #line) throws {
        let frames = source.frames
        if let video {
            let count = frames.filter { $0.trackNumber == source.tracks[0].number }.count
            XCTAssertEqual(try MP4TestTools.decodedStream(file, kind: "v"), "\(video),\(count)", line: line)
        }
        if audio {
            let count = frames.filter { $0.trackNumber == source.tracks[1].number }.count
            XCTAssertEqual(try MP4TestTools.decodedStream(file, kind: "a"), "aac,\(count)", line: line)
        }
        let decoded = try MP4TestTools.decodeAll(file)
        XCTAssertEqual(decoded.status, 0, line: line)
        XCTAssertEqual(decoded.errors, "", line: line)
    }

    private func assertDuration(_ file: URL, matches source: MP4TestMedia.Source, line: UInt = #line) throws {
        let expected = try MP4TestTools.packetSpan(source.url)
        let duration = try XCTUnwrap(try MP4TestTools.formatDuration(file), line: line)
        XCTAssertEqual(duration, expected, accuracy: 0.1, line: line)
        XCTAssertGreaterThan(expected, 1.9, "the fixtures last about 2 s", line: line)
    }

    func testH264FragmentsDecode() throws {
        try MP4TestTools.requireFFprobe()
        let source = try MP4TestMedia.fixture("h264-aac.mkv")
        XCTAssertEqual(source.clusters.count, 2)
        let tracks = try source.tracks.map(MP4Track.init)
        let file = try fragmentedFile(source, tracks: tracks)
        try assertDecodes(file, source: source, video: "h264", audio: true)
        try assertDuration(file, matches: source)
    }

    func testH264ClipDecodesWithMoovFirst() throws {
        try MP4TestTools.requireFFprobe()
        let source = try MP4TestMedia.fixture("h264-aac.mkv")
        let bytes = MP4Clip.bytes(tracks: try source.tracks.map(MP4Track.init), frames: source.frames,
                                  timecodeScale: source.timecodeScale)
        XCTAssertEqual(try MP4TestBoxWalker.parse(bytes).map(\.type), ["ftyp", "moov", "mdat"])
        let file = try MP4TestTools.temporaryFile(bytes, for: self, name: "clip.mp4")
        try assertDecodes(file, source: source, video: "h264", audio: true)
        try assertDuration(file, matches: source)
    }

    func testPerTrackFragmentsDecode() throws {
        try MP4TestTools.requireFFprobe()
        let source = try MP4TestMedia.fixture("h264-aac.mkv")
        let tracks = try source.tracks.map(MP4Track.init)
        let audioOnly = try fragmentedFile(source, tracks: [tracks[1]])
        XCTAssertEqual(try MP4TestTools.decodedStream(audioOnly, kind: "v"), "")
        try assertDecodes(audioOnly, source: source, video: nil, audio: true)
        let videoOnly = try fragmentedFile(source, tracks: [tracks[0]])
        XCTAssertEqual(try MP4TestTools.decodedStream(videoOnly, kind: "a"), "")
        try assertDecodes(videoOnly, source: source, video: "h264", audio: false)
    }

    func testHEVCFragmentsAndClipDecode() throws {
        try MP4TestTools.requireFFprobe()
        let source = try MP4TestMedia.fixture("hevc-aac.mkv")
        XCTAssertEqual(source.tracks.first?.codecID, "V_MPEGH/ISO/HEVC")
        let tracks = try source.tracks.map(MP4Track.init)
        let fragmented = try fragmentedFile(source, tracks: tracks)
        try assertDecodes(fragmented, source: source, video: "hevc", audio: true)
        try assertDuration(fragmented, matches: source)
        let clip = try MP4TestTools.temporaryFile(
            MP4Clip.bytes(tracks: tracks, frames: source.frames, timecodeScale: source.timecodeScale), for: self,
            name: "clip.mp4")
        try assertDecodes(clip, source: source, video: "hevc", audio: true)
        try assertDuration(clip, matches: source)
        let tag = try MP4TestTools.run(MP4TestTools.ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries",
                                                              "stream=codec_tag_string", "-of", "csv=p=0", clip.path])
        XCTAssertEqual(tag.output, "hvc1")
    }
}
