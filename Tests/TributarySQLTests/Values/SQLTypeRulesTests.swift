import XCTest
@testable import TributarySQL

final class SQLTypeRulesTests: XCTestCase {
    private func type(_ op: BinaryOperator, _ left: SQLType, _ right: SQLType) throws -> SQLType {
        try SQLTypeRules.binaryResultType(op, left, right)
    }

    func testIntegerArithmeticWidens() throws {
        XCTAssertEqual(try type(.add, .integer, .integer), .integer)
        XCTAssertEqual(try type(.divide, .integer, .integer), .integer)
        XCTAssertEqual(try type(.multiply, .smallint, .bigint), .bigint)
        XCTAssertEqual(try type(.subtract, .tinyint, .smallint), .smallint)
    }

    func testApproximateTypesAbsorbTheRest() throws {
        XCTAssertEqual(try type(.add, .integer, .double), .double)
        XCTAssertEqual(try type(.add, .real, .decimal(precision: 5, scale: 2)), .real)
        XCTAssertEqual(try type(.multiply, .real, .double), .double)
    }

    func testDecimalPrecisionAndScale() throws {
        XCTAssertEqual(try type(.add, .decimal(precision: 5, scale: 2), .decimal(precision: 7, scale: 3)),
                       .decimal(precision: 8, scale: 3))
        XCTAssertEqual(try type(.add, .decimal(precision: 5, scale: 2), .integer), .decimal(precision: 13, scale: 2))
        XCTAssertEqual(try type(.multiply, .decimal(precision: 5, scale: 2), .decimal(precision: 4, scale: 1)),
                       .decimal(precision: 9, scale: 3))
        XCTAssertEqual(try type(.multiply, .decimal(precision: 15, scale: 5), .decimal(precision: 15, scale: 5)),
                       .decimal(precision: 19, scale: 10))
        XCTAssertEqual(try type(.divide, .decimal(precision: 5, scale: 2), .decimal(precision: 3, scale: 1)),
                       .decimal(precision: 10, scale: 6))
        XCTAssertEqual(try type(.divide, .decimal(precision: 19, scale: 0), .decimal(precision: 19, scale: 10)),
                       .decimal(precision: 19, scale: 6))
    }

    func testDatetimeArithmetic() throws {
        XCTAssertEqual(try type(.add, .timestamp, .intervalDayTime), .timestamp)
        XCTAssertEqual(try type(.add, .intervalDayTime, .timestamp), .timestamp)
        XCTAssertEqual(try type(.subtract, .timestamp, .intervalYearMonth), .timestamp)
        XCTAssertEqual(try type(.add, .date, .intervalDayTime), .date)
        XCTAssertEqual(try type(.subtract, .timestamp, .timestamp), .intervalDayTime)
        XCTAssertEqual(try type(.add, .intervalDayTime, .intervalDayTime), .intervalDayTime)
        XCTAssertEqual(try type(.multiply, .intervalDayTime, .integer), .intervalDayTime)
        XCTAssertEqual(try type(.multiply, .double, .intervalYearMonth), .intervalYearMonth)
        XCTAssertThrowsError(try type(.add, .time, .intervalYearMonth))
        XCTAssertThrowsError(try type(.add, .timestamp, .timestamp))
        XCTAssertThrowsError(try type(.subtract, .intervalDayTime, .timestamp))
        XCTAssertThrowsError(try type(.add, .intervalDayTime, .intervalYearMonth))
    }

    func testCalciteLikeMessages() {
        XCTAssertThrowsError(try type(.add, .varchar(length: 4), .integer)) { error in
            XCTAssertEqual((error as? SQLTypeError)?.message,
                           "Cannot apply '+' to arguments of type '<VARCHAR(4)> + <INTEGER>'. Supported form(s): "
                               + "'<NUMERIC> + <NUMERIC>'\n'<DATETIME_INTERVAL> + <DATETIME_INTERVAL>'\n"
                               + "'<DATETIME> + <DATETIME_INTERVAL>'\n'<DATETIME_INTERVAL> + <DATETIME>'")
        }
        XCTAssertThrowsError(try type(.and, .integer, .boolean)) { error in
            XCTAssertEqual((error as? SQLTypeError)?.message,
                           "Cannot apply 'AND' to arguments of type '<INTEGER> AND <BOOLEAN>'. Supported form(s): "
                               + "'<BOOLEAN> AND <BOOLEAN>'")
        }
    }

    func testConcatenationSumsLengths() throws {
        XCTAssertEqual(try type(.concatenate, .varchar(length: 4), .varchar(length: 6)), .varchar(length: 10))
        XCTAssertEqual(try type(.concatenate, .char(length: 2), .char(length: 3)), .char(length: 5))
        XCTAssertEqual(try type(.concatenate, .char(length: 2), .varchar(length: 3)), .varchar(length: 5))
        XCTAssertEqual(try type(.concatenate, .unknown, .varchar(length: 3)), .varchar(length: 6))
        XCTAssertThrowsError(try type(.concatenate, .varchar(length: 2), .integer))
        XCTAssertThrowsError(try type(.concatenate, .varbinary(length: 2), .varbinary(length: 2)))
    }

    func testComparisonsAndLogic() throws {
        XCTAssertEqual(try type(.less, .integer, .double), .boolean)
        XCTAssertEqual(try type(.equal, .char(length: 2), .varchar(length: 5)), .boolean)
        XCTAssertEqual(try type(.equal, .unknown, .date), .boolean)
        XCTAssertThrowsError(try type(.equal, .varchar(length: 2), .integer))
        XCTAssertThrowsError(try type(.less, .date, .time))
        XCTAssertEqual(try type(.or, .boolean, .unknown), .boolean)
        XCTAssertThrowsError(try type(.or, .boolean, .varchar(length: 4)))
        XCTAssertEqual(try type(.add, .unknown, .integer), .integer)
        XCTAssertEqual(try type(.add, .unknown, .unknown), .unknown)
    }

    func testUnaryTypes() throws {
        XCTAssertEqual(try SQLTypeRules.unaryResultType(.negate, .decimal(precision: 4, scale: 1)),
                       .decimal(precision: 4, scale: 1))
        XCTAssertEqual(try SQLTypeRules.unaryResultType(.negate, .intervalDayTime), .intervalDayTime)
        XCTAssertEqual(try SQLTypeRules.unaryResultType(.not, .boolean), .boolean)
        XCTAssertThrowsError(try SQLTypeRules.unaryResultType(.negate, .varchar(length: 3)))
        XCTAssertThrowsError(try SQLTypeRules.unaryResultType(.not, .integer)) { error in
            XCTAssertEqual((error as? SQLTypeError)?.message,
                           "Cannot apply 'NOT' to arguments of type 'NOT<INTEGER>'. Supported form(s): 'NOT<BOOLEAN>'")
        }
    }

    func testCommonType() throws {
        XCTAssertEqual(try SQLTypeRules.commonType([.integer, .bigint, .unknown]), .bigint)
        XCTAssertEqual(try SQLTypeRules.commonType([.integer, .decimal(precision: 5, scale: 2)]),
                       .decimal(precision: 12, scale: 2))
        XCTAssertEqual(try SQLTypeRules.commonType([.integer, .real]), .real)
        XCTAssertEqual(try SQLTypeRules.commonType([.real, .double]), .double)
        XCTAssertEqual(try SQLTypeRules.commonType([.char(length: 1), .char(length: 3)]), .char(length: 3))
        XCTAssertEqual(try SQLTypeRules.commonType([.char(length: 5), .varchar(length: 3)]), .varchar(length: 5))
        XCTAssertEqual(try SQLTypeRules.commonType([.date, .timestamp]), .timestamp)
        XCTAssertEqual(try SQLTypeRules.commonType([.unknown, .unknown]), .unknown)
        XCTAssertEqual(try SQLTypeRules.commonType([]), .unknown)
        XCTAssertThrowsError(try SQLTypeRules.commonType([.varchar(length: 3), .integer])) { error in
            XCTAssertEqual((error as? SQLTypeError)?.message, "Illegal mixing of types: VARCHAR(3), INTEGER")
        }
        XCTAssertThrowsError(try SQLTypeRules.commonType([.boolean, .integer]))
    }
}
