@testable import TributaryWire
import XCTest

/// Model patterns match as Java matches them, where `\d \w \s` are ASCII classes.
final class JavaPatternTests: XCTestCase {
    func testClassEscapesAreASCII() throws {
        let digits = try XCTUnwrap(JavaPattern(#"\d{3}"#))
        XCTAssertTrue(digits.matches("123"))
        XCTAssertFalse(digits.matches("١٢٣"), "Arabic-Indic digits are not Java's \\d")
        let bucket = try XCTUnwrap(JavaPattern(#"arn:.*:s3:::[\w\.\-]{1,255}"#))
        XCTAssertTrue(bucket.matches("arn:aws:s3:::my_bucket.logs-1"))
        XCTAssertFalse(bucket.matches("arn:aws:s3:::bücket"))
        let noSpace = try XCTUnwrap(JavaPattern(#"^\S+$"#))
        XCTAssertTrue(noSpace.matches("a\u{00A0}b"), "a no-break space is not in Java's \\s")
        XCTAssertFalse(noSpace.matches("a b"))
        XCTAssertFalse(noSpace.matches("ab\n"))
        let negated = try XCTUnwrap(JavaPattern(#"[^\s]+"#))
        XCTAssertTrue(negated.matches("x\u{2003}y"))
        XCTAssertFalse(negated.matches("x\ty"))
    }

    func testOtherEscapesAndQuotesAreKept() throws {
        XCTAssertEqual(JavaPattern.asciiClasses(#"\\d\.\p{L}\Q\d\E\d"#), #"\\d\.\p{L}\Q\d\E[0-9]"#)
        let pattern = try XCTUnwrap(JavaPattern(#"^(?!aws:)[\p{L}\p{Z}\p{N}_.:\/=+\-@%]*$"#))
        XCTAssertEqual(pattern.text, #"^(?!aws:)[\p{L}\p{Z}\p{N}_.:\/=+\-@%]*$"#)
        XCTAssertTrue(pattern.matches("Team Ü 1"))
        XCTAssertFalse(pattern.matches("aws:owner"))
        XCTAssertNil(JavaPattern("[a-"))
    }
}
