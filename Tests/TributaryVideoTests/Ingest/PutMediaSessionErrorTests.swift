import TributaryVideo
import XCTest

final class PutMediaSessionErrorTests: XCTestCase {
    typealias W = EBMLTestWriter
    typealias H = PutMediaHarness

    static let chunkSizes = [1, 3, 17, 200, Int.max]

    /// Document whose body is `body`, in an unknown-size Segment.
    func upload(_ body: [UInt8]) -> [UInt8] { W.header() + W.unknownSizeElement(0x1853_8067, body) }

    var head: [UInt8] { W.info() + W.tracks(W.videoTrack(), W.audioTrack()) }

    func cluster(_ timecode: UInt64) -> [UInt8] { W.element(0x1F43_B675, W.clusterPayload(timecode: timecode)) }

    /// Checks that the steps end with one ERROR of `id`, after storing exactly the fragments at `stored`.
    func assertFails(_ steps: [PutMediaStep], id: Int, code: String, timecode: Int64?, stored: [Int64],
                     file: StaticString = #filePath, line: UInt = #line) {
        guard case .fail(let ack)? = steps.last else {
            return XCTFail("no ERROR at the end: \(steps.suffix(2))", file: file, line: line)
        }
        XCTAssertEqual(ack.eventType, .error, file: file, line: line)
        XCTAssertEqual(ack.errorId, id, file: file, line: line)
        XCTAssertEqual(ack.errorCode, code, file: file, line: line)
        XCTAssertEqual(ack.fragmentTimecode, timecode, file: file, line: line)
        XCTAssertEqual(steps.filter { if case .fail = $0 { true } else { false } }.count, 1, file: file, line: line)
        XCTAssertEqual(H.storedTimecodes(steps), stored, file: file, line: line)
    }

    func testTimecodeGoingBackwardsIs4004() {
        for chunk in Self.chunkSizes {
            let steps = H.steps(upload(head + cluster(100) + cluster(50) + cluster(200)), chunk: chunk)
            assertFails(steps, id: 4004, code: "FRAGMENT_TIMECODE_LESSER_THAN_PREVIOUS", timecode: 50, stored: [100])
        }
    }

    func testEqualTimecodesAreAccepted() {
        let steps = H.steps(upload(head + cluster(100) + cluster(100)))
        XCTAssertNil(H.failure(steps))
        XCTAssertEqual(H.storedTimecodes(steps), [100, 100])
    }

    func testFragmentLongerThanTheLimitIs4002() {
        // Each cluster lasts 99 ms (frames at 0, 33, 66 plus one spacing).
        let limits = PutMediaLimits(maximumFragmentDurationMs: 98)
        for chunk in Self.chunkSizes {
            let steps = H.steps(upload(head + cluster(0)), chunk: chunk, limits: limits)
            assertFails(steps, id: 4002, code: "MAX_FRAGMENT_DURATION_REACHED", timecode: 0, stored: [])
        }
        let exact = PutMediaLimits(maximumFragmentDurationMs: 99)
        XCTAssertNil(H.failure(H.steps(upload(head + cluster(0)), limits: exact)))
    }

    func testFragmentLargerThanTheLimitIs4001() {
        let size = cluster(0).count
        let limits = PutMediaLimits(matroska: MatroskaLimits(maximumClusterSize: size))
        for chunk in Self.chunkSizes {
            let big = W.element(0x1F43_B675, W.clusterPayload(timecode: 100, frames: 6))
            let steps = H.steps(upload(head + cluster(0) + big), chunk: chunk, limits: limits)
            assertFails(steps, id: 4001, code: "MAX_FRAGMENT_SIZE_REACHED", timecode: nil, stored: [0])
        }
    }

    func testGarbageAfterAFragmentIs4006AndTheFragmentIsStored() {
        for chunk in Self.chunkSizes {
            let steps = H.steps(upload(head + cluster(0) + [0x00, 0x01, 0x02]), chunk: chunk)
            assertFails(steps, id: 4006, code: "INVALID_MKV_DATA", timecode: nil, stored: [0])
        }
    }

    func testUploadEndingInsideAClusterIs4006() {
        let whole = upload(head + cluster(0) + cluster(100))
        for chunk in Self.chunkSizes {
            let steps = H.steps(Array(whole.dropLast(3)), chunk: chunk)
            assertFails(steps, id: 4006, code: "INVALID_MKV_DATA", timecode: 100, stored: [0])
            XCTAssertEqual(H.acknowledgements(steps).last, .buffering(timecode: 100))
        }
    }

    func testCleanEndGivesNoFurtherStep() {
        var session = PutMediaSession(timecodeType: .absolute, producerStartTimestampMs: nil, now: { 0 })
        let steps = session.feed(W.document(clusters: [0], unknownSizes: false))
        XCTAssertEqual(H.storedTimecodes(steps), [0])
        XCTAssertEqual(session.finish(), [])
        XCTAssertTrue(session.isOver)
        XCTAssertEqual(session.feed(W.document(clusters: [5], unknownSizes: false)), [])
    }

    func testFrameForAnUndeclaredTrackIs4010() {
        let bad = W.element(0x1F43_B675, W.uint(0xE7, 100) + W.simpleBlock(track: 3, timecode: 0, keyframe: true, [1]))
        for chunk in Self.chunkSizes {
            let steps = H.steps(upload(head + cluster(0) + bad), chunk: chunk)
            assertFails(steps, id: 4010, code: "TRACK_NUMBER_MISMATCH", timecode: 100, stored: [0])
        }
    }

    func testMoreThanThreeTracksIs4012() {
        let tracks = W.tracks(W.videoTrack(1), W.audioTrack(2), W.audioTrack(3), W.audioTrack(4))
        let steps = H.steps(upload(W.info() + tracks + cluster(0)), chunk: 5)
        assertFails(steps, id: 4012, code: "MORE_THAN_ALLOWED_TRACKS_FOUND", timecode: nil, stored: [])
    }

    func testNegativeRelativeTimestampIs4007() {
        let steps = H.steps(upload(head + cluster(0)), type: .relative, start: -1_000)
        assertFails(steps, id: 4007, code: "INVALID_PRODUCER_TIMESTAMP", timecode: 0, stored: [])
    }

    func testTooMuchFragmentMetadataIs4009() {
        let limits = PutMediaLimits()
        let elevenTags = W.tags((0..<11).map { ("name\($0)", "value") })
        let tenTags = W.tags((0..<10).map { ("name\($0)", "value") })
        let longValue = W.tags([("name", String(repeating: "v", count: 257))])
        let longName = W.tags([(String(repeating: "n", count: 129), "value")])
        for chunk in Self.chunkSizes {
            XCTAssertNil(H.failure(H.steps(upload(head + tenTags + cluster(0)), chunk: chunk, limits: limits)))
            for metadata in [elevenTags, longValue, longName] {
                let steps = H.steps(upload(head + cluster(0) + metadata + cluster(100)), chunk: chunk, limits: limits)
                assertFails(steps, id: 4009, code: "FRAGMENT_METADATA_LIMIT_REACHED", timecode: nil, stored: [0])
            }
        }
    }
}
