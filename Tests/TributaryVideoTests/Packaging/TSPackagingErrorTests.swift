import TributaryVideo
import XCTest

/// Tracks and frames the TS muxer refuses, and the AWS errors they become.
final class TSPackagingErrorTests: XCTestCase {
    private func make(_ tracks: [MatroskaTrack], _ frames: [MatroskaFrame] = []) throws {
        _ = try TSSegment.make(tracks: tracks, frames: frames, timecodeScale: 1_000_000, continuityBase: 0)
    }

    private func assertError(_ tracks: [MatroskaTrack], _ frames: [MatroskaFrame] = [], code: String,
                             line: UInt = #line, _ check: (TSPackagingError) -> Bool) {
        XCTAssertThrowsError(try make(tracks, frames), line: line) { error in
            guard let error = error as? TSPackagingError else { return XCTFail("\(error)", line: line) }
            XCTAssertTrue(check(error), "\(error)", line: line)
            XCTAssertEqual(error.serviceError.code, code, line: line)
            XCTAssertEqual(error.serviceError.status, 400, line: line)
        }
    }

    func testUnsupportedCodecIsUnsupportedMediaType() {
        let track = MatroskaTrack(number: 3, kind: .video, codecID: "V_VP9", codecPrivate: [1])
        assertError([TSTestMedia.videoTrack(), track], code: "UnsupportedStreamMediaTypeException") {
            if case .unsupportedMediaType(3, let reason) = $0 { reason.contains("V_VP9") } else { false }
        }
    }

    func testMissingCodecPrivate() {
        let track = MatroskaTrack(number: 1, kind: .video, codecID: "V_MPEG4/ISO/AVC")
        assertError([track], code: "MissingCodecPrivateDataException") { $0 == .missingCodecPrivateData(trackNumber: 1) }
    }

    func testParameterSetListOverrunningTheRecordIsInvalidCodecPrivate() {
        var track = TSTestMedia.videoTrack()
        track.codecPrivate = Array(TSTestMedia.avcRecord.dropLast(2))
        assertError([track], code: "InvalidCodecPrivateDataException") {
            if case .invalidCodecPrivateData(1, let reason) = $0 { reason.contains("picture parameter set") } else { false }
        }
        var hevc = TSTestMedia.hevcTrack()
        hevc.codecPrivate = Array(TSTestMedia.hevcRecord.dropLast(1))
        assertError([hevc], code: "InvalidCodecPrivateDataException") {
            if case .invalidCodecPrivateData(1, _) = $0 { true } else { false }
        }
    }

    func testAACConfigurationsADTSCannotSignalAreUnsupported() {
        let cases: [([UInt8], String)] = [
            ([0x12, 0x00], "channel configuration 0"),  // AAC-LC 44.1 kHz, channels from a PCE
            ([0x12, 0x14], "960"),  // frameLengthFlag set
            ([0x17, 0x80, 0x3E, 0x80, 0x90], "sampling frequency of 32001"),  // explicit, not in the index table
            ([0xF8, 0xC8, 0x40], "object type 38"),  // escaped object type, 44.1 kHz, stereo
        ]
        for (record, expected) in cases {
            var track = TSTestMedia.audioTrack(number: 1)
            track.codecPrivate = record
            assertError([track], code: "UnsupportedStreamMediaTypeException") {
                if case .unsupportedMediaType(1, let reason) = $0 { reason.contains(expected) } else { false }
            }
        }
    }

    func testNALLengthPastTheFrameIsAnInvalidFrame() {
        var frame = TSTestMedia.videoFrame(300, keyframe: true)
        frame.bytes[3] += 1  // the length now claims one byte more than the frame holds
        assertError([TSTestMedia.videoTrack()], [frame], code: "InvalidCodecPrivateDataException") {
            if case .invalidFrame(1, 300, let reason) = $0 { reason.contains("only 12 bytes remain") } else { false }
        }
        frame.bytes = [0, 0, 0]
        assertError([TSTestMedia.videoTrack()], [frame], code: "InvalidCodecPrivateDataException") {
            if case .invalidFrame(1, 300, let reason) = $0 { reason.contains("4-byte NAL unit length") } else { false }
        }
    }

    func testAACFrameTooLongForADTS() throws {
        XCTAssertNoThrow(try make([TSTestMedia.audioTrack()], [TSTestMedia.audioFrame(0, size: 8_184)]))
        assertError([TSTestMedia.audioTrack()], [TSTestMedia.audioFrame(0, size: 8_185)],
                    code: "InvalidCodecPrivateDataException") {
            if case .invalidFrame(2, 0, let reason) = $0 { reason.contains("8185 bytes") } else { false }
        }
    }
}
