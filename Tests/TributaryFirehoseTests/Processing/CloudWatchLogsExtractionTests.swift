@testable import TributaryFirehose
import XCTest

final class CloudWatchLogsExtractionTests: XCTestCase {
    private let message = Array(#"{"messageType":"DATA_MESSAGE","logEvents":[{"id":"1","timestamp":1,"message":"first"},{"id":"2","timestamp":2,"message":"second"}]}"#.utf8)

    func testExtractionYieldsOneRecordPerLogMessage() throws {
        let pieces = try CloudWatchLogsExtraction.messages(of: message, extract: true)
        XCTAssertEqual(pieces, [Array("first\n".utf8), Array("second\n".utf8)])
    }

    func testWithoutExtractionTheRecordStaysWhole() throws {
        XCTAssertEqual(try CloudWatchLogsExtraction.messages(of: message, extract: false), [message])
    }

    func testControlMessagesAreDroppedAndOtherDataFails() throws {
        XCTAssertEqual(try CloudWatchLogsExtraction.messages(of: Array(#"{"messageType":"CONTROL_MESSAGE"}"#.utf8),
                                                             extract: true), [])
        XCTAssertThrowsError(try CloudWatchLogsExtraction.messages(of: Array("not json".utf8), extract: true))
    }
}
