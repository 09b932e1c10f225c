import XCTest
@testable import TributarySQL

final class SQLValueCastTests: XCTestCase {
    private func dec(_ text: String) -> SQLValue { .decimal(Decimal(string: text)!) }

    func testNullStaysNull() throws {
        for type: SQLType in [.integer, .varchar(length: 3), .date, .boolean, .decimal(precision: 5, scale: 2)] {
            XCTAssertEqual(try SQLValue.null.cast(to: type), .null)
        }
    }

    func testNumericCastsRoundHalfAwayFromZero() throws {
        XCTAssertEqual(try SQLValue.double(-1.6).cast(to: .integer), .integer(-2))
        XCTAssertEqual(try SQLValue.double(2.5).cast(to: .integer), .integer(3))
        XCTAssertEqual(try dec("-2.5").cast(to: .smallint), .integer(-3))
        XCTAssertEqual(try dec("12.345").cast(to: .decimal(precision: 5, scale: 2)), dec("12.35"))
        XCTAssertEqual(try SQLValue.integer(7).cast(to: .double), .double(7))
        XCTAssertEqual(try SQLValue.integer(7).cast(to: .decimal(precision: 3, scale: 1)), .decimal(7))
        XCTAssertEqual(try SQLValue.double(0.1).cast(to: .real), .double(Double(Float(0.1))))
        XCTAssertEqual(try SQLValue.double(1.25).cast(to: .decimal(precision: 4, scale: 1)), dec("1.3"))
        XCTAssertThrowsError(try SQLValue.integer(300).cast(to: .tinyint))
        XCTAssertThrowsError(try SQLValue.double(1e20).cast(to: .bigint))
        XCTAssertThrowsError(try SQLValue.double(.nan).cast(to: .integer))
        XCTAssertThrowsError(try SQLValue.integer(1000).cast(to: .decimal(precision: 4, scale: 2)))
        XCTAssertThrowsError(try SQLValue.double(1e39).cast(to: .real))
        XCTAssertEqual(try SQLValue.double(1e-5).cast(to: .decimal(precision: 10, scale: 6)), dec("0.00001"))
        XCTAssertEqual(try SQLValue.double(1e17).cast(to: .decimal(precision: 19, scale: 0)), dec("1e17"))
        XCTAssertEqual(SQLValue.double(0.1).decimalValue, Decimal(string: "0.1"))
    }

    func testCastToCharacterTypes() throws {
        XCTAssertEqual(try SQLValue.date(days: 14114).cast(to: .varchar(length: 10)), .string("2008-08-23"))
        XCTAssertThrowsError(try SQLValue.date(days: 14114).cast(to: .varchar(length: 9)))
        XCTAssertEqual(try SQLValue.date(days: 14114).cast(to: .char(length: 12)), .string("2008-08-23  "))
        XCTAssertEqual(try SQLValue.string("abcdef").cast(to: .varchar(length: 3)), .string("abc"))
        XCTAssertEqual(try SQLValue.string("ab").cast(to: .char(length: 4)), .string("ab  "))
        XCTAssertEqual(try SQLValue.integer(-42).cast(to: .varchar(length: 10)), .string("-42"))
        XCTAssertEqual(try SQLValue.double(1e10).cast(to: .varchar(length: 10)), .string("1.0E10"))
        XCTAssertEqual(try SQLValue.boolean(true).cast(to: .varchar(length: 5)), .string("TRUE"))
        XCTAssertEqual(try dec("12.5").cast(to: .varchar(length: 10), from: .decimal(precision: 6, scale: 2)),
                       .string("12.50"))
        XCTAssertEqual(try SQLValue.double(Double(Float(0.1))).cast(to: .varchar(length: 10), from: .real),
                       .string("0.1"))
        XCTAssertEqual(try SQLValue.timestamp(milliseconds: 1_219_494_896_789).cast(to: .varchar(length: 30)),
                       .string("2008-08-23 12:34:56.789"))
    }

    func testCastFromStrings() throws {
        XCTAssertEqual(try SQLValue.string(" 42 ").cast(to: .integer), .integer(42))
        XCTAssertEqual(try SQLValue.string("2008-08-23 12:34:56").cast(to: .timestamp),
                       .timestamp(milliseconds: 1_219_494_896_000))
        XCTAssertEqual(try SQLValue.string("true").cast(to: .boolean), .boolean(true))
        XCTAssertEqual(try SQLValue.string("2008-08-23").cast(to: .date), .date(days: 14114))
        XCTAssertThrowsError(try SQLValue.string("abc").cast(to: .integer)) { error in
            XCTAssertEqual((error as? SQLEvaluationError)?.message, "Cannot convert 'abc' to INTEGER")
        }
    }

    func testDatetimeCasts() throws {
        let stamp = SQLValue.timestamp(milliseconds: 1_219_494_896_789)
        XCTAssertEqual(try stamp.cast(to: .date), .date(days: 14114))
        XCTAssertEqual(try stamp.cast(to: .time), .time(milliseconds: 45_296_789))
        XCTAssertEqual(try SQLValue.date(days: 14114).cast(to: .timestamp), .timestamp(milliseconds: 1_219_449_600_000))
        XCTAssertEqual(try SQLValue.timestamp(milliseconds: -1).cast(to: .date), .date(days: -1))
        XCTAssertEqual(try SQLValue.timestamp(milliseconds: -1).cast(to: .time), .time(milliseconds: 86_399_999))
        XCTAssertThrowsError(try SQLValue.date(days: 1).cast(to: .integer))
        XCTAssertThrowsError(try SQLValue.boolean(true).cast(to: .integer))
    }

    func testIntervalAndBinaryCasts() throws {
        XCTAssertEqual(try SQLValue.intervalDayTime(milliseconds: 1500).cast(to: .bigint), .integer(1500))
        XCTAssertEqual(try SQLValue.binary([1, 2, 3]).cast(to: .varbinary(length: 2)), .binary([1, 2]))
        XCTAssertThrowsError(try SQLValue.binary([1]).cast(to: .varchar(length: 4)))
    }

    func testCanCastFollowsTheReferenceTable() {
        XCTAssertTrue(SQLTypeRules.canCast(from: .integer, to: .varchar(length: 4)))
        XCTAssertTrue(SQLTypeRules.canCast(from: .double, to: .decimal(precision: 5, scale: 2)))
        XCTAssertFalse(SQLTypeRules.canCast(from: .integer, to: .boolean))
        XCTAssertFalse(SQLTypeRules.canCast(from: .integer, to: .date))
        XCTAssertTrue(SQLTypeRules.canCast(from: .varchar(length: 3), to: .timestamp))
        XCTAssertTrue(SQLTypeRules.canCast(from: .char(length: 3), to: .boolean))
        XCTAssertFalse(SQLTypeRules.canCast(from: .varchar(length: 3), to: .varbinary(length: 3)))
        XCTAssertTrue(SQLTypeRules.canCast(from: .date, to: .timestamp))
        XCTAssertFalse(SQLTypeRules.canCast(from: .date, to: .time))
        XCTAssertTrue(SQLTypeRules.canCast(from: .timestamp, to: .date))
        XCTAssertTrue(SQLTypeRules.canCast(from: .intervalDayTime, to: .bigint))
        XCTAssertFalse(SQLTypeRules.canCast(from: .intervalDayTime, to: .double))
        XCTAssertTrue(SQLTypeRules.canCast(from: .boolean, to: .char(length: 5)))
        XCTAssertFalse(SQLTypeRules.canCast(from: .boolean, to: .integer))
        XCTAssertTrue(SQLTypeRules.canCast(from: .varbinary(length: 2), to: .varbinary(length: 4)))
        XCTAssertTrue(SQLTypeRules.canCast(from: .unknown, to: .date))
    }

    func testAssignmentTruncatesPadsRoundsAndChecks() throws {
        XCTAssertEqual(try SQLValue.string("abcdef").assigned(to: .varchar(length: 4)), .string("abcd"))
        XCTAssertEqual(try SQLValue.string("ab").assigned(to: .char(length: 4)), .string("ab  "))
        XCTAssertEqual(try SQLValue.double(0.1).assigned(to: .real), .double(Double(Float(0.1))))
        XCTAssertEqual(try dec("1.005").assigned(to: .decimal(precision: 4, scale: 2)), dec("1.01"))
        XCTAssertThrowsError(try dec("100.5").assigned(to: .decimal(precision: 4, scale: 2)))
        XCTAssertEqual(try SQLValue.integer(5).assigned(to: .double), .double(5))
        XCTAssertThrowsError(try SQLValue.integer(40_000).assigned(to: .smallint))
        XCTAssertEqual(try SQLValue.date(days: 1).assigned(to: .timestamp), .timestamp(milliseconds: 86_400_000))
        XCTAssertThrowsError(try SQLValue.string("1").assigned(to: .integer))
        XCTAssertThrowsError(try SQLValue.integer(1).assigned(to: .varchar(length: 4)))
        XCTAssertEqual(try SQLValue.null.assigned(to: .integer), .null)
        XCTAssertTrue(SQLTypeRules.canAssign(from: .integer, to: .real))
        XCTAssertTrue(SQLTypeRules.canAssign(from: .char(length: 2), to: .varchar(length: 1)))
        XCTAssertFalse(SQLTypeRules.canAssign(from: .varchar(length: 2), to: .integer))
        XCTAssertTrue(SQLTypeRules.canAssign(from: .date, to: .timestamp))
        XCTAssertFalse(SQLTypeRules.canAssign(from: .timestamp, to: .date))
    }
}
