import TributaryVideo
import XCTest

final class MP4ClipTests: XCTestCase {
    typealias M = MP4TestMedia

    private func tracks() throws -> [MP4Track] {
        [try MP4Track(M.videoTrack()), try MP4Track(M.audioTrack())]
    }

    /// Audio starts 20 ms before video; video has a second key frame.
    private let frames: [MatroskaFrame] = [
        M.frame(2, 5000, size: 6), M.frame(1, 5020, size: 40), M.frame(1, 5060, keyframe: false, size: 11),
        M.frame(2, 5023, size: 6), M.frame(2, 5046, size: 6), M.frame(1, 5100, size: 30),
        M.frame(1, 5140, keyframe: false, size: 13),
    ]

    private func sampleTable(_ trak: MP4TestBox, _ type: String) -> [UInt64] {
        guard let box = trak.box("mdia", "minf", "stbl", type) else { return [] }
        let count = Int(box.uint(at: 4, bytes: 4))
        let width = type == "co64" ? 8 : (type == "stts" ? 8 : (type == "stsc" ? 12 : 4))
        return (0..<count).flatMap { index -> [UInt64] in
            let start = 8 + index * width
            switch type {
            case "stts": return [box.uint(at: start, bytes: 4), box.uint(at: start + 4, bytes: 4)]
            case "stsc": return [box.uint(at: start, bytes: 4), box.uint(at: start + 4, bytes: 4)]
            default: return [box.uint(at: start, bytes: width)]
            }
        }
    }

    func testMoovBeforeMdatAndTables() throws {
        let bytes = MP4Clip.bytes(tracks: try tracks(), frames: frames, timecodeScale: 1_000_000,
                                  followingTimecodes: [1: 5180, 2: 5069])
        let boxes = try MP4TestBoxWalker.parse(bytes)
        XCTAssertEqual(boxes.map(\.type), ["ftyp", "moov", "mdat"])
        XCTAssertEqual(String(decoding: boxes[0].payload.prefix(4), as: UTF8.self), "isom")
        let moov = boxes[1]
        XCTAssertEqual(moov.childTypes, ["mvhd", "trak", "trak"], "no mvex: not fragmented")
        let (video, audio) = (moov.all("trak")[0], moov.all("trak")[1])
        XCTAssertEqual(video.box("mdia", "minf", "stbl")?.childTypes, ["stsd", "stts", "stss", "stsc", "stsz", "stco"])
        XCTAssertEqual(audio.box("mdia", "minf", "stbl")?.childTypes, ["stsd", "stts", "stsc", "stsz", "stco"])

        XCTAssertEqual(sampleTable(video, "stts"), [4, 40 * 90], "four samples of 40 ms")
        XCTAssertEqual(sampleTable(video, "stss"), [1, 3])
        let videoSizes = try XCTUnwrap(video.box("mdia", "minf", "stbl", "stsz"))
        XCTAssertEqual(videoSizes.uint(at: 8, bytes: 4), 4)
        XCTAssertEqual((0..<4).map { videoSizes.uint(at: 12 + 4 * $0, bytes: 4) }, [40, 11, 30, 13])
        let audioSizes = try XCTUnwrap(audio.box("mdia", "minf", "stbl", "stsz"))
        XCTAssertEqual(audioSizes.uint(at: 4, bytes: 4), 6, "one size for all samples")
        XCTAssertEqual(audioSizes.uint(at: 8, bytes: 4), 3)

        // Chunks follow the stored order: audio [1], video [2], audio [2], video [2].
        XCTAssertEqual(sampleTable(video, "stsc"), [1, 2])
        XCTAssertEqual(sampleTable(audio, "stsc"), [1, 1, 2, 2])
        let videoOffsets = sampleTable(video, "stco").map(Int.init)
        let audioOffsets = sampleTable(audio, "stco").map(Int.init)
        XCTAssertEqual(audioOffsets.first, boxes[2].offset + 8, "the first chunk opens the mdat payload")
        XCTAssertEqual(Array(bytes[videoOffsets[0]..<(videoOffsets[0] + 51)]), frames[1].bytes + frames[2].bytes)
        XCTAssertEqual(Array(bytes[audioOffsets[1]..<(audioOffsets[1] + 12)]), frames[3].bytes + frames[4].bytes)
        XCTAssertEqual(Array(bytes[videoOffsets[1]..<(videoOffsets[1] + 43)]), frames[5].bytes + frames[6].bytes)
        XCTAssertEqual(boxes[2].payload.count, frames.reduce(0) { $0 + $1.bytes.count })
    }

    func testDurationsAndEditList() throws {
        let moov = try MP4TestBoxWalker.parse(MP4Clip.bytes(
            tracks: try tracks(), frames: frames, timecodeScale: 1_000_000,
            followingTimecodes: [1: 5180, 2: 5069]))[1]
        let (video, audio) = (moov.all("trak")[0], moov.all("trak")[1])
        // Video starts 20 ms after the clip: an empty edit of 20 ms, then 160 ms of media.
        let elst = try XCTUnwrap(video.box("edts", "elst"))
        XCTAssertEqual(elst.uint(at: 4, bytes: 4), 2)
        XCTAssertEqual(elst.uint(at: 8, bytes: 8), 20)
        XCTAssertEqual(elst.uint(at: 16, bytes: 8), UInt64.max, "media_time -1")
        XCTAssertEqual(elst.uint(at: 28, bytes: 8), 160)
        XCTAssertNil(audio.box("edts"), "the earliest track needs no edit")
        XCTAssertEqual(video.box("mdia", "mdhd")?.uint(at: 16, bytes: 4), 160 * 90)
        XCTAssertEqual(video.box("tkhd")?.uint(at: 20, bytes: 4), 180)
        // Audio: 0, 23, 46 ms and the following frame at 69 ms, at 44.1 kHz.
        XCTAssertEqual(audio.box("mdia", "mdhd")?.uint(at: 16, bytes: 4), 3042)
        XCTAssertEqual(moov.box("mvhd")?.uint(at: 16, bytes: 4), 180, "movie duration is the longest track")
    }

    func testTracksOutsideTheSelectionAreLeftOut() throws {
        let audio = try MP4Track(M.audioTrack())
        let boxes = try MP4TestBoxWalker.parse(MP4Clip.bytes(tracks: [audio], frames: frames, timecodeScale: 1_000_000))
        XCTAssertEqual(boxes[1].all("trak").count, 1)
        XCTAssertEqual(boxes[2].payload.count, 18)
    }
}
