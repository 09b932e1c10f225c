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

final class ValidationWordingTests: XCTestCase {
    private func thrownMessage(_ validation: Validation) -> String? {
        do {
            try validation.check()
            return nil
        } catch let error as ServiceError {
            XCTAssertEqual(error.code, "ValidationException")
            XCTAssertEqual(error.status, 400)
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    func testMissingRequiredMemberRendersNull() {
        var validation = Validation()
        XCTAssertNil(validation.required(nil as String?, at: "streamName"))
        XCTAssertEqual(thrownMessage(validation),
                       "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null")
    }

    func testTwoFailuresAreJoinedWithASemicolon() {
        var validation = Validation()
        validation.pattern("abc def", at: "streamName", pattern: ConstraintPattern("[a-zA-Z0-9_.-]+"))
        validation.range(100_001, at: "limit", min: 1, max: 100_000)
        XCTAssertEqual(thrownMessage(validation),
                       "2 validation errors detected: Value 'abc def' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '100001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100000")
    }

    func testPassingValuesRecordNothing() throws {
        var validation = Validation()
        XCTAssertEqual(validation.required("s", at: "streamName"), "s")
        validation.length("s", at: "streamName", min: 1, max: 128)
        validation.length("😀😀", at: "partitionKey", min: 1, max: 2)
        validation.range(1, at: "shardCount", min: 1, max: nil)
        validation.pattern("a.b-c_d", at: "streamName", pattern: ConstraintPattern("[a-zA-Z0-9_.-]+"))
        validation.oneOf("LATEST", at: "shardIteratorType", allowed: ["LATEST", "AT_TIMESTAMP"])
        validation.count(500, at: "records", min: 1, max: 500, renderedValue: nil)
        validation.length(nil, at: "absent", min: 1, max: 1)
        XCTAssertTrue(validation.isEmpty)
        XCTAssertNoThrow(try validation.check())
    }

    func testShortValuesAndEmptyListsUseTheLowerBoundWording() {
        var validation = Validation()
        validation.length("", at: "streamName", min: 1, max: 128)
        validation.count(0, at: "records", min: 1, max: 500, renderedValue: "[]")
        XCTAssertEqual(validation.message,
                       "2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1")
    }

    func testFailWithCustomConstraint() {
        var validation = Validation()
        validation.fail(value: "x", at: "tags.1.member.key", constraint: "Member must satisfy something")
        XCTAssertFalse(validation.isEmpty)
        XCTAssertEqual(validation.message,
                       "1 validation error detected: Value 'x' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy something")
    }
}
