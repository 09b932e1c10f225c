import XCTest
@testable import TributarySQL

final class SQLValueComparisonTests: XCTestCase {
    func testNullComparesToNothing() {
        XCTAssertNil(SQLValue.null.compare(.integer(1)))
        XCTAssertNil(SQLValue.integer(1).compare(.null))
        XCTAssertNil(SQLValue.null.compare(.null))
    }

    func testNumbersCompareAcrossRepresentations() {
        XCTAssertEqual(SQLValue.integer(1).compare(.decimal(1)), 0)
        XCTAssertEqual(SQLValue.integer(1).compare(.double(1.5)), -1)
        XCTAssertEqual(SQLValue.double(1.5).compare(.integer(1)), 1)
        XCTAssertEqual(SQLValue.decimal(Decimal(string: "2.5")!).compare(.double(2.5)), 0)
        XCTAssertEqual(SQLValue.integer(Int64.max).compare(.double(9.223372036854775807e18)), -1)
        XCTAssertEqual(SQLValue.integer(9_007_199_254_740_993).compare(.double(9_007_199_254_740_992)), 1)
        XCTAssertEqual(SQLValue.integer(-3).compare(.double(-2.5)), -1)
        XCTAssertEqual(SQLValue.double(.nan).compare(.double(1e308)), 1)
        XCTAssertEqual(SQLValue.double(.nan).compare(.double(.nan)), 0)
        XCTAssertEqual(SQLValue.integer(5).compare(.double(.nan)), -1)
    }

    func testStringsCompareByCodePoints() {
        XCTAssertEqual(SQLValue.string("abc").compare(.string("abd")), -1)
        XCTAssertEqual(SQLValue.string("ab").compare(.string("abc")), -1)
        XCTAssertEqual(SQLValue.string("B").compare(.string("a")), -1)
        XCTAssertEqual(SQLValue.string("abc ").compare(.string("abc")), 1)
        XCTAssertEqual(SQLValue.string("é").compare(.string("z")), 1)
        // Precomposed and decomposed forms are different code points.
        XCTAssertNotEqual(SQLValue.string("\u{E9}").compare(.string("e\u{301}")), 0)
    }

    func testOtherKinds() {
        XCTAssertEqual(SQLValue.boolean(false).compare(.boolean(true)), -1)
        XCTAssertEqual(SQLValue.date(days: 1).compare(.timestamp(milliseconds: 86_400_000)), 0)
        XCTAssertEqual(SQLValue.timestamp(milliseconds: 5).compare(.timestamp(milliseconds: 4)), 1)
        XCTAssertEqual(SQLValue.binary([1, 2]).compare(.binary([1, 3])), -1)
        XCTAssertNil(SQLValue.string("1").compare(.integer(1)))
    }

    func testOrderingCompareIsTotal() {
        let values: [SQLValue] = [.integer(3), .null, .double(1.5), .string("x"), .integer(-1)]
        let nullsFirst = values.sorted { $0.orderingCompare($1, nullsFirst: true) < 0 }
        XCTAssertEqual(nullsFirst, [.null, .integer(-1), .double(1.5), .integer(3), .string("x")])
        let nullsLast = values.sorted { $0.orderingCompare($1, nullsFirst: false) < 0 }
        XCTAssertEqual(nullsLast.last, .null)
    }
}
