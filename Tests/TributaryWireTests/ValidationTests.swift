import TributaryWire
import XCTest

final class ValidationTests: XCTestCase {
    func testOneFailureUsesAWSWording() {
        var validation = Validation()
        validation.pattern("a b", at: "streamName", pattern: ConstraintPattern("[a-zA-Z0-9_.-]+"))
        XCTAssertThrowsError(try validation.check()) { error in
            XCTAssertEqual(error as? ServiceError, ServiceError(code: "ValidationException", message:
                "1 validation error detected: Value 'a b' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"))
        }
    }

    func testSeveralFailuresAreCountedAndJoined() {
        var validation = Validation()
        _ = validation.required(nil as String?, at: "streamName")
        validation.range(0, at: "shardCount", min: 1, max: nil)
        XCTAssertEqual(validation.message,
                       "2 validation errors detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null; Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1")
    }

    func testLengthEnumAndCountConstraints() {
        var validation = Validation()
        validation.length(String(repeating: "x", count: 129), at: "streamName", min: 1, max: 128)
        validation.oneOf("SIDEWAYS", at: "shardIteratorType", allowed: ["LATEST", "TRIM_HORIZON"])
        validation.count(501, at: "records", min: 1, max: 500, renderedValue: nil)
        XCTAssertTrue(validation.message.hasPrefix("3 validation errors detected: "))
        XCTAssertTrue(validation.message.contains("Member must have length less than or equal to 128"))
        XCTAssertTrue(validation.message.contains("Member must satisfy enum value set: [LATEST, TRIM_HORIZON]"))
        XCTAssertTrue(validation.message.contains("at 'records' failed to satisfy constraint: Member must have length less than or equal to 500"))
    }

    func testPatternsMatchWholeValues() {
        let pattern = ConstraintPattern("0|([1-9]\\d{0,38})")
        XCTAssertTrue(pattern.matches("0"))
        XCTAssertTrue(pattern.matches("123"))
        XCTAssertFalse(pattern.matches("0123"))
        XCTAssertFalse(pattern.matches("12a"))
    }
}
