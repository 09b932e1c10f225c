import TributaryWire
@testable import TributaryVideo
import XCTest

/// The session token carries the whole session, fits AWS's SessionToken pattern, and is refused when edited,
/// cut, made up or expired.
final class StreamingSessionTokenTests: XCTestCase {
    private let session = StreamingTestFragments.session(
        .dash, mode: .onDemand, source: .producerTimestamp, startMs: 1_700_000_000_000, endMs: 1_700_000_060_000,
        displayTimestamp: .always, displayNumber: .always, max: 1_000)

    func testTokenRoundTripsTheSession() throws {
        let decoded = try StreamingSession(token: session.token, nowMs: session.createdMs + 1)
        XCTAssertEqual(decoded, session)
    }

    func testTokenUsesOnlyURLSafeCharactersWithinAWSLengths() {
        let token = session.token
        XCTAssertTrue(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") },
                      token)
        XCTAssertTrue((36...4_096).contains(token.count), "\(token.count)")
    }

    func testEveryEditedCharacterIsRefused() throws {
        let token = Array(session.token)
        for position in stride(from: 0, to: token.count, by: 7) {
            var edited = token
            edited[position] = edited[position] == "A" ? "B" : "A"
            assertInvalid(String(edited))
        }
    }

    func testCutOrMadeUpTokensAreRefused() {
        assertInvalid(String(session.token.dropLast(4)))
        assertInvalid(String(repeating: "A", count: 40))
        assertInvalid("short")
        assertInvalid(session.token + "==")
        assertInvalid(String(repeating: "a", count: 4_097))
    }

    func testValuesOutOfBoundsAreRefusedEvenWithAValidChecksum() {
        var unbounded = session
        unbounded.maxFragmentResults = 0
        assertInvalid(unbounded.token)
        var endless = session
        endless.expiresMs = endless.createdMs + 43_201_000
        assertInvalid(endless.token)
        var liveWithRange = session
        liveWithRange.playbackMode = .live
        assertInvalid(liveWithRange.token)
    }

    func testExpiredTokenIsNotAuthorized() {
        XCTAssertNoThrow(try StreamingSession(token: session.token, nowMs: session.expiresMs - 1))
        XCTAssertThrowsError(try StreamingSession(token: session.token, nowMs: session.expiresMs)) { error in
            let failure = error as? ServiceError
            XCTAssertEqual(failure?.code, "NotAuthorizedException")
            XCTAssertEqual(failure?.status, 403)
        }
    }

    private func assertInvalid(_ token: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try StreamingSession(token: token, nowMs: session.createdMs), file: file, line: line) {
            let failure = $0 as? ServiceError
            XCTAssertEqual(failure?.code, "InvalidArgumentException", file: file, line: line)
            XCTAssertEqual(failure?.status, 400, file: file, line: line)
        }
    }
}
