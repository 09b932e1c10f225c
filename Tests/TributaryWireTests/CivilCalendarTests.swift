import Foundation
import TributaryWire
import XCTest

/// The shared calendar agrees with Foundation's Gregorian UTC calendar day by day, across leap rules and before 1970.
final class CivilCalendarTests: XCTestCase {
    func testDatesMatchFoundationFrom1600To2500() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var days: Int64 = -135_000
        while days < 194_000 {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let civil = CivilCalendar.civilDate(daysSinceEpoch: days)
            XCTAssertEqual([civil.year, civil.month, civil.day],
                           [Int64(parts.year!), Int64(parts.month!), Int64(parts.day!)], "day \(days)")
            XCTAssertEqual(CivilCalendar.daysSinceEpoch(year: civil.year, month: civil.month, day: civil.day), days)
            XCTAssertEqual(CivilCalendar.weekday(daysSinceEpoch: days) + 1, Int64(parts.weekday!))
            days += 37
        }
    }

    func testLeapYearsAndMonthLengths() {
        XCTAssertTrue(CivilCalendar.isLeapYear(2000))
        XCTAssertFalse(CivilCalendar.isLeapYear(1900))
        XCTAssertTrue(CivilCalendar.isLeapYear(2024))
        XCTAssertEqual(CivilCalendar.daysIn(month: 2, year: 2024), 29)
        XCTAssertEqual(CivilCalendar.daysIn(month: 2, year: 2100), 28)
        XCTAssertEqual(CivilCalendar.daysIn(month: 11, year: 2026), 30)
        XCTAssertEqual(CivilCalendar.daysSinceEpoch(year: 2026, month: 1, day: 32),
                       CivilCalendar.daysSinceEpoch(year: 2026, month: 2, day: 1), "days past the month carry on")
        XCTAssertEqual(CivilCalendar.floorDivide(-1, 7), -1)
        XCTAssertEqual(CivilCalendar.floorModulo(-1, 7), 6)
    }
}
