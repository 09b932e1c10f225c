import XCTest
@testable import TributaryFirehose

/// The patterns Java's DateTimeFormatter refuses, which Firehose refuses at CreateDeliveryStream.
final class TimestampPatternRejectionTests: XCTestCase {
    private func reason(_ pattern: String) -> String? {
        do {
            _ = try TimestampPattern(parsing: pattern)
            return nil
        } catch {
            return error.reason
        }
    }

    /// AWS, probed with each ASCII letter alone, refuses exactly these; every other letter is accepted.
    func testSingleLetterPatternsAreAcceptedExactlyAsFirehoseAcceptsThem() {
        let refused = Set("CIJPRTUVbfijloprt")
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" {
            XCTAssertEqual(reason(String(letter)) != nil, refused.contains(letter), "letter \(letter)")
        }
    }

    func testUnknownLetterIsNamed() {
        XCTAssertEqual(reason("yyyy-T"), "Unknown pattern letter: T")
    }

    func testTooManyLettersAreRefused() {
        XCTAssertEqual(reason("ddd"), "Too many pattern letters: d")
        XCTAssertEqual(reason("HHH"), "Too many pattern letters: H")
        XCTAssertEqual(reason("aa"), "Too many pattern letters: a")
        XCTAssertEqual(reason("MMMMMM"), "Too many pattern letters: M")
        XCTAssertEqual(reason("DDDD"), "Too many pattern letters: D")
        XCTAssertEqual(reason("cc"), "Invalid pattern \"cc\"")
        XCTAssertEqual(reason("SSSSSSSSSS"), "Minimum width must be from 0 to 9 inclusive but was 10")
        XCTAssertEqual(reason(String(repeating: "y", count: 20)),
                       "The minimum width must be from 1 to 19 inclusive but was 20")
        XCTAssertEqual(reason("V"), "Pattern letter count must be 2: V")
        XCTAssertEqual(reason("OO"), "Pattern letter count must be 1 or 4: O")
    }

    func testUnterminatedQuoteIsRefused() {
        XCTAssertEqual(reason("yyyy'"), "Pattern ends with an incomplete string literal: yyyy'")
        XCTAssertEqual(reason("'abc"), "Pattern ends with an incomplete string literal: 'abc")
    }

    func testReservedCharactersAndUnbalancedBracketAreRefused() {
        XCTAssertEqual(reason("yyyy#"), "Pattern includes reserved character: '#'")
        XCTAssertEqual(reason("yyyy]"), "Pattern invalid as it contains ] without previous [")
        XCTAssertNil(reason("[yyyy"), "an unclosed optional section ends at the end, as in Java")
    }

    func testPadLetterNeedsAFollowingField() {
        XCTAssertEqual(reason("pp"), "Pad letter 'p' must be followed by valid pad pattern: pp")
        XCTAssertEqual(reason("p/"), "Pad letter 'p' must be followed by valid pad pattern: p/")
    }

    func testEmptyPatternPrintsNothing() throws {
        XCTAssertEqual(try TimestampPattern(parsing: "").format(CivilTime(NamingFixtures.august27, timeZone: nil)), "")
    }
}
