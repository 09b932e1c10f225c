import TributaryWire
@testable import TributaryVideo
import XCTest

/// The playback resources' query parameters and their AWS errors.
final class StreamingResourceRequestTests: XCTestCase {
    private let session = StreamingTestFragments.session(mode: .live)
    private let number = FragmentNumber(offset: 4_096)

    private func assertError(_ code: String, status: Int, _ query: [String: String], fragment: Bool,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try StreamingResourceRequest(query: query, requiresFragmentNumber: fragment),
                             file: file, line: line) {
            XCTAssertEqual(($0 as? ServiceError)?.code, code, file: file, line: line)
            XCTAssertEqual(($0 as? ServiceError)?.status, status, file: file, line: line)
        }
    }

    func testMediaFragmentRequestReadsEveryParameter() throws {
        let request = try StreamingResourceRequest(
            query: ["SessionToken": session.token, "FragmentNumber": number.description, "TrackNumber": "2"],
            requiresFragmentNumber: true)
        XCTAssertEqual(request.fragmentNumber, number)
        XCTAssertEqual(request.trackNumber, 2)
        XCTAssertEqual(try request.session(of: .hls, nowMs: session.createdMs), session)
    }

    func testMediaFragmentMayBeNamedByOrdinal() throws {
        let request = try StreamingResourceRequest(
            query: ["SessionToken": session.token, "FragmentOrdinal": "17", "TrackNumber": "1"],
            requiresFragmentNumber: true)
        XCTAssertEqual(request.fragmentOrdinal, 17)
        XCTAssertNil(request.fragmentNumber)
        assertError("InvalidArgumentException", status: 400,
                    ["SessionToken": session.token, "FragmentOrdinal": "-3"], fragment: true)
    }

    func testPlaylistRequestNeedsOnlyTheToken() throws {
        let request = try StreamingResourceRequest(query: ["SessionToken": session.token],
                                                   requiresFragmentNumber: false)
        XCTAssertNil(request.fragmentNumber)
        XCTAssertNil(request.trackNumber)
    }

    func testMissingOrMalformedParametersAreInvalidArguments() {
        assertError("InvalidArgumentException", status: 400, [:], fragment: false)
        assertError("InvalidArgumentException", status: 400, ["SessionToken": ""], fragment: false)
        assertError("InvalidArgumentException", status: 400, ["SessionToken": session.token], fragment: true)
        assertError("InvalidArgumentException", status: 400,
                    ["SessionToken": session.token, "FragmentNumber": "12a"], fragment: true)
        assertError("InvalidArgumentException", status: 400,
                    ["SessionToken": session.token, "FragmentNumber": number.description], fragment: false)
        for track in ["0", "-1", "+1", "one", ""] {
            assertError("InvalidArgumentException", status: 400,
                        ["SessionToken": session.token, "TrackNumber": track], fragment: false)
        }
    }

    func testWellFormedButUnknownFragmentNumberIsNotFound() {
        assertError("ResourceNotFoundException", status: 404,
                    ["SessionToken": session.token, "FragmentNumber": "12345"], fragment: true)
    }

    func testTokenOfTheOtherProtocolIsRefused() throws {
        let request = try StreamingResourceRequest(query: ["SessionToken": session.token],
                                                   requiresFragmentNumber: false)
        XCTAssertThrowsError(try request.session(of: .dash, nowMs: session.createdMs)) {
            XCTAssertEqual(($0 as? ServiceError)?.code, "InvalidArgumentException")
        }
    }
}
