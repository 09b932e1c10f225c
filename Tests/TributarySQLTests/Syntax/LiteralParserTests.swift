import XCTest
@testable import TributarySQL

final class LiteralParserTests: XCTestCase {
    private func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SQLValue? {
        do {
            guard case .literal(let value, _) = try SQLParser.parseExpression(text) else {
                XCTFail("\(text) is not a literal", file: file, line: line)
                return nil
            }
            return value
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return nil
        }
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SQLSyntaxError? {
        do {
            _ = try SQLParser.parseExpression(text)
            XCTFail("\(text) parsed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testNumbers() {
        XCTAssertEqual(value("42"), .integer(42))
        XCTAssertEqual(value("1.5"), .decimal(Decimal(string: "1.5")!))
        XCTAssertEqual(value(".25"), .decimal(Decimal(string: "0.25")!))
        XCTAssertEqual(value("1.5E3"), .double(1500))
        XCTAssertEqual(value("2e-1"), .double(0.2))
        XCTAssertEqual(value("9223372036854775807"), .integer(Int64.max))
        XCTAssertEqual(value("9223372036854775808"), .decimal(Decimal(string: "9223372036854775808")!))
        XCTAssertEqual(SyntaxRendering.render(try SQLParser.parseExpression("-7")), "(negate 7)")
    }

    func testStringsBooleansAndNull() {
        XCTAssertEqual(value("'it''s'"), .string("it's"))
        XCTAssertEqual(value("''"), .string(""))
        XCTAssertEqual(value("'a -- not a comment'"), .string("a -- not a comment"))
        XCTAssertEqual(value("TRUE"), .boolean(true))
        XCTAssertEqual(value("false"), .boolean(false))
        XCTAssertEqual(value("NULL"), .null)
        XCTAssertEqual(value("UNKNOWN"), .null)
    }

    func testBinaryStrings() {
        XCTAssertEqual(value("X'0aFF'"), .binary([0x0A, 0xFF]))
        XCTAssertEqual(value("x''"), .binary([]))
        XCTAssertEqual(error("X'0A1'")?.message,
                       "Binary literal string must contain an even number of hexits at line 1, column 1")
        XCTAssertEqual(error("X'zz'")?.position, SourcePosition(line: 1, column: 1))
    }

    func testDatesTimesAndTimestamps() {
        XCTAssertEqual(value("DATE '2024-01-02'"), .date(days: 19724))
        XCTAssertEqual(value("DATE '1970-01-01'"), .date(days: 0))
        XCTAssertEqual(value("DATE '1969-12-31'"), .date(days: -1))
        XCTAssertEqual(value("date '2000-02-29'"), .date(days: 11016))
        XCTAssertEqual(value("TIME '12:34:56.789'"), .time(milliseconds: 45_296_789))
        XCTAssertEqual(value("TIME '00:00:01'"), .time(milliseconds: 1000))
        XCTAssertEqual(value("TIME '00:00:00.5'"), .time(milliseconds: 500))
        XCTAssertEqual(value("TIMESTAMP '2024-01-02 03:04:05.678'"), .timestamp(milliseconds: 1_704_164_645_678))
        XCTAssertEqual(value("TIMESTAMP '2024-01-02 03:04:05.678999'"),
                       .timestamp(milliseconds: 1_704_164_645_678))
        XCTAssertEqual(value("TIMESTAMP '1970-01-01 00:00:00'"), .timestamp(milliseconds: 0))
        XCTAssertEqual(error("DATE '2023-02-29'")?.message,
                       "Illegal DATE literal '2023-02-29': not in format 'yyyy-MM-dd' at line 1, column 6")
        XCTAssertEqual(error("TIME '24:00:00'")?.message,
                       "Illegal TIME literal '24:00:00': not in format 'HH:mm:ss' at line 1, column 6")
        XCTAssertNotNil(error("TIMESTAMP '2024-01-02'"))
        XCTAssertNotNil(error("TIMESTAMP '2024-01-02 3:04'"))
    }

    func testDayTimeIntervals() {
        XCTAssertEqual(value("INTERVAL '10' SECOND"), .intervalDayTime(milliseconds: 10_000))
        XCTAssertEqual(value("INTERVAL '1:30' MINUTE TO SECOND"), .intervalDayTime(milliseconds: 90_000))
        XCTAssertEqual(value("INTERVAL '2' DAY"), .intervalDayTime(milliseconds: 172_800_000))
        XCTAssertEqual(value("INTERVAL '3' HOUR"), .intervalDayTime(milliseconds: 10_800_000))
        XCTAssertEqual(value("INTERVAL '1' MINUTE"), .intervalDayTime(milliseconds: 60_000))
        XCTAssertEqual(value("INTERVAL '1.25' SECOND"), .intervalDayTime(milliseconds: 1_250))
        XCTAssertEqual(value("INTERVAL '1 02:03:04.5' DAY TO SECOND"), .intervalDayTime(milliseconds: 93_784_500))
        XCTAssertEqual(value("INTERVAL '1 02' DAY TO HOUR"), .intervalDayTime(milliseconds: 93_600_000))
        XCTAssertEqual(value("INTERVAL '2:15' HOUR TO MINUTE"), .intervalDayTime(milliseconds: 8_100_000))
        XCTAssertEqual(value("INTERVAL '300' SECOND"), .intervalDayTime(milliseconds: 300_000))
        XCTAssertEqual(value("INTERVAL '100' DAY(3)"), .intervalDayTime(milliseconds: 8_640_000_000))
        XCTAssertEqual(value("INTERVAL -'5' MINUTE"), .intervalDayTime(milliseconds: -300_000))
        XCTAssertEqual(value("INTERVAL '-5' MINUTE"), .intervalDayTime(milliseconds: -300_000))
        XCTAssertEqual(value("interval '5' minute"), .intervalDayTime(milliseconds: 300_000))
    }

    func testYearMonthIntervals() {
        XCTAssertEqual(value("INTERVAL '1-6' YEAR TO MONTH"), .intervalYearMonth(months: 18))
        XCTAssertEqual(value("INTERVAL '2' YEAR"), .intervalYearMonth(months: 24))
        XCTAssertEqual(value("INTERVAL '7' MONTH"), .intervalYearMonth(months: 7))
    }

    func testIllegalIntervals() {
        XCTAssertEqual(error("INTERVAL '1:70' MINUTE TO SECOND")?.message,
                       "Illegal interval literal format '1:70' for INTERVAL MINUTE TO SECOND at line 1, column 10")
        XCTAssertNotNil(error("INTERVAL '1:30' MINUTE"))
        XCTAssertNotNil(error("INTERVAL '1-12' YEAR TO MONTH"))
        XCTAssertNotNil(error("INTERVAL 'abc' SECOND"))
        XCTAssertEqual(error("INTERVAL '1' SECOND TO MINUTE")?.position, SourcePosition(line: 1, column: 21))
        XCTAssertNotNil(error("INTERVAL '1' YEAR TO DAY"))
        XCTAssertEqual(error("INTERVAL '1' WEEK")?.message,
                       "Encountered \"WEEK\" at line 1, column 14. Was expecting one of: \"YEAR\", \"MONTH\", "
                       + "\"DAY\", \"HOUR\", \"MINUTE\", \"SECOND\"")
        XCTAssertNotNil(error("INTERVAL 10 SECOND"))
    }
}
