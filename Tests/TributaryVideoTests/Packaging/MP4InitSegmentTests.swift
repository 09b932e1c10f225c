import TributaryVideo
import XCTest

final class MP4InitSegmentTests: XCTestCase {
    private func tracks() throws -> [MP4Track] {
        [try MP4Track(MP4TestMedia.videoTrack()), try MP4Track(MP4TestMedia.audioTrack())]
    }

    func testBoxOrderAndNesting() throws {
        let boxes = try MP4TestBoxWalker.parse(MP4InitSegment.bytes(tracks: try tracks()))
        XCTAssertEqual(boxes.map(\.type), ["ftyp", "moov"])
        XCTAssertEqual(String(decoding: boxes[0].payload.prefix(4), as: UTF8.self), "iso6")
        let moov = boxes[1]
        XCTAssertEqual(moov.childTypes, ["mvhd", "trak", "trak", "mvex"])
        XCTAssertEqual(moov.box("mvhd")?.uint(at: 12, bytes: 4), 1000, "movie timescale")
        XCTAssertEqual(moov.box("mvhd")?.uint(at: 96, bytes: 4), 3, "next_track_ID")
        for trak in moov.all("trak") {
            XCTAssertEqual(trak.childTypes, ["tkhd", "mdia"])
            XCTAssertEqual(trak.box("mdia")?.childTypes, ["mdhd", "hdlr", "minf"])
            XCTAssertEqual(trak.box("mdia", "minf", "stbl")?.childTypes, ["stsd", "stts", "stsc", "stsz", "stco"])
            for empty in ["stts", "stsc", "stco"] {
                XCTAssertEqual(trak.box("mdia", "minf", "stbl", empty)?.uint(at: 4, bytes: 4), 0, empty)
            }
            XCTAssertEqual(trak.box("mdia", "minf", "dinf", "dref")?.childTypes, ["url "])
        }
        XCTAssertEqual(moov.box("mvex")?.childTypes, ["trex", "trex"])
        XCTAssertEqual(moov.box("mvex")?.all("trex").map { $0.uint(at: 4, bytes: 4) }, [1, 2])
    }

    func testVideoTrackDescription() throws {
        let moov = try MP4TestBoxWalker.parse(MP4InitSegment.bytes(tracks: try tracks()))[1]
        let video = moov.all("trak")[0]
        XCTAssertEqual(video.box("tkhd")?.uint(at: 12, bytes: 4), 1, "track_ID")
        XCTAssertEqual(video.box("tkhd")?.uint(at: 76, bytes: 4), 320 << 16, "width 16.16")
        XCTAssertEqual(video.box("tkhd")?.uint(at: 80, bytes: 4), 240 << 16, "height 16.16")
        XCTAssertEqual(video.box("mdia", "mdhd")?.uint(at: 12, bytes: 4), 90_000, "timescale")
        let handler = try XCTUnwrap(video.box("mdia", "hdlr")).payload.dropFirst(8).prefix(4)
        XCTAssertEqual(String(decoding: handler, as: UTF8.self), "vide")
        XCTAssertEqual(video.box("mdia", "minf")?.childTypes, ["vmhd", "dinf", "stbl"])
        let stsd = try XCTUnwrap(video.box("mdia", "minf", "stbl", "stsd"))
        XCTAssertEqual(stsd.childTypes, ["avc1"])
        XCTAssertEqual(stsd.box("avc1")?.uint(at: 24, bytes: 2), 320)
        XCTAssertEqual(stsd.box("avc1")?.uint(at: 26, bytes: 2), 240)
        XCTAssertEqual(stsd.box("avc1", "avcC").map { Array($0.payload) }, MP4TestMedia.avcRecord)
    }

    func testAudioTrackDescription() throws {
        let moov = try MP4TestBoxWalker.parse(MP4InitSegment.bytes(tracks: try tracks()))[1]
        let audio = moov.all("trak")[1]
        XCTAssertEqual(audio.box("mdia", "mdhd")?.uint(at: 12, bytes: 4), 44100, "timescale is the sampling rate")
        XCTAssertEqual(audio.box("mdia", "minf")?.childTypes, ["smhd", "dinf", "stbl"])
        let mp4a = try XCTUnwrap(audio.box("mdia", "minf", "stbl", "stsd", "mp4a"))
        XCTAssertEqual(mp4a.uint(at: 16, bytes: 2), 2, "channels")
        XCTAssertEqual(mp4a.uint(at: 24, bytes: 4), 44100 << 16, "sample rate 16.16")
        let esds = try XCTUnwrap(mp4a.box("esds"))
        let descriptor = Array(esds.payload.dropFirst(4))
        XCTAssertEqual(descriptor.first, 0x03, "ES_Descriptor")
        XCTAssertEqual(Int(descriptor[1]) + 2, descriptor.count, "ES_Descriptor size covers the box")
        // DecoderConfigDescriptor: MPEG-4 audio, then DecoderSpecificInfo with the AudioSpecificConfig.
        let config = try XCTUnwrap(descriptor.firstIndex(of: 0x04))
        XCTAssertEqual(descriptor[config + 2], 0x40)
        let specific = config + 2 + 13
        XCTAssertEqual(Array(descriptor[specific..<(specific + 4)]), [0x05, 2] + MP4TestMedia.aacRecord)
    }

    func testSingleTrackInitForDASH() throws {
        let audio = try MP4Track(MP4TestMedia.audioTrack())
        let moov = try MP4TestBoxWalker.parse(MP4InitSegment.bytes(tracks: [audio]))[1]
        XCTAssertEqual(moov.childTypes, ["mvhd", "trak", "mvex"])
        XCTAssertEqual(moov.box("trak", "tkhd")?.uint(at: 12, bytes: 4), 2)
    }
}
