import TributaryVideo
import TributaryWire
import XCTest

final class MP4CodecConfigurationTests: XCTestCase {
    func testAVCCodecStringIsProfileCompatibilityAndLevelInHex() throws {
        XCTAssertEqual(try MP4AVCConfiguration(record: [1, 0x64, 0x00, 0x1F, 0xFF, 0xE1, 0x00]).codecString,
                       "avc1.64001F")
        let baseline = try MP4AVCConfiguration(record: MP4TestMedia.avcRecord)
        XCTAssertEqual(baseline.codecString, "avc1.42C01E")
        XCTAssertEqual(baseline.nalLengthSize, 4)
        XCTAssertEqual(try MP4AVCConfiguration(record: [1, 0x4D, 0x40, 0x28, 0xFD, 0xE1, 0]).nalLengthSize, 2)
    }

    func testHEVCCodecStringFollowsAnnexE() throws {
        // Main 10, Main tier, level 4.1 (123), progressive-source constraint: Apple's documented example.
        var record = [UInt8](repeating: 0, count: 23)
        record[0] = 1
        record[1] = 0x02
        record[2...5] = [0x20, 0, 0, 0]
        record[6] = 0xB0
        record[12] = 123
        record[21] = 0x03
        let main10 = try MP4HEVCConfiguration(record: record)
        XCTAssertEqual(main10.codecString, "hvc1.2.4.L123.B0")
        XCTAssertEqual(main10.nalLengthSize, 4)

        // Profile space 1, high tier, Main, a trailing non-zero constraint byte keeps the zero bytes before it.
        record[1] = 0x40 | 0x20 | 0x01
        record[2...5] = [0x60, 0, 0, 0]
        record[6...11] = [0xB0, 0, 0, 0, 0, 0x01]
        record[12] = 150
        XCTAssertEqual(try MP4HEVCConfiguration(record: record).codecString, "hvc1.A1.6.H150.B0.00.00.00.00.01")
    }

    func testHEVCFixtureCodecString() throws {
        // ffprobe on hevc-aac.mkv: profile Main (idc 1, compatible with Main and Main 10), level 30; x265 sets the
        // progressive-source and frame-only constraint flags (0x90).
        let source = try MP4TestMedia.fixture("hevc-aac.mkv")
        let track = try MP4Track(source.tracks[0])
        XCTAssertEqual(track.codecString, "hvc1.1.6.L30.90")
        XCTAssertEqual(track.timescale, 90_000)
    }

    func testAACConfiguration() throws {
        let lowComplexity = try MP4AACConfiguration(record: MP4TestMedia.aacRecord)
        XCTAssertEqual(lowComplexity.codecString, "mp4a.40.2")
        XCTAssertEqual(lowComplexity.samplingFrequency, 44100)
        XCTAssertEqual(lowComplexity.channelConfiguration, 2)
        XCTAssertEqual(lowComplexity.samplesPerFrame, 1024)
        XCTAssertEqual(try MP4AACConfiguration(record: [0x12, 0x14]).samplesPerFrame, 960, "frameLengthFlag")
        // Object type 42 (USAC) through the escape: 11111 001010, then 48 kHz (index 3), 2 channels.
        let escaped = try MP4AACConfiguration(record: [0xF9, 0x46, 0x40])
        XCTAssertEqual(escaped.audioObjectType, 42)
        XCTAssertEqual(escaped.samplingFrequency, 48000)
        XCTAssertEqual(escaped.codecString, "mp4a.40.42")
        // HE-AAC (object type 5) at 24 kHz mono.
        XCTAssertEqual(try MP4AACConfiguration(record: [0x2B, 0x08]).codecString, "mp4a.40.5")
    }

    func testMalformedRecordsAreRejected() {
        XCTAssertThrowsError(try MP4AVCConfiguration(record: [1, 0x42, 0xC0])) // too short
        XCTAssertThrowsError(try MP4AVCConfiguration(record: [0, 0x42, 0xC0, 0x1E, 0xFF, 0xE0, 0]))
        XCTAssertThrowsError(try MP4AVCConfiguration(record: [1, 0x42, 0xC0, 0x1E, 0xFE, 0xE0, 0])) // 3-byte lengths
        XCTAssertThrowsError(try MP4HEVCConfiguration(record: [UInt8](repeating: 1, count: 22)))
        XCTAssertThrowsError(try MP4AACConfiguration(record: [0x12]))
        XCTAssertThrowsError(try MP4AACConfiguration(record: [0x16, 0x90]), "reserved frequency index 13")
        XCTAssertThrowsError(try MP4AACConfiguration(record: [0x00, 0x10]), "object type 0")
    }

    func testTrackErrorsAreAWSArchivedMediaErrors() {
        var vp8 = MP4TestMedia.videoTrack()
        vp8.codecID = "V_VP8"
        XCTAssertThrowsError(try MP4Track(vp8)) { error in
            XCTAssertEqual((error as? MP4PackagingError)?.serviceError.code, "UnsupportedStreamMediaTypeException")
            XCTAssertEqual((error as? MP4PackagingError)?.serviceError.status, 400)
        }
        var bare = MP4TestMedia.videoTrack()
        bare.codecPrivate = nil
        XCTAssertThrowsError(try MP4Track(bare)) { error in
            XCTAssertEqual(error as? MP4PackagingError, .missingCodecPrivateData(trackNumber: 1))
            XCTAssertEqual((error as? MP4PackagingError)?.serviceError.code, "MissingCodecPrivateDataException")
        }
        var broken = MP4TestMedia.audioTrack()
        broken.codecPrivate = [0x16, 0x90]
        XCTAssertThrowsError(try MP4Track(broken)) { error in
            guard case .invalidCodecPrivateData(2, _) = error as? MP4PackagingError else { return XCTFail("\(error)") }
            XCTAssertEqual((error as? MP4PackagingError)?.serviceError.code, "InvalidCodecPrivateDataException")
        }
    }

    func testTrackTakesAudioFormatFromTheConfigurationWhenMatroskaOmitsIt() throws {
        var track = MP4TestMedia.audioTrack()
        track.samplingFrequency = nil
        track.channels = nil
        track.codecPrivate = [0x11, 0x88]  // AAC-LC, 48 kHz, mono
        let described = try MP4Track(track)
        XCTAssertEqual(described.media, .audio(samplingRate: 48000, channels: 1))
        XCTAssertEqual(described.timescale, 48000)
        XCTAssertFalse(described.isVideo)
    }
}
