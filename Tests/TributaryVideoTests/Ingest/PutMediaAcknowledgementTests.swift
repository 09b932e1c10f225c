import TributaryVideo
import XCTest

final class PutMediaAcknowledgementTests: XCTestCase {
    func json(_ ack: PutMediaAcknowledgement) -> String { String(decoding: ack.json, as: UTF8.self) }

    func testPersistedCarriesTheTimecodeAndTheNumberAsAString() {
        let number = FragmentNumber(offset: 42)
        XCTAssertEqual(json(.persisted(timecode: 1_663_277_247_152, number: number)),
                       #"{"EventType":"PERSISTED","FragmentTimecode":1663277247152,"FragmentNumber":""#
                       + number.description + #""}"#)
    }

    func testBufferingReceivedAndIdle() {
        XCTAssertEqual(json(.buffering(timecode: 0)), #"{"EventType":"BUFFERING","FragmentTimecode":0}"#)
        XCTAssertEqual(json(.received(timecode: 33)), #"{"EventType":"RECEIVED","FragmentTimecode":33}"#)
        XCTAssertEqual(json(.idle()), #"{"EventType":"IDLE"}"#)
    }

    func testErrorCarriesIdAndCode() {
        let error = PutMediaError(MatroskaError.invalidData(offset: 3, reason: "bad"))
        XCTAssertEqual(json(.error(error, timecode: nil)),
                       #"{"EventType":"ERROR","ErrorId":4006,"ErrorCode":"INVALID_MKV_DATA"}"#)
        XCTAssertEqual(json(.error(.timecodeWentBackwards(producerTimestampMs: 1, previousMs: 2), timecode: 1)),
                       #"{"EventType":"ERROR","FragmentTimecode":1,"ErrorId":4004,"#
                       + #""ErrorCode":"FRAGMENT_TIMECODE_LESSER_THAN_PREVIOUS"}"#)
    }

    func testEveryAWSErrorIdHasItsName() {
        let expected: [(Int, String)] = [
            (4000, "STREAM_READ_ERROR"), (4003, "MAX_CONNECTION_DURATION_REACHED"), (4008, "STREAM_NOT_ACTIVE"),
            (4011, "FRAMES_MISSING_FOR_TRACK"), (4012, "MORE_THAN_ALLOWED_TRACKS_FOUND"),
            (4506, "KMS_KEY_NOT_FOUND"), (4507, "STREAM_DELETED"), (5000, "INTERNAL_ERROR"), (5001, "ARCHIVAL_ERROR"),
        ]
        for (id, name) in expected { XCTAssertEqual(PutMediaError(id: id, message: "m").code, name) }
        XCTAssertEqual(PutMediaError.streamReadError("m").id, 4000)
        XCTAssertEqual(PutMediaError.connectionTooLong("m").id, 4003)
        XCTAssertEqual(PutMediaError.streamNotActive("m").id, 4008)
        XCTAssertEqual(PutMediaError.streamDeleted("m").id, 4507)
        XCTAssertEqual(PutMediaError.internalError("m").id, 5000)
        XCTAssertEqual(PutMediaError.archivalError("m").id, 5001)
        XCTAssertEqual(PutMediaError(MatroskaError.tooManyTracks(count: 4, limit: 3)).code,
                       "MORE_THAN_ALLOWED_TRACKS_FOUND")
        XCTAssertEqual(PutMediaError(id: 4321, message: "m").code, "INTERNAL_ERROR")
    }

    func testStringsAreEscaped() {
        let ack = PutMediaAcknowledgement(eventType: .error, errorId: 5000, errorCode: "A\"B\\C\n\u{1}")
        XCTAssertEqual(json(ack), #"{"EventType":"ERROR","ErrorId":5000,"ErrorCode":"A\"B\\C\n\u0001"}"#)
    }
}
