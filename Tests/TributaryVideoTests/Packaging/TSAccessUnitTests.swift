import TributaryVideo
import XCTest

/// The payloads of the PES packets: Annex B video with delimiters and parameter sets, ADTS audio, and the order
/// frames are written in.
final class TSAccessUnitTests: XCTestCase {
    private func pes(tracks: [MatroskaTrack], frames: [MatroskaFrame]) throws -> [TSTestDemuxer.PES] {
        try TSTestDemuxer(TSSegment.make(tracks: tracks, frames: frames, timecodeScale: 1_000_000, continuityBase: 0))
            .pesPackets()
    }

    func testH264KeyframesStartWithDelimiterAndParameterSets() throws {
        let delimiter: [UInt8] = [0x09, 0xF0]
        let inFrameDelimiter = TSTestMedia.lengthPrefixed([delimiter, [0x06, 0x05, 0x11]])
        var key = TSTestMedia.videoFrame(0, keyframe: true)
        key.bytes = inFrameDelimiter + key.bytes
        let delta = TSTestMedia.videoFrame(100, keyframe: false)
        let units = try pes(tracks: [TSTestMedia.videoTrack()], frames: [key, delta]).map {
            TSTestDemuxer.nalUnits($0.payload)
        }
        XCTAssertEqual(units.count, 2)
        XCTAssertEqual(units[0], [delimiter, TSTestMedia.sequenceParameterSet, TSTestMedia.pictureParameterSet,
                                  [0x06, 0x05, 0x11], TSTestMedia.pictureUnit(0, keyframe: true)],
                       "one delimiter, the frame's own dropped")
        XCTAssertEqual(units[1], [delimiter, TSTestMedia.pictureUnit(100, keyframe: false)])
    }

    func testShortNALLengthPrefixesAreRead() throws {
        var track = TSTestMedia.videoTrack()
        track.codecPrivate?[4] = 0xFD  // 2-byte NAL lengths
        let picture = TSTestMedia.pictureUnit(0, keyframe: true)
        let frame = MatroskaFrame(trackNumber: 1, relativeTimecode: 0, absoluteTimecode: 0, isKeyframe: true,
                                  bytes: TSTestMedia.lengthPrefixed([picture, [0x0C, 0xFF]], lengthSize: 2))
        let units = try pes(tracks: [track], frames: [frame]).map { TSTestDemuxer.nalUnits($0.payload) }
        XCTAssertEqual(units.first?.suffix(2), [picture, [0x0C, 0xFF]])
    }

    func testH265ParameterSetsComeFromTheRecordInDecodingOrder() throws {
        let track = TSTestMedia.hevcTrack()
        let slice: [UInt8] = [0x26, 0x01, 0xAF, 0x13]  // IDR_W_RADL
        let frame = MatroskaFrame(trackNumber: 1, relativeTimecode: 0, absoluteTimecode: 40, isKeyframe: true,
                                  bytes: TSTestMedia.lengthPrefixed([[0x46, 0x01, 0x50], slice], lengthSize: 2))
        let trailing = MatroskaFrame(trackNumber: 1, relativeTimecode: 0, absoluteTimecode: 80, isKeyframe: false,
                                     bytes: TSTestMedia.lengthPrefixed([[0x02, 0x01, 0xD1]], lengthSize: 2))
        let units = try pes(tracks: [track], frames: [frame, trailing]).map { TSTestDemuxer.nalUnits($0.payload) }
        XCTAssertEqual(units.first, [[0x46, 0x01, 0x50], TSTestMedia.hevcVideoParameterSet,
                                     TSTestMedia.hevcSequenceParameterSet, TSTestMedia.hevcPictureParameterSet, slice])
        XCTAssertEqual(units.last, [[0x46, 0x01, 0x50], [0x02, 0x01, 0xD1]])
    }

    func testAACFramesGetADTSHeadersFromTheAudioSpecificConfig() throws {
        // AAC-LC (object type 2), 48 kHz (index 3), 1 channel.
        var track = TSTestMedia.audioTrack(number: 1)
        track.codecPrivate = [0x11, 0x88]
        let frames = [TSTestMedia.audioFrame(0, track: 1, size: 300), TSTestMedia.audioFrame(21, track: 1, size: 4)]
        let units = try pes(tracks: [track], frames: frames)
        XCTAssertEqual(units.count, 2)
        for (unit, frame) in zip(units, frames) {
            let header = Array(unit.payload.prefix(7))
            XCTAssertEqual(header[0], 0xFF)
            XCTAssertEqual(header[1], 0xF1, "MPEG-4, layer 0, no CRC")
            XCTAssertEqual(header[2] >> 6, 1, "profile is object type - 1")
            XCTAssertEqual((header[2] >> 2) & 0x0F, 3, "48 kHz")
            XCTAssertEqual((header[2] & 0x01) << 2 | header[3] >> 6, 1, "one channel")
            let length = Int(header[3] & 0x03) << 11 | Int(header[4]) << 3 | Int(header[5] >> 5)
            XCTAssertEqual(length, frame.bytes.count + 7)
            XCTAssertEqual(Int(header[5] & 0x1F) << 6 | Int(header[6] >> 2), 0x7FF, "VBR buffer fullness")
            XCTAssertEqual(header[6] & 0x03, 0, "one raw data block")
            XCTAssertEqual(Array(unit.payload.dropFirst(7)), frame.bytes)
        }
    }

    func testHEAACIsSignalledAsItsLowComplexityCore() throws {
        // Object type 5 (SBR), core 24 kHz (index 6), stereo, extension 48 kHz (index 3), then core type 2.
        var track = TSTestMedia.audioTrack(number: 1)
        track.codecPrivate = [0x2B, 0x11, 0x88, 0x00]
        let unit = try XCTUnwrap(try pes(tracks: [track], frames: [TSTestMedia.audioFrame(0, track: 1)]).first)
        XCTAssertEqual(unit.payload[2] >> 6, 1, "AAC-LC profile")
        XCTAssertEqual((unit.payload[2] >> 2) & 0x0F, 6, "the core's 24 kHz")
    }

    func testTracksInterleaveByTimeAndKeepTheirOwnOrder() throws {
        // Stored one track after the other; the segment interleaves them.
        let video = (0..<5).map { TSTestMedia.videoFrame(Int64($0) * 40, keyframe: $0 == 0) }
        let audio = (0..<8).map { TSTestMedia.audioFrame(Int64($0) * 23) }
        let stray = TSTestMedia.audioFrame(50, track: 9)
        let units = try pes(tracks: [TSTestMedia.videoTrack(), TSTestMedia.audioTrack()],
                            frames: video + [stray] + audio)
        XCTAssertEqual(units.count, 13, "the frame of undeclared track 9 is left out")
        XCTAssertEqual(units.map(\.presentationTime), units.map(\.presentationTime).sorted())
        // A track whose times go back (B-frames) keeps its stored order.
        let reordered = [0, 120, 40, 80].map { TSTestMedia.videoFrame(Int64($0), keyframe: $0 == 0) }
        let withAudio = try pes(tracks: [TSTestMedia.videoTrack(), TSTestMedia.audioTrack()],
                                frames: reordered + [TSTestMedia.audioFrame(60)])
        XCTAssertEqual(withAudio.map { $0.presentationTime / 90 }, [0, 60, 120, 40, 80])
    }
}
