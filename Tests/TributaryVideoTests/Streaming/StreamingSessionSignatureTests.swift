@testable import TributaryVideo
import XCTest

/// Session tokens are signed with the server's key: a signed session verifies, and any edit, an unsigned token or
/// another server's key does not.
final class StreamingSessionSignatureTests: XCTestCase {
    private let key = SessionSigningKey(bytes: Array(repeating: 7, count: 32))

    func testSignedSessionVerifiesAfterATokenRoundTrip() throws {
        let session = StreamingTestFragments.session(mode: .live).signed(with: key)
        let decoded = try StreamingSession(token: session.token, nowMs: session.createdMs)
        XCTAssertTrue(decoded.hasValidSignature(key))
    }

    func testEditsUnsignedTokensAndOtherKeysAreRefused() {
        let session = StreamingTestFragments.session(mode: .live).signed(with: key)
        var edited = session
        edited.storageKey = "other.1"
        XCTAssertFalse(edited.hasValidSignature(key))
        XCTAssertFalse(StreamingTestFragments.session(mode: .live).hasValidSignature(key))
        XCTAssertFalse(session.hasValidSignature(SessionSigningKey(bytes: Array(repeating: 8, count: 32))))
    }
}
