import Crypto
import TributaryStreams
import XCTest

final class ShardIteratorTokenTests: XCTestCase {
    let key = SymmetricKey(size: .bits256)

    func testRoundTrip() throws {
        let token = ShardIteratorToken(streamName: "orders.v2", incarnation: 1_700_000_000_000, shardIndex: 7,
                                       offset: 123_456, issuedAtMs: 1_700_000_100_000)
        let text = token.encoded(key: key)
        XCTAssertLessThanOrEqual(text.count, 512)
        XCTAssertEqual(ShardIteratorToken(decoding: text, key: key), token)
    }

    func testForgedOrForeignIteratorIsRefused() {
        let token = ShardIteratorToken(streamName: "s", incarnation: 1, shardIndex: 0, offset: 0, issuedAtMs: 1)
        let text = token.encoded(key: key)
        XCTAssertNil(ShardIteratorToken(decoding: text, key: SymmetricKey(size: .bits256)))
        var characters = Array(text)
        characters[10] = characters[10] == "A" ? "B" : "A"
        XCTAssertNil(ShardIteratorToken(decoding: String(characters), key: key))
        XCTAssertNil(ShardIteratorToken(decoding: "not an iterator", key: key))
    }
}
