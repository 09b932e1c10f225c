import XCTest
@testable import TributarySQL

final class DateTimeConversionFunctionsTests: XCTestCase, ScalarFunctionTesting {
    func parse(_ format: String, _ text: String) throws -> SQLValue {
        try call("CHAR_TO_TIMESTAMP", str(format), str(text))
    }

    func format(_ format: String, _ milliseconds: Int64) throws -> SQLValue {
        try call("TIMESTAMP_TO_CHAR", str(format), ts(milliseconds))
    }

    func testCharToTimestampTemplatesOfTheReference() throws {
        XCTAssertEqual(try parse("yyyy-MM-dd hh:mm:ss", "2009-09-16 03:15:24"),
                       .timestamp(milliseconds: millis(2009, 9, 16, 3, 15, 24)))
        XCTAssertEqual(try parse("yyyy-mm", "2011-02-08 07:23:19"),
                       .timestamp(milliseconds: millis(2011, 1, 1, 0, 2)))
        XCTAssertEqual(try parse("MMM dd, yyyy", "March 7, 2010"), .timestamp(milliseconds: millis(2010, 3, 7)))
        XCTAssertEqual(try parse("MMM dd,", "March 7, 2010"), .timestamp(milliseconds: millis(1970, 3, 7)))
        XCTAssertEqual(try parse("MMM dd,y", "March 7, 2010"), .timestamp(milliseconds: millis(2010, 3, 7)))
        XCTAssertEqual(try parse("MMM dd,y", "March 7, 10"), .timestamp(milliseconds: millis(10, 3, 7)))
        XCTAssertEqual(try parse("M-d", "2-8"), .timestamp(milliseconds: millis(1970, 2, 8)))
        XCTAssertEqual(try parse("M-d", "2-8-2011"), .timestamp(milliseconds: millis(1970, 2, 8)))
        XCTAssertNotNil(evaluationError("CHAR_TO_TIMESTAMP", str("M-d"), str("2011-2-8")))
        XCTAssertEqual(try parse("MM-dd-yyyy", "06-23-2011 10:11:12"), .timestamp(milliseconds: millis(2011, 6, 23)))
        XCTAssertEqual(try parse("dd-MM-yy hh:mm:ss", "23-06-11 10:11:12"),
                       .timestamp(milliseconds: millis(2011, 6, 23, 10, 11, 12)))
        XCTAssertNotNil(evaluationError("CHAR_TO_TIMESTAMP", str("MMM dd yyyy"), str("March 7, 2010")))
    }

    func testCharToTimestampFieldsAndErrors() throws {
        XCTAssertEqual(try parse("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "2017-03-01T14:05:06.789+0200"),
                       .timestamp(milliseconds: millis(2017, 3, 1, 12, 5, 6, 789)))
        XCTAssertEqual(try parse("yyyy-MM-dd HH:mm:ss XXX", "2017-03-01 14:05:06 -05:30"),
                       .timestamp(milliseconds: millis(2017, 3, 1, 19, 35, 6)))
        XCTAssertEqual(try parse("dd/MMM/yyyy:HH:mm:ss Z", "10/Oct/2000:13:55:36 -0700"),
                       .timestamp(milliseconds: millis(2000, 10, 10, 20, 55, 36)))
        XCTAssertEqual(try parse("h:mm a, EEE d MMM yyyy", "1:05 PM, Wed 4 Jul 2001"),
                       .timestamp(milliseconds: millis(2001, 7, 4, 13, 5)))
        XCTAssertEqual(try parse("h:mm a", "12:30 AM"), .timestamp(milliseconds: millis(1970, 1, 1, 0, 30)))
        XCTAssertEqual(try parse("yyyyMMddHHmmss", "20170301140506"),
                       .timestamp(milliseconds: millis(2017, 3, 1, 14, 5, 6)))
        XCTAssertEqual(try parse("yyyy D", "2004 274"), .timestamp(milliseconds: millis(2004, 9, 30)))
        XCTAssertEqual(try parse("yyyy-MM-dd z", "2004-09-30 UTC"), .timestamp(milliseconds: millis(2004, 9, 30)))
        XCTAssertNotNil(evaluationError("CHAR_TO_TIMESTAMP", str("yyyy-MM-dd"), str("2004-13-01")))
        XCTAssertNotNil(evaluationError("CHAR_TO_TIMESTAMP", str("yyyy-MM-dd"), str("2003-02-29")))
        XCTAssertNotNil(evaluationError("CHAR_TO_TIMESTAMP", str("HH:mm"), str("24:00")))
        XCTAssertNotNil(evaluationError("CHAR_TO_TIMESTAMP", str("yyyy-MM-dd"), str("not a date")))
        XCTAssertNotNil(evaluationError("CHAR_TO_TIMESTAMP", str("yyyy-qq"), str("2004-01")))
        XCTAssertEqual(try call("CHAR_TO_TIMESTAMP", str("yyyy"), null(.varchar(length: 4))), .null)
    }

    func testTwoDigitYearsFollowTheCenturyWindow() throws {
        // now is 2023-11-14: two-digit years fall in 1943…2042.
        XCTAssertEqual(try parse("yy-MM-dd", "42-01-01"), .timestamp(milliseconds: millis(2042, 1, 1)))
        XCTAssertEqual(try parse("yy-MM-dd", "44-01-01"), .timestamp(milliseconds: millis(1944, 1, 1)))
        XCTAssertEqual(try parse("yy-MM-dd", "2004-01-01"), .timestamp(milliseconds: millis(2004, 1, 1)))
    }

    func testCharToDateAndTime() throws {
        XCTAssertEqual(try call("CHAR_TO_DATE", str("yyyy-MM-dd"), str("2004-09-30")),
                       .date(days: days(2004, 9, 30)))
        XCTAssertEqual(try call("CHAR_TO_DATE", str("yyyy-MM-dd HH"), str("1969-12-31 23")),
                       .date(days: -1))
        XCTAssertEqual(try call("CHAR_TO_TIME", str("HH:mm:ss"), str("13:48:23")), .time(milliseconds: 49_703_000))
        XCTAssertEqual(try resolve("CHAR_TO_DATE", [str("a"), str("b")]).resultType, .date)
        XCTAssertEqual(try resolve("CHAR_TO_TIME", [str("a"), str("b")]).resultType, .time)
    }

    func testTimestampToChar() throws {
        let instant = millis(2004, 9, 30, 13, 48, 23, 7)
        XCTAssertEqual(try format("yyyy-MM-dd HH:mm:ss.SSS", instant), .string("2004-09-30 13:48:23.007"))
        XCTAssertEqual(try format("yy/M/d h:m:s a", instant), .string("04/9/30 1:48:23 PM"))
        XCTAssertEqual(try format("EEE, d MMM yyyy", instant), .string("Thu, 30 Sep 2004"))
        XCTAssertEqual(try format("EEEE MMMM", instant), .string("Thursday September"))
        XCTAssertEqual(try format("'Day' D 'of' yyyy, '''quoted''' z Z X", instant),
                       .string("Day 274 of 2004, 'quoted' UTC +0000 Z"))
        XCTAssertEqual(try format("yyyy-MM-dd'T'HH:mm:ss''", instant), .string("2004-09-30T13:48:23'"))
        XCTAssertEqual(try format("G u F w W k K", instant), .string("AD 4 5 40 5 13 1"))
        XCTAssertEqual(try format("hh a kk", millis(2004, 9, 30, 0, 5)), .string("12 AM 24"))
        XCTAssertEqual(try format("Y-w", millis(2020, 12, 31)), .string("2021-1"))
        XCTAssertEqual(try format("S SSSS", instant), .string("7 0007"))
        XCTAssertEqual(try call("TIMESTAMP_TO_CHAR", str("yyyy"), null(.timestamp)), .string("null"))
        XCTAssertEqual(try call("TIMESTAMP_TO_CHAR", null(.varchar(length: 4)), ts(0)), .null)
        XCTAssertEqual(evaluationError("TIMESTAMP_TO_CHAR", str("yyyy-qq"), ts(0)),
                       "Illegal pattern character 'q' in date format 'yyyy-qq'")
        XCTAssertNotNil(evaluationError("TIMESTAMP_TO_CHAR", str("'open"), ts(0)))
    }

    func testDateAndTimeToChar() throws {
        let date = dateValue(days(2004, 9, 30))
        XCTAssertEqual(try call("DATE_TO_CHAR", str("dd.MM.yyyy"), date), .string("30.09.2004"))
        XCTAssertEqual(try call("DATE_TO_CHAR", str("dd.MM.yyyy"), null(.date)), .null)
        let time = timeValue(49_703_000)
        XCTAssertEqual(try call("TIME_TO_CHAR", str("HH:mm:ss"), time), .string("13:48:23"))
        XCTAssertNotNil(resolutionError("DATE_TO_CHAR", [.value(.varchar(length: 3)), .value(.timestamp)]))
    }

    func testFormatThenParseRoundTrips() throws {
        let patterns = ["yyyy-MM-dd HH:mm:ss.SSS", "dd/MMM/yyyy:hh:mm:ss.SSS a Z", "EEEE, MMMM d, yyyy HH:mm:ss.SSS z",
                        "yyyyMMddHHmmssSSS", "'at' HH'h'mm ss SSS 'on' yyyy.MM.dd XXX"]
        let instants: [Int64] = [0, 1_096_552_103_007, 1_474_604_966_234, millis(1999, 12, 31, 23, 59, 59, 999),
                                 millis(2024, 2, 29, 12, 0, 0, 500), millis(1970, 1, 1, 0, 0, 0, 1)]
        for pattern in patterns {
            for instant in instants {
                let text = try format(pattern, instant)
                guard case .string(let string) = text else { return XCTFail("format of \(pattern)") }
                XCTAssertEqual(try parse(pattern, string), .timestamp(milliseconds: instant), "\(pattern): \(string)")
            }
        }
    }
}
