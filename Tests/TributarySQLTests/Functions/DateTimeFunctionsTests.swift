import XCTest
@testable import TributarySQL

final class DateTimeFunctionsTests: XCTestCase, ScalarFunctionTesting {
    var sample: Int64 { millis(2004, 9, 30, 13, 48, 23) }

    func testCivilDateTimeMatchesKnownInstants() {
        XCTAssertEqual(millis(2004, 9, 30, 13, 48, 23), 1_096_552_103_000)
        XCTAssertEqual(millis(2016, 9, 23, 4, 29, 26, 234), 1_474_604_966_234)
        XCTAssertEqual(millis(2000, 2, 29), 951_782_400_000)
        XCTAssertEqual(millis(1600, 3, 1), -11_670_912_000_000)
        XCTAssertEqual(CivilDateTime(epochMilliseconds: -1),
                       CivilDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59,
                                     millisecond: 999))
        XCTAssertEqual(CivilDateTime(epochMilliseconds: sample).isoDayOfWeek, 4)
        XCTAssertEqual(CivilDateTime(epochMilliseconds: sample).dayOfYear, 274)
    }

    func testClockFunctions() throws {
        let context = EvaluationContext(rowTimeMs: 1_474_604_966_234, nowMs: millis(2023, 11, 14, 22, 13, 20, 5))
        XCTAssertEqual(try call("CURRENT_ROW_TIMESTAMP", context: context),
                       .timestamp(milliseconds: 1_474_604_966_234))
        XCTAssertEqual(try call("CURRENT_TIMESTAMP", context: context), .timestamp(milliseconds: context.nowMs))
        XCTAssertEqual(try call("LOCALTIMESTAMP", context: context), .timestamp(milliseconds: context.nowMs))
        XCTAssertEqual(try call("CURRENT_DATE", context: context), .date(days: days(2023, 11, 14)))
        XCTAssertEqual(try call("CURRENT_TIME", context: context), .time(milliseconds: 80_000_005))
        XCTAssertEqual(try call("LOCALTIME", context: context), .time(milliseconds: 80_000_005))
        XCTAssertEqual(try call("CURRENT_DATE", context: EvaluationContext(rowTimeMs: 0, nowMs: -1)),
                       .date(days: -1))
        XCTAssertEqual(try resolve("CURRENT_DATE", []).resultType, .date)
        XCTAssertEqual(try resolve("CURRENT_TIME", []).resultType, .time)
    }

    func testFloorAndCeilToUnit() throws {
        let floors: [(String, Int64)] = [
            ("HOUR", millis(2004, 9, 30, 13)), ("MINUTE", millis(2004, 9, 30, 13, 48)),
            ("DAY", millis(2004, 9, 30)), ("MONTH", millis(2004, 9, 1)), ("YEAR", millis(2004, 1, 1)),
            ("SECOND", sample),
        ]
        for (unit, expected) in floors {
            XCTAssertEqual(try call("FLOOR", ts(sample), kw(unit)), .timestamp(milliseconds: expected), unit)
        }
        let ceilings: [(String, Int64)] = [
            ("HOUR", millis(2004, 9, 30, 14)), ("MINUTE", millis(2004, 9, 30, 13, 49)),
            ("DAY", millis(2004, 10, 1)), ("MONTH", millis(2004, 10, 1)), ("YEAR", millis(2005, 1, 1)),
            ("SECOND", sample),
        ]
        for (unit, expected) in ceilings {
            XCTAssertEqual(try call("CEIL", ts(sample), kw(unit)), .timestamp(milliseconds: expected), unit)
        }
        XCTAssertEqual(try call("CEIL", ts(millis(2004, 12, 5)), kw("MONTH")),
                       .timestamp(milliseconds: millis(2005, 1, 1)))
        XCTAssertEqual(try call("FLOOR", ts(-1), kw("DAY")), .timestamp(milliseconds: millis(1969, 12, 31)))
        XCTAssertEqual(try call("FLOOR", ts(sample + 999), kw("SECOND")), .timestamp(milliseconds: sample))
        XCTAssertEqual(try call("FLOOR", null(.timestamp), kw("DAY")), .null)
    }

    func testFloorOfDatesAndTimes() throws {
        let date = dateValue(days(2004, 9, 30))
        XCTAssertEqual(try call("FLOOR", date, kw("MONTH")), .date(days: days(2004, 9, 1)))
        XCTAssertEqual(try call("CEIL", date, kw("YEAR")), .date(days: days(2005, 1, 1)))
        XCTAssertEqual(try call("FLOOR", date, kw("DAY")), .date(days: days(2004, 9, 30)))
        let time = timeValue(49_703_000)
        XCTAssertEqual(try call("FLOOR", time, kw("HOUR")), .time(milliseconds: 46_800_000))
        XCTAssertEqual(try call("CEIL", time, kw("MINUTE")), .time(milliseconds: 49_740_000))
        XCTAssertNotNil(resolutionError("FLOOR", [.value(.time), .keyword("YEAR")]))
        XCTAssertEqual(try resolve("FLOOR", [date, kw("MONTH")]).resultType, .date)
    }

    func testExtract() throws {
        let interval = dayTime(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 678)
        XCTAssertEqual(try call("EXTRACT", kw("DAY"), interval), .integer(2))
        XCTAssertEqual(try call("EXTRACT", kw("HOUR"), interval), .integer(3))
        XCTAssertEqual(try call("EXTRACT", kw("MINUTE"), interval), .integer(4))
        XCTAssertEqual(try call("EXTRACT", kw("SECOND"), interval), .decimal(Decimal(string: "5.678")!))
        let rowTime = ts(millis(2016, 9, 23, 4, 29, 26, 234))
        XCTAssertEqual(try call("EXTRACT", kw("MINUTE"), rowTime), .integer(29))
        XCTAssertEqual(try call("EXTRACT", kw("HOUR"), rowTime), .integer(4))
        XCTAssertEqual(try call("EXTRACT", kw("YEAR"), rowTime), .integer(2016))
        XCTAssertEqual(try call("EXTRACT", kw("MONTH"), rowTime), .integer(9))
        XCTAssertEqual(try call("EXTRACT", kw("DAY"), rowTime), .integer(23))
        XCTAssertEqual(try call("EXTRACT", kw("SECOND"), rowTime), .decimal(Decimal(string: "26.234")!))
        XCTAssertEqual(try call("EXTRACT", kw("YEAR"), yearMonth(40)), .integer(3))
        XCTAssertEqual(try call("EXTRACT", kw("MONTH"), yearMonth(40)), .integer(4))
        XCTAssertEqual(try call("EXTRACT", kw("DAY"), dayTime(-273_600_000)), .integer(-3))
        let date = dateValue(days(1999, 12, 31))
        XCTAssertEqual(try call("EXTRACT", kw("MONTH"), date), .integer(12))
        XCTAssertEqual(try call("EXTRACT", kw("DAY"), null(.timestamp)), .null)
        XCTAssertNotNil(resolutionError("EXTRACT", [.keyword("HOUR"), .value(.date)]))
        XCTAssertNotNil(resolutionError("EXTRACT", [.keyword("YEAR"), .value(.intervalDayTime)]))
        XCTAssertEqual(try resolve("EXTRACT", [kw("SECOND"), rowTime]).resultType, .decimal(precision: 5, scale: 3))
        XCTAssertEqual(try resolve("EXTRACT", [kw("YEAR"), rowTime]).resultType, .bigint)
    }

    func testStepOnDatetimes() throws {
        XCTAssertEqual(try call("STEP", ts(sample), dayTime(10_000)),
                       .timestamp(milliseconds: millis(2004, 9, 30, 13, 48, 20)))
        XCTAssertEqual(try call("STEP", ts(sample), dayTime(3_600_000)),
                       .timestamp(milliseconds: millis(2004, 9, 30, 13)))
        XCTAssertEqual(try call("STEP", ts(sample), dayTime(30 * 60_000)),
                       .timestamp(milliseconds: millis(2004, 9, 30, 13, 30)))
        XCTAssertEqual(try call("STEP", ts(-1), dayTime(60_000)), .timestamp(milliseconds: -60_000))
        XCTAssertEqual(try call("STEP", ts(sample), yearMonth(3)),
                       .timestamp(milliseconds: millis(2004, 7, 1)))
        XCTAssertEqual(try call("STEP", ts(sample), yearMonth(12)),
                       .timestamp(milliseconds: millis(2004, 1, 1)))
        let date = dateValue(days(2004, 9, 30))
        let later = dateValue(days(2004, 10, 2))
        XCTAssertEqual(try call("STEP", later, dayTime(7 * 86_400_000)), .date(days: days(2004, 9, 30)))
        XCTAssertEqual(try call("STEP", date, yearMonth(1)), .date(days: days(2004, 9, 1)))
        XCTAssertEqual(try call("STEP", ts(sample), null(.intervalDayTime)), .null)
        XCTAssertNotNil(evaluationError("STEP", ts(sample), dayTime(0)))
        XCTAssertEqual(try resolve("STEP", [ts(sample), dayTime(1000)]).resultType, .timestamp)
    }

    func testTsdiffUnixTimestampAndToTimestamp() throws {
        XCTAssertEqual(try call("TSDIFF", ts(5000), ts(1500)), .integer(3500))
        XCTAssertEqual(try call("TSDIFF", int(1500, .bigint), int(5000, .bigint)), .integer(-3500))
        XCTAssertEqual(try call("TSDIFF", ts(5000), null(.timestamp)), .null)
        XCTAssertEqual(try call("UNIX_TIMESTAMP", ts(sample)), .integer(1_096_552_103_000))
        XCTAssertEqual(try call("UNIX_TIMESTAMP", null(.timestamp)), .null)
        XCTAssertEqual(try call("TO_TIMESTAMP", int(1_096_552_103_000, .bigint)), .timestamp(milliseconds: sample))
        XCTAssertEqual(try call("TO_TIMESTAMP", null(.bigint)), .null)
        XCTAssertEqual(try resolve("TSDIFF", [ts(0), ts(0)]).resultType, .bigint)
        XCTAssertNotNil(resolutionError("UNIX_TIMESTAMP", [.value(.varchar(length: 3))]))
    }
}
