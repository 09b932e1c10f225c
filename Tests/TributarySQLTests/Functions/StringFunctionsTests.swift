import XCTest
@testable import TributarySQL

final class StringFunctionsTests: XCTestCase, ScalarFunctionTesting {
    func testCharLength() throws {
        XCTAssertEqual(try call("CHAR_LENGTH", str("hello")), .integer(5))
        XCTAssertEqual(try call("CHARACTER_LENGTH", str("")), .integer(0))
        XCTAssertEqual(try call("CHAR_LENGTH", str("😀")), .integer(2), "UTF-16 code units, like Java")
        XCTAssertEqual(try call("CHAR_LENGTH", null(.varchar(length: 3))), .null)
        XCTAssertEqual(try resolve("CHAR_LENGTH", [str("x")]).resultType, .integer)
    }

    func testCaseConversion() throws {
        XCTAssertEqual(try call("UPPER", str("Hello World")), .string("HELLO WORLD"))
        XCTAssertEqual(try call("LOWER", str("Hello World")), .string("hello world"))
        XCTAssertEqual(try call("INITCAP", str("Each FIRST lEtTeR is cAPITALIZED")),
                       .string("Each First Letter Is Capitalized"))
        XCTAssertEqual(try call("INITCAP", str("  two  spaces")), .string("  Two  Spaces"))
        XCTAssertEqual(try call("LOWER", null(.varchar(length: 3))), .null)
        let char = typed(.char(length: 4), .string("ab  "))
        XCTAssertEqual(try resolve("UPPER", [char]).resultType, .char(length: 4))
    }

    func testSubstringPositions() throws {
        XCTAssertEqual(try call("SUBSTRING", str("123456789"), int(3), int(4)), .string("3456"))
        XCTAssertEqual(try call("SUBSTRING", str("123456789"), int(17), int(4)), .string(""))
        XCTAssertEqual(try call("SUBSTRING", str("123456789"), int(-1), int(4)), .string("12"))
        XCTAssertEqual(try call("SUBSTRING", str("123456789"), int(6), int(0)), .string(""))
        XCTAssertEqual(try call("SUBSTRING", str("123456789"), int(8), int(4)), .string("89"))
        XCTAssertEqual(try call("SUBSTRING", str("123456789"), int(7)), .string("789"))
        XCTAssertEqual(try call("SUBSTRING", str("123456789"), int(0)), .string("123456789"))
        XCTAssertEqual(try call("SUBSTRING", str("abc"), int(2), int(.max)), .string("bc"))
        XCTAssertEqual(try call("SUBSTRING", str("abc"), null(.integer)), .null)
        XCTAssertEqual(evaluationError("SUBSTRING", str("abc"), int(1), int(-1)),
                       "Substring error: negative substring length not allowed")
        XCTAssertEqual(try resolve("SUBSTRING", [str("abcdef"), int(1)]).resultType, .varchar(length: 6))
    }

    func testSubstringWithRegularExpression() throws {
        XCTAssertEqual(try call("SUBSTRING", str("TECHNOLOGY"), str("L[A-Z]*")), .string("LOGY"))
        XCTAssertEqual(try call("SUBSTRING", str("a1b22c333"), str("[0-9]+")), .string("1"))
        XCTAssertEqual(try call("SUBSTRING", str("abc"), str("[0-9]+")), .null)
        XCTAssertNotNil(evaluationError("SUBSTRING", str("abc"), str("(unclosed")))
    }

    func testTrim() throws {
        XCTAssertEqual(try call("TRIM", kw("BOTH"), str(" "), str("  Trim front and back  ")),
                       .string("Trim front and back"))
        XCTAssertEqual(try call("TRIM", kw("LEADING"), str("x"), str("xxxTrim frontxxx")),
                       .string("Trim frontxxx"))
        XCTAssertEqual(try call("TRIM", kw("TRAILING"), str("x"), str("xxxTrimxBackxxx")),
                       .string("xxxTrimxBack"))
        XCTAssertEqual(try call("TRIM", kw("BOTH"), str("y"), str("xxxNo y to trimxxx")),
                       .string("xxxNo y to trimxxx"))
        XCTAssertEqual(try call("TRIM", kw("BOTH"), str("x"), str("xxxx")), .string(""))
        XCTAssertEqual(try call("TRIM", kw("BOTH"), str(" "), null(.varchar(length: 3))), .null)
        XCTAssertEqual(evaluationError("TRIM", kw("BOTH"), str("xy"), str("xyx")),
                       "Trim error: trim character must be exactly 1 character")
        XCTAssertNotNil(evaluationError("TRIM", kw("BOTH"), typed(.varchar(length: 1), .string("")), str("a")))
        XCTAssertNotNil(resolutionError("TRIM", [.keyword("MIDDLE"), .value(.char(length: 1)),
                                                 .value(.varchar(length: 3))]))
    }

    func testPosition() throws {
        XCTAssertEqual(try call("POSITION", str("findme"), str("1234findmeXXX")), .integer(5))
        XCTAssertEqual(try call("POSITION", str("findme"), str("1234not-hereXXX")), .integer(0))
        XCTAssertEqual(try call("POSITION", str("1"), str("1234567")), .integer(1))
        XCTAssertEqual(try call("POSITION", str("7"), str("1234567")), .integer(7))
        XCTAssertEqual(try call("POSITION", typed(.varchar(length: 1), .string("")),
                                str("1234567")), .integer(1))
        XCTAssertEqual(try call("POSITION", str("ab"), str("abcab"), int(2)), .integer(4))
        XCTAssertEqual(try call("POSITION", str("ab"), str("abcab"), int(9)), .integer(0))
        XCTAssertEqual(try call("POSITION", str("toolong"), str("abc")), .integer(0))
        XCTAssertEqual(try call("POSITION", null(.varchar(length: 1)), str("abc")), .null)
    }

    func testOverlay() throws {
        let cases: [(Int64, Int64?, String)] = [
            (1, nil, "foo45"), (0, nil, "foo345"), (-2, nil, "foo12345"), (4, nil, "123foo"),
            (17, nil, "12345foo"), (2, 0, "1foo2345"), (2, 2, "1foo45"), (2, 9, "1foo"),
        ]
        for (start, length, expected) in cases {
            let result = try length.map { try call("OVERLAY", str("12345"), str("foo"), int(start), int($0)) }
                ?? call("OVERLAY", str("12345"), str("foo"), int(start))
            XCTAssertEqual(result, .string(expected), "FROM \(start) FOR \(String(describing: length))")
        }
        XCTAssertEqual(try call("OVERLAY", str("12345"), null(.varchar(length: 1)), int(1)), .null)
        XCTAssertNotNil(evaluationError("OVERLAY", str("12345"), str("foo"), int(1), int(-1)))
        XCTAssertEqual(try resolve("OVERLAY", [str("12345"), str("foo"), int(1)]).resultType, .varchar(length: 8))
    }

    func testRegexReplace() throws {
        XCTAssertEqual(try call("REGEX_REPLACE", str("TECHNOLOGY"), str("TECHNOLOGY"),
                                str("INFORMATION TECHNOLOGY"), int(1), int(0)),
                       .string("INFORMATION TECHNOLOGY"))
        XCTAssertEqual(try call("REGEX_REPLACE", str("a1b2c3"), str("[0-9]"), str("#"), int(1), int(0)),
                       .string("a#b#c#"))
        XCTAssertEqual(try call("REGEX_REPLACE", str("a1b2c3"), str("[0-9]"), str("#"), int(1), int(2)),
                       .string("a1b#c3"))
        XCTAssertEqual(try call("REGEX_REPLACE", str("a1b2c3"), str("[0-9]"), str("#"), int(3), int(0)),
                       .string("a1b#c#"), "matching starts at startPosition")
        XCTAssertEqual(try call("REGEX_REPLACE", str("a1b2c3"), str("[0-9]"), str("#"), int(7), int(0)),
                       .string("a1b2c3"), "a start past the end returns the original")
        XCTAssertEqual(try call("REGEX_REPLACE", str("John Smith"), str("(\\w+) (\\w+)"), str("$2, $1"),
                                int(1), int(0)), .string("Smith, John"))
        XCTAssertEqual(try call("REGEX_REPLACE", str("cost 5"), str("[0-9]"), str("\\$9"), int(1), int(0)),
                       .string("cost $9"))
        XCTAssertEqual(try call("REGEX_REPLACE", str("x"), str("x"), str("y"), null(.integer), int(0)), .null)
        XCTAssertNotNil(evaluationError("REGEX_REPLACE", str("abc"), str("b"), str("x"), int(0), int(0)))
        XCTAssertNotNil(evaluationError("REGEX_REPLACE", str("abc"), str("b"), str("x"), int(1), int(-1)))
        XCTAssertEqual(evaluationError("REGEX_REPLACE", str("abc"), str("b"), str("$3"), int(1), int(0)),
                       "No group 3")
        XCTAssertEqual(try resolve("REGEX_REPLACE", [str("a"), str("b"), str("c"), int(1), int(0)]).resultType,
                       .varchar(length: 65535))
    }
}
