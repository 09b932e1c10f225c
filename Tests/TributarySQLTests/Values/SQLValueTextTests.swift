import XCTest
@testable import TributarySQL

final class SQLValueTextTests: XCTestCase {
    func testDoublesUseJavaLayout() {
        let cases: [(Double, String)] = [
            (12.5, "12.5"), (100, "100.0"), (0, "0.0"), (-0.0, "-0.0"), (1e10, "1.0E10"), (1e7, "1.0E7"),
            (9_999_999, "9999999.0"), (0.001, "0.001"), (0.0001, "1.0E-4"), (-1.2345e-5, "-1.2345E-5"),
            (123_456_789.125, "1.23456789125E8"), (0.1 + 0.2, "0.30000000000000004"), (1.7976931348623157e308,
            "1.7976931348623157E308"), (.infinity, "Infinity"), (-.infinity, "-Infinity"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(SQLValue.double(value).text, expected, "\(value)")
        }
        XCTAssertEqual(SQLValue.double(.nan).text, "NaN")
    }

    func testRealUsesFloatDigits() {
        XCTAssertEqual(SQLValue.double(Double(Float(0.1))).text(for: .real), "0.1")
        XCTAssertEqual(SQLValue.double(Double(Float(3.4e38))).text(for: .real), "3.4E38")
        XCTAssertEqual(SQLValue.double(Double(Float(0.1))).text, "0.10000000149011612")
    }

    func testScalarTexts() {
        XCTAssertNil(SQLValue.null.text)
        XCTAssertEqual(SQLValue.integer(-42).text, "-42")
        XCTAssertEqual(SQLValue.boolean(true).text, "TRUE")
        XCTAssertEqual(SQLValue.boolean(false).text, "FALSE")
        XCTAssertEqual(SQLValue.string("a b").text, "a b")
        XCTAssertEqual(SQLValue.binary([0x00, 0xAB, 0x0F]).text, "00AB0F")
        XCTAssertEqual(SQLValue.decimal(Decimal(string: "12.5")!).text, "12.5")
        XCTAssertEqual(SQLValue.decimal(Decimal(string: "1e20")!).text, "100000000000000000000")
        XCTAssertEqual(SQLValue.decimal(Decimal(string: "-0.0001")!).text, "-0.0001")
    }

    func testDecimalTextKeepsTheColumnScale() {
        XCTAssertEqual(SQLValue.decimal(Decimal(string: "12.5")!).text(for: .decimal(precision: 8, scale: 2)), "12.50")
        XCTAssertEqual(SQLValue.decimal(12).text(for: .decimal(precision: 8, scale: 3)), "12.000")
        XCTAssertEqual(SQLValue.decimal(Decimal(string: "-0.5")!).text(for: .decimal(precision: 8, scale: 1)), "-0.5")
        XCTAssertEqual(SQLValue.decimal(7).text(for: .decimal(precision: 8, scale: 0)), "7")
    }

    func testDatetimeTexts() {
        XCTAssertEqual(SQLValue.date(days: 14114).text, "2008-08-23")
        XCTAssertEqual(SQLValue.date(days: -1).text, "1969-12-31")
        XCTAssertEqual(SQLValue.time(milliseconds: 49_507_000).text, "13:45:07")
        XCTAssertEqual(SQLValue.time(milliseconds: 49_507_050).text, "13:45:07.050")
        XCTAssertEqual(SQLValue.timestamp(milliseconds: 1_219_494_896_789).text, "2008-08-23 12:34:56.789")
        XCTAssertEqual(SQLValue.timestamp(milliseconds: 0).text, "1970-01-01 00:00:00.000")
        XCTAssertEqual(SQLValue.timestamp(milliseconds: -1).text, "1969-12-31 23:59:59.999")
        XCTAssertEqual(SQLValue.intervalDayTime(milliseconds: 93_784_500).text, "+1 02:03:04.500")
        XCTAssertEqual(SQLValue.intervalDayTime(milliseconds: -1_800_000).text, "-0 00:30:00.000")
        XCTAssertEqual(SQLValue.intervalYearMonth(months: 14).text, "+1-02")
    }

    func testTextParsesBackToTheSameValue() throws {
        let cases: [(SQLValue, SQLType)] = [
            (.integer(-123), .integer), (.integer(Int64.max), .bigint), (.double(12.5), .double),
            (.double(1e10), .double), (.double(-1.2345e-5), .double), (.double(0.1 + 0.2), .double),
            (.double(Double(Float(0.1))), .real), (.boolean(true), .boolean), (.boolean(false), .boolean),
            (.decimal(Decimal(string: "12.34")!), .decimal(precision: 6, scale: 2)), (.date(days: -719_162), .date),
            (.date(days: 2_932_896), .date), (.time(milliseconds: 86_399_999), .time),
            (.timestamp(milliseconds: 1_700_000_000_123), .timestamp),
            (.timestamp(milliseconds: -86_400_001), .timestamp),
            (.binary([1, 2, 254]), .varbinary(length: 3)),
            (.intervalDayTime(milliseconds: -93_784_500), .intervalDayTime),
            (.intervalYearMonth(months: -14), .intervalYearMonth),
        ]
        for (value, type) in cases {
            let text = try XCTUnwrap(value.text(for: type))
            XCTAssertEqual(try SQLValue.parse(text, as: type), value, "\(text) as \(type.sqlText)")
        }
    }
}
