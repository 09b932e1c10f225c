import XCTest
@testable import TributarySQL

final class SQLOperatorsTests: XCTestCase {
    private func apply(_ op: BinaryOperator, _ left: SQLValue, _ right: SQLValue, _ type: SQLType) throws -> SQLValue {
        try SQLOperators.apply(op, left, right, resultType: type)
    }

    private func dec(_ text: String) -> SQLValue { .decimal(Decimal(string: text)!) }

    func testNullPropagates() throws {
        for op: BinaryOperator in [.add, .subtract, .multiply, .divide, .concatenate, .equal, .less, .notEqual] {
            XCTAssertEqual(try apply(op, .null, .integer(1), .integer), .null)
            XCTAssertEqual(try apply(op, .integer(1), .null, .integer), .null)
        }
        XCTAssertEqual(try SQLOperators.apply(.negate, .null, resultType: .integer), .null)
        XCTAssertEqual(try SQLOperators.apply(.not, .null, resultType: .boolean), .null)
    }

    func testThreeValuedLogic() throws {
        let t = SQLValue.boolean(true), f = SQLValue.boolean(false), u = SQLValue.null
        XCTAssertEqual(try apply(.and, f, u, .boolean), f)
        XCTAssertEqual(try apply(.and, u, f, .boolean), f)
        XCTAssertEqual(try apply(.and, t, u, .boolean), u)
        XCTAssertEqual(try apply(.and, t, t, .boolean), t)
        XCTAssertEqual(try apply(.or, t, u, .boolean), t)
        XCTAssertEqual(try apply(.or, u, t, .boolean), t)
        XCTAssertEqual(try apply(.or, f, u, .boolean), u)
        XCTAssertEqual(try apply(.or, f, f, .boolean), f)
        XCTAssertEqual(try SQLOperators.apply(.not, t, resultType: .boolean), f)
    }

    func testIntegerArithmetic() throws {
        XCTAssertEqual(try apply(.add, .integer(2), .integer(3), .integer), .integer(5))
        XCTAssertEqual(try apply(.divide, .integer(7), .integer(2), .integer), .integer(3))
        XCTAssertEqual(try apply(.divide, .integer(-7), .integer(2), .integer), .integer(-3))
        XCTAssertThrowsError(try apply(.divide, .integer(1), .integer(0), .integer)) { error in
            XCTAssertEqual((error as? SQLEvaluationError)?.message, "Division by zero")
        }
        XCTAssertThrowsError(try apply(.add, .integer(2_147_483_647), .integer(1), .integer))
        XCTAssertEqual(try apply(.add, .integer(2_147_483_647), .integer(1), .bigint), .integer(2_147_483_648))
        XCTAssertThrowsError(try apply(.multiply, .integer(Int64.max), .integer(2), .bigint))
        XCTAssertThrowsError(try apply(.divide, .integer(Int64.min), .integer(-1), .bigint))
        XCTAssertThrowsError(try SQLOperators.apply(.negate, .integer(-128), resultType: .tinyint))
        XCTAssertEqual(try SQLOperators.apply(.negate, .integer(5), resultType: .integer), .integer(-5))
    }

    func testDecimalAndDoubleArithmetic() throws {
        XCTAssertEqual(try apply(.add, dec("1.25"), .integer(2), .decimal(precision: 13, scale: 2)), dec("3.25"))
        XCTAssertEqual(try apply(.divide, dec("1.00"), dec("3.0"), .decimal(precision: 13, scale: 7)),
                       dec("0.3333333"))
        XCTAssertThrowsError(try apply(.divide, dec("1"), dec("0"), .decimal(precision: 13, scale: 7)))
        XCTAssertThrowsError(try apply(.multiply, dec("99.9"), dec("99.9"), .decimal(precision: 4, scale: 1)))
        XCTAssertEqual(try apply(.multiply, .double(1.5), .integer(2), .double), .double(3))
        XCTAssertEqual(try apply(.add, .double(0.1), .double(0.2), .real), .double(Double(Float(0.1 + 0.2))))
        XCTAssertThrowsError(try apply(.divide, .double(1), .double(0), .double))
    }

    func testComparisonsAndConcatenation() throws {
        XCTAssertEqual(try apply(.equal, .integer(1), .double(1), .boolean), .boolean(true))
        XCTAssertEqual(try apply(.notEqual, .string("a"), .string("b"), .boolean), .boolean(true))
        XCTAssertEqual(try apply(.lessOrEqual, .date(days: 3), .date(days: 3), .boolean), .boolean(true))
        XCTAssertEqual(try apply(.greater, .string("b"), .string("a"), .boolean), .boolean(true))
        XCTAssertEqual(try apply(.concatenate, .string("ab"), .string("cd"), .varchar(length: 4)), .string("abcd"))
        XCTAssertThrowsError(try apply(.less, .string("1"), .integer(1), .boolean))
    }

    func testDatetimeArithmetic() throws {
        let stamp = SQLValue.timestamp(milliseconds: 1_219_494_896_789)
        XCTAssertEqual(try apply(.add, stamp, .intervalDayTime(milliseconds: 1000), .timestamp),
                       .timestamp(milliseconds: 1_219_494_897_789))
        XCTAssertEqual(try apply(.add, .intervalDayTime(milliseconds: 1000), stamp, .timestamp),
                       .timestamp(milliseconds: 1_219_494_897_789))
        XCTAssertEqual(try apply(.subtract, stamp, .timestamp(milliseconds: 1_219_494_896_000), .intervalDayTime),
                       .intervalDayTime(milliseconds: 789))
        // 2008-01-31 + 1 month = 2008-02-29 (clamped), - 1 year = 2007-01-31
        let january31 = SQLValue.date(days: 13909)
        XCTAssertEqual(try apply(.add, january31, .intervalYearMonth(months: 1), .date).text, "2008-02-29")
        XCTAssertEqual(try apply(.subtract, january31, .intervalYearMonth(months: 12), .date).text, "2007-01-31")
        XCTAssertEqual(try apply(.add, january31, .intervalDayTime(milliseconds: 86_400_000 * 2), .date).text,
                       "2008-02-02")
        XCTAssertEqual(try apply(.subtract, january31, .intervalDayTime(milliseconds: 1), .date).text, "2008-01-30")
        XCTAssertEqual(try apply(.add, .time(milliseconds: 86_399_000), .intervalDayTime(milliseconds: 2000), .time),
                       .time(milliseconds: 1000))
        XCTAssertEqual(try apply(.subtract, .time(milliseconds: 1000), .intervalDayTime(milliseconds: 2000), .time),
                       .time(milliseconds: 86_399_000))
        XCTAssertEqual(try apply(.subtract, .date(days: 10), .date(days: 8), .intervalDayTime),
                       .intervalDayTime(milliseconds: 172_800_000))
        XCTAssertEqual(try apply(.add, .timestamp(milliseconds: 0), .intervalYearMonth(months: 14), .timestamp).text,
                       "1971-03-01 00:00:00.000")
    }

    func testIntervalArithmetic() throws {
        XCTAssertEqual(try apply(.multiply, .intervalDayTime(milliseconds: 1500), .integer(3), .intervalDayTime),
                       .intervalDayTime(milliseconds: 4500))
        XCTAssertEqual(try apply(.multiply, .double(0.5), .intervalDayTime(milliseconds: 3001), .intervalDayTime),
                       .intervalDayTime(milliseconds: 1500))
        XCTAssertEqual(try apply(.divide, .intervalDayTime(milliseconds: 3000), .integer(2), .intervalDayTime),
                       .intervalDayTime(milliseconds: 1500))
        XCTAssertThrowsError(try apply(.divide, .intervalDayTime(milliseconds: 3000), .integer(0), .intervalDayTime))
        XCTAssertEqual(try apply(.subtract, .intervalYearMonth(months: 3), .intervalYearMonth(months: 5),
                                 .intervalYearMonth), .intervalYearMonth(months: -2))
        XCTAssertEqual(try SQLOperators.apply(.negate, .intervalDayTime(milliseconds: 5), resultType: .intervalDayTime),
                       .intervalDayTime(milliseconds: -5))
    }
}
