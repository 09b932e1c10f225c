@testable import TributaryAuth
import XCTest

final class WildcardPatternTests: XCTestCase {
    func testStarMatchesAnyRunAndQuestionMarkExactlyOne() {
        let pattern = WildcardPattern("arn:aws:kinesis:*:*:stream/orders-?", caseInsensitive: false)
        XCTAssertTrue(pattern.matches("arn:aws:kinesis:us-east-1:123456789012:stream/orders-1"))
        XCTAssertTrue(pattern.matches("arn:aws:kinesis::123456789012:stream/orders-x"))
        XCTAssertFalse(pattern.matches("arn:aws:kinesis:us-east-1:123456789012:stream/orders-12"))
        XCTAssertFalse(pattern.matches("arn:aws:kinesis:us-east-1:123456789012:stream/orders-"))
        XCTAssertTrue(WildcardPattern("*", caseInsensitive: false).matches(""))
        XCTAssertTrue(WildcardPattern("a**b", caseInsensitive: false).matches("ab"))
        XCTAssertFalse(WildcardPattern("", caseInsensitive: false).matches("a"))
    }

    func testCaseFoldingOnlyWhenAsked() {
        XCTAssertTrue(WildcardPattern("Kinesis:put*", caseInsensitive: true).matches("kinesis:PutRecords"))
        XCTAssertFalse(WildcardPattern("arn:aws:kinesis:*:*:stream/Orders", caseInsensitive: false)
            .matches("arn:aws:kinesis:r:1:stream/orders"))
    }

    func testQuestionMarkMatchesOneScalarNotOneByte() {
        XCTAssertTrue(WildcardPattern("stream/caf?", caseInsensitive: false).matches("stream/café"))
    }

    func testCompletionsOfAPrefix() {
        let prefix = "arn:aws:kinesisvideo:us-east-1:123456789012:stream/cam/"
        let everyIncarnation = WildcardPattern("arn:aws:kinesisvideo:*:*:stream/cam/*", caseInsensitive: false)
        let oneIncarnation = WildcardPattern("arn:aws:kinesisvideo:*:*:stream/cam/1700000000000",
                                             caseInsensitive: false)
        let otherStream = WildcardPattern("arn:aws:kinesisvideo:*:*:stream/door/*", caseInsensitive: false)
        XCTAssertTrue(everyIncarnation.matchesEveryCompletion(ofPrefix: prefix))
        XCTAssertTrue(everyIncarnation.matchesSomeCompletion(ofPrefix: prefix, completion: .creationTime))
        XCTAssertFalse(oneIncarnation.matchesEveryCompletion(ofPrefix: prefix))
        XCTAssertTrue(oneIncarnation.matchesSomeCompletion(ofPrefix: prefix, completion: .creationTime))
        XCTAssertFalse(otherStream.matchesSomeCompletion(ofPrefix: prefix, completion: .creationTime))
        XCTAssertFalse(otherStream.matchesEveryCompletion(ofPrefix: prefix))
        // A pattern equal to the prefix matches only the empty completion, which no ARN has.
        XCTAssertFalse(WildcardPattern(prefix, caseInsensitive: false)
            .matchesSomeCompletion(ofPrefix: prefix, completion: .creationTime))
        XCTAssertTrue(WildcardPattern("*", caseInsensitive: false).matchesEveryCompletion(ofPrefix: prefix))
    }

    /// A `*` before the prefix's end could swallow it, but a completion must still be a possible one.
    func testSomeCompletionUsesOnlyCharactersTheCompletionAllows() {
        let prefix = "arn:aws:kinesisvideo:us-east-1:123456789012:stream/cam/"
        let otherStream = WildcardPattern("arn:aws:kinesisvideo:*:stream/door/*", caseInsensitive: false)
        XCTAssertFalse(otherStream.matchesSomeCompletion(ofPrefix: prefix, completion: .creationTime))
        XCTAssertTrue(otherStream.matchesSomeCompletion(ofPrefix: prefix, completion: .anything))
        let digitsOnly = WildcardPattern("arn:aws:kinesisvideo:*:*:stream/cam/17??", caseInsensitive: false)
        XCTAssertTrue(digitsOnly.matchesSomeCompletion(ofPrefix: prefix, completion: .creationTime))
        let streamNames = "arn:aws:kinesis:us-east-1:123456789012:stream/"
        let consumers = WildcardPattern("arn:aws:kinesis:*:*:stream/*/consumer/*", caseInsensitive: false)
        XCTAssertFalse(consumers.matchesSomeCompletion(ofPrefix: streamNames, completion: .name))
        XCTAssertTrue(WildcardPattern("arn:aws:kinesis:*:*:stream/orders-*", caseInsensitive: false)
            .matchesSomeCompletion(ofPrefix: streamNames, completion: .name))
    }
}
