import Foundation
import XCTest
@testable import TributaryFirehose

/// Java DateTimeFormatter semantics: each expectation is what Java 17 prints for the same pattern and instant.
final class TimestampPatternTests: XCTestCase {
    private func formatted(_ pattern: String, _ date: Date = NamingFixtures.august27,
                           zone: TimeZone? = nil) throws -> String {
        try TimestampPattern(parsing: pattern).format(CivilTime(date, timeZone: zone))
    }

    func testDateAndTimeFieldsPrintZeroPaddedToTheLetterCount() throws {
        XCTAssertEqual(try formatted("yyyy/MM/dd/HH/mm/ss"), "2018/08/27/10/30/05")
        XCTAssertEqual(try formatted("y-M-d H:m:s", NamingFixtures.january5), "2018-1-5 0:0:0")
        XCTAssertEqual(try formatted("yyyy-MM-dd'T'HH", NamingFixtures.july6), "2018-07-06T23")
    }

    func testYearLetterCountsFollowJava() throws {
        XCTAssertEqual(try formatted("yy"), "18")
        XCTAssertEqual(try formatted("y"), "2018")
        XCTAssertEqual(try formatted("yyy"), "2018")
        XCTAssertEqual(try formatted("yyyyy"), "02018")
        XCTAssertEqual(try formatted("uuuu"), "2018")
    }

    func testMonthTextWidths() throws {
        XCTAssertEqual(try formatted("M"), "8")
        XCTAssertEqual(try formatted("MMM"), "Aug")
        XCTAssertEqual(try formatted("MMMM"), "August")
        XCTAssertEqual(try formatted("MMMMM"), "A")
        XCTAssertEqual(try formatted("LLLL"), "August")
    }

    func testDayOfYearPadsToTwoOrThreeDigits() throws {
        XCTAssertEqual(try formatted("D"), "239")
        XCTAssertEqual(try formatted("D", NamingFixtures.january5), "5")
        XCTAssertEqual(try formatted("DD", NamingFixtures.january5), "05")
        XCTAssertEqual(try formatted("DDD", NamingFixtures.january5), "005")
    }

    func testDayOfWeekTextAndSundayBasedNumber() throws {
        XCTAssertEqual(try formatted("E"), "Mon")
        XCTAssertEqual(try formatted("EEE"), "Mon")
        XCTAssertEqual(try formatted("EEEE"), "Monday")
        XCTAssertEqual(try formatted("EEEEE"), "M")
        XCTAssertEqual(try formatted("e"), "2")
        XCTAssertEqual(try formatted("ee"), "02")
        XCTAssertEqual(try formatted("c"), "2")
        XCTAssertEqual(try formatted("cccc", NamingFixtures.july6), "Friday")
    }

    func testHourFieldsAtMidnightAndMorning() throws {
        let earlyDate = NamingFixtures.august27AfterMidnight
        XCTAssertEqual(try formatted("H h K k a", earlyDate), "0 12 0 24 AM")
        XCTAssertEqual(try formatted("HH hh KK kk a"), "10 10 10 10 AM")
        XCTAssertEqual(try formatted("hh a", NamingFixtures.july6), "11 PM")
    }

    func testFractionTruncatesToTheLetterCount() throws {
        XCTAssertEqual(try formatted("S"), "1")
        XCTAssertEqual(try formatted("SSS"), "123")
        XCTAssertEqual(try formatted("SSSSSS"), "123456")
        XCTAssertEqual(try formatted("SSSSSSSSS"), "123456000")
    }

    func testQuarterEraAndDayPeriod() throws {
        XCTAssertEqual(try formatted("Q QQ QQQ QQQQ QQQQQ"), "3 03 Q3 3rd quarter 3")
        XCTAssertEqual(try formatted("G GGGG GGGGG"), "AD Anno Domini A")
        XCTAssertEqual(try formatted("B"), "in the morning")
        XCTAssertEqual(try formatted("B", NamingFixtures.july6), "at night")
        XCTAssertEqual(try formatted("B", NamingFixtures.january5), "midnight")
    }

    func testCountsOfTheDayAndNumericFields() throws {
        XCTAssertEqual(try formatted("F"), "6")
        XCTAssertEqual(try formatted("A"), "37805123")
        XCTAssertEqual(try formatted("n"), "123456000")
        XCTAssertEqual(try formatted("N"), "37805123456000")
        XCTAssertEqual(try formatted("g"), "58357")
    }

    func testWeekFieldsUseSundayStartingWeeks() throws {
        XCTAssertEqual(try formatted("W"), "5")
        XCTAssertEqual(try formatted("YYYY ww", NamingFixtures.december29), "2018 52")
        XCTAssertEqual(try formatted("YYYY w", NamingFixtures.december30), "2019 1")
        XCTAssertEqual(try formatted("yyyy", NamingFixtures.december30), "2018")
        XCTAssertEqual(try formatted("YY w", NamingFixtures.newYear2022), "22 1")
        XCTAssertEqual(try formatted("w", NamingFixtures.january2of2022), "2")
    }

    func testQuotedTextIsLiteralAndDoubledQuotesAreOneQuote() throws {
        XCTAssertEqual(try formatted("'year='yyyy'/month='MM"), "year=2018/month=08")
        XCTAssertEqual(try formatted("''"), "'")
        XCTAssertEqual(try formatted("'it''s' yyyy"), "it's 2018")
        XCTAssertEqual(try formatted("''''"), "'")
        XCTAssertEqual(try formatted("'HH mm'"), "HH mm")
    }

    func testNonLetterCharactersAreLiteral() throws {
        XCTAssertEqual(try formatted("yyyy/MM/dd/HH/"), "2018/08/27/10/")
        XCTAssertEqual(try formatted("yyyy_MM-dd.HH:mm=é"), "2018_08-27.10:30=é")
    }

    func testOptionalSectionsPrintTheirContent() throws {
        XCTAssertEqual(try formatted("yyyy[/MM]"), "2018/08")
        XCTAssertEqual(try formatted("[yyyy[-MM]]"), "2018-08")
    }

    func testPadLetterPadsTheNextFieldWithSpaces() throws {
        XCTAssertEqual(try formatted("pppH", NamingFixtures.january5), "  0")
        XCTAssertEqual(try formatted("pHH"), "10")
    }

    func testZoneLettersInUTC() throws {
        XCTAssertEqual(try formatted("VV"), "UTC")
        XCTAssertEqual(try formatted("X XX XXX"), "Z Z Z")
        XCTAssertEqual(try formatted("x xx xxx"), "+00 +0000 +00:00")
        XCTAssertEqual(try formatted("Z ZZZZ ZZZZZ"), "+0000 GMT Z")
        XCTAssertEqual(try formatted("O OOOO"), "GMT GMT")
        XCTAssertEqual(try formatted("z"), "UTC")
    }

    func testZoneLettersAndFieldsInACustomTimeZone() throws {
        guard let kolkata = TimeZone(identifier: "Asia/Kolkata") else { throw XCTSkip("no tz database") }
        XCTAssertEqual(try formatted("yyyy-MM-dd HH:mm", zone: kolkata), "2018-08-27 16:00")
        XCTAssertEqual(try formatted("X XX XXX", zone: kolkata), "+0530 +0530 +05:30")
        XCTAssertEqual(try formatted("Z ZZZZ", zone: kolkata), "+0530 GMT+05:30")
        XCTAssertEqual(try formatted("O", zone: kolkata), "GMT+5:30")
        XCTAssertEqual(try formatted("VV", zone: kolkata), "Asia/Kolkata")
        XCTAssertEqual(try formatted("dd", NamingFixtures.july6, zone: kolkata), "07")
    }

    func testFarFutureAndNonFiniteArrivalsAreClampedNotTrapped() throws {
        XCTAssertEqual(try formatted("yyyy-MM-dd", .distantFuture), "4001-01-01")
        XCTAssertEqual(try formatted("yyyy-MM-dd HH", Date(timeIntervalSince1970: 1e18)), "9999-12-31 23")
        XCTAssertEqual(try formatted("yyyy-MM-dd", Date(timeIntervalSince1970: .infinity)), "1970-01-01")
        XCTAssertEqual(try formatted("yyyy", .distantPast), "0001")
    }
}
