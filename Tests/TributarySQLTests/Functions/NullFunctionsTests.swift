import XCTest
@testable import TributarySQL

final class NullFunctionsTests: XCTestCase, ScalarFunctionTesting {
    func testCoalesceReturnsTheFirstNonNullValue() throws {
        XCTAssertEqual(try call("COALESCE", null(.integer), int(2), int(3)), .integer(2))
        XCTAssertEqual(try call("COALESCE", str("a"), str("bb")), .string("a"))
        XCTAssertEqual(try call("COALESCE", null(.integer), null(.integer)), .null)
        XCTAssertEqual(try call("COALESCE", null(), int(4)), .integer(4))
    }

    func testCoalesceConvertsToTheCommonType() throws {
        XCTAssertEqual(try call("COALESCE", null(.integer), int(2), dbl(1.5)), .double(2))
        XCTAssertEqual(try call("COALESCE", int(2), dec("1.25")), .decimal(2))
        XCTAssertEqual(try resolve("COALESCE", [int(1, .smallint), int(2, .bigint)]).resultType, .bigint)
        XCTAssertEqual(try resolve("COALESCE", [int(1), dec("1.25")]).resultType, .decimal(precision: 12, scale: 2))
        XCTAssertEqual(try resolve("COALESCE", [str("a"), str("abcd")]).resultType, .varchar(length: 4))
        XCTAssertEqual(try resolve("COALESCE", [ts(0), null()]).resultType, .timestamp)
        XCTAssertEqual(resolutionError("COALESCE", [.value(.integer), .value(.varchar(length: 2))]),
                       "No match found for function signature COALESCE(<NUMERIC>, <CHARACTER>)")
    }

    func testNullIf() throws {
        XCTAssertEqual(try call("NULLIF", int(3), int(3)), .null)
        XCTAssertEqual(try call("NULLIF", int(3), int(4)), .integer(3))
        XCTAssertEqual(try call("NULLIF", int(3), dec("3.0")), .null)
        XCTAssertEqual(try call("NULLIF", str("ab"), str("ab  ")), .null)
        XCTAssertEqual(try call("NULLIF", null(.integer), int(3)), .null)
        XCTAssertEqual(try call("NULLIF", int(3), null(.integer)), .integer(3))
        XCTAssertEqual(try resolve("NULLIF", [int(3, .smallint), int(4)]).resultType, .smallint)
        XCTAssertNotNil(resolutionError("NULLIF", [.value(.integer), .value(.date)]))
    }
}
