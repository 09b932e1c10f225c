import XCTest
@testable import TributarySQL

final class SQLValueParsingTests: XCTestCase {
    private func parse(_ text: String, _ type: SQLType) throws -> SQLValue {
        try SQLValue.parse(text, as: type)
    }

    private func assertFails(_ text: String, _ type: SQLType, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try SQLValue.parse(text, as: type), "\(text) as \(type.sqlText)", file: file, line: line)
    }

    func testIntegersAcceptSignsFractionsAndExponents() throws {
        XCTAssertEqual(try parse("42", .integer), .integer(42))
        XCTAssertEqual(try parse(" -7 ", .integer), .integer(-7))
        XCTAssertEqual(try parse("+13", .bigint), .integer(13))
        XCTAssertEqual(try parse("1e3", .integer), .integer(1000))
        XCTAssertEqual(try parse("2.5", .integer), .integer(3))
        XCTAssertEqual(try parse("-2.5", .integer), .integer(-3))
        XCTAssertEqual(try parse("9223372036854775807", .bigint), .integer(Int64.max))
        XCTAssertEqual(try parse("-9223372036854775808", .bigint), .integer(Int64.min))
    }

    func testIntegerRangesAreCheckedPerType() throws {
        XCTAssertEqual(try parse("127", .tinyint), .integer(127))
        XCTAssertEqual(try parse("-128", .tinyint), .integer(-128))
        assertFails("128", .tinyint)
        assertFails("-129", .tinyint)
        assertFails("32768", .smallint)
        assertFails("2147483648", .integer)
        assertFails("9223372036854775808", .bigint)
        assertFails("1e30", .bigint)
        XCTAssertThrowsError(try parse("300", .tinyint)) { error in
            XCTAssertEqual((error as? SQLEvaluationError)?.message, "Value 300 out of range for type TINYINT")
        }
    }

    func testMalformedNumbersFail() {
        for text in ["", "abc", "12abc", "1.2.3", "e5", "1e", "--1", "+", ".", "0x10"] {
            assertFails(text, .integer)
            assertFails(text, .double)
            assertFails(text, .decimal(precision: 10, scale: 2))
        }
    }

    func testDecimalRoundsToScaleAndChecksPrecision() throws {
        XCTAssertEqual(try parse("12.345", .decimal(precision: 8, scale: 2)), .decimal(Decimal(string: "12.35")!))
        XCTAssertEqual(try parse("-12.345", .decimal(precision: 8, scale: 2)), .decimal(Decimal(string: "-12.35")!))
        XCTAssertEqual(try parse("1.5e2", .decimal(precision: 5, scale: 1)), .decimal(150))
        XCTAssertEqual(try parse(".5", .decimal(precision: 3, scale: 1)), .decimal(Decimal(string: "0.5")!))
        assertFails("1000", .decimal(precision: 5, scale: 2))
        XCTAssertEqual(try parse("999.99", .decimal(precision: 5, scale: 2)), .decimal(Decimal(string: "999.99")!))
        assertFails("999.995", .decimal(precision: 5, scale: 2))
    }

    func testApproximateNumbers() throws {
        XCTAssertEqual(try parse("12.5", .double), .double(12.5))
        XCTAssertEqual(try parse("-1.5E-3", .double), .double(-0.0015))
        XCTAssertEqual(try parse("7", .double), .double(7))
        XCTAssertEqual(try parse("0.1", .real), .double(Double(Float(0.1))))
        assertFails("1e39", .real)
        assertFails("1e400", .double)
        guard case .double(let nan) = try parse("NaN", .double) else { return XCTFail("not a double") }
        XCTAssertTrue(nan.isNaN)
        XCTAssertEqual(try parse("-Infinity", .double), .double(-.infinity))
    }

    func testBooleansIgnoreCase() throws {
        XCTAssertEqual(try parse("true", .boolean), .boolean(true))
        XCTAssertEqual(try parse("FALSE", .boolean), .boolean(false))
        XCTAssertEqual(try parse(" True ", .boolean), .boolean(true))
        assertFails("yes", .boolean)
        assertFails("1", .boolean)
    }

    func testDates() throws {
        XCTAssertEqual(try parse("1970-01-01", .date), .date(days: 0))
        XCTAssertEqual(try parse("2008-08-23", .date), .date(days: 14114))
        XCTAssertEqual(try parse("1969-12-31", .date), .date(days: -1))
        XCTAssertEqual(try parse("2000-02-29", .date), .date(days: 11016))
        assertFails("1900-02-29", .date)
        assertFails("2021-13-01", .date)
        assertFails("2021-04-31", .date)
        assertFails("2021-04-01x", .date)
        assertFails("20210401", .date)
    }

    func testTimes() throws {
        XCTAssertEqual(try parse("00:00:00", .time), .time(milliseconds: 0))
        XCTAssertEqual(try parse("13:45:07", .time), .time(milliseconds: 49_507_000))
        XCTAssertEqual(try parse("13:45:07.5", .time), .time(milliseconds: 49_507_500))
        XCTAssertEqual(try parse("13:45:07.123456", .time), .time(milliseconds: 49_507_123))
        XCTAssertEqual(try parse("13:45", .time), .time(milliseconds: 49_500_000))
        assertFails("24:00:00", .time)
        assertFails("12:60:00", .time)
        assertFails("12:00:61", .time)
        assertFails("12:00:00.", .time)
    }

    func testTimestampsAcceptSpaceOrTAndTrailingZ() throws {
        let expected = SQLValue.timestamp(milliseconds: 1_219_494_896_789)
        XCTAssertEqual(try parse("2008-08-23 12:34:56.789", .timestamp), expected)
        XCTAssertEqual(try parse("2008-08-23T12:34:56.789", .timestamp), expected)
        XCTAssertEqual(try parse("2008-08-23T12:34:56.789Z", .timestamp), expected)
        XCTAssertEqual(try parse("2008-08-23 12:34:56", .timestamp), .timestamp(milliseconds: 1_219_494_896_000))
        XCTAssertEqual(try parse("2008-08-23", .timestamp), .timestamp(milliseconds: 1_219_449_600_000))
        XCTAssertEqual(try parse("1969-12-31 23:59:59.999", .timestamp), .timestamp(milliseconds: -1))
        assertFails("2008-08-23  12:34:56", .timestamp)
        assertFails("2008-08-23 12:34:56+01:00", .timestamp)
        assertFails("yesterday", .timestamp)
    }

    func testCharactersAreKeptAsIs() throws {
        XCTAssertEqual(try parse(" padded ", .varchar(length: 3)), .string(" padded "))
        XCTAssertEqual(try parse("", .char(length: 2)), .string(""))
    }

    func testVarbinaryFromHex() throws {
        XCTAssertEqual(try parse("00ff10Ab", .varbinary(length: 8)), .binary([0x00, 0xFF, 0x10, 0xAB]))
        XCTAssertEqual(try parse("", .varbinary(length: 8)), .binary([]))
        assertFails("abc", .varbinary(length: 8))
        assertFails("zz", .varbinary(length: 8))
    }

    func testIntervals() throws {
        XCTAssertEqual(try parse("1 02:03:04.5", .intervalDayTime), .intervalDayTime(milliseconds: 93_784_500))
        XCTAssertEqual(try parse("-00:30", .intervalDayTime), .intervalDayTime(milliseconds: -1_800_000))
        XCTAssertEqual(try parse("+1-02", .intervalYearMonth), .intervalYearMonth(months: 14))
        XCTAssertEqual(try parse("-3", .intervalYearMonth), .intervalYearMonth(months: -36))
        assertFails("1 day", .intervalDayTime)
    }
}
