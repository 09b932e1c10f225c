import XCTest
@testable import TributarySQL

final class AggregateLibraryTests: XCTestCase {
    private func resolve(_ name: String, _ type: SQLType?, distinct: Bool = false,
                         star: Bool = false) throws -> AggregateFunction {
        try AggregateLibrary.resolve(name: name, argumentType: type, isDistinct: distinct, isStar: star)
    }

    func testNames() {
        for name in ["COUNT", "sum", "Avg", "MIN", "MAX", "FIRST_VALUE", "LAST_VALUE", "STDDEV_POP", "STDDEV_SAMP",
                     "STDDEV", "STD_DEV", "VAR_POP", "VAR_SAMP", "VARIANCE"] {
            XCTAssertTrue(AggregateLibrary.isAggregate(name), name)
        }
        XCTAssertFalse(AggregateLibrary.isAggregate("UPPER"))
        XCTAssertFalse(AggregateLibrary.isAggregate("EXP_AVG"))
    }

    func testResultTypes() throws {
        XCTAssertEqual(try resolve("COUNT", nil, star: true).resultType, .bigint)
        XCTAssertEqual(try resolve("COUNT", .varchar(length: 3)).resultType, .bigint)
        XCTAssertEqual(try resolve("SUM", .integer).resultType, .bigint)
        XCTAssertEqual(try resolve("SUM", .decimal(precision: 6, scale: 2)).resultType,
                       .decimal(precision: 19, scale: 2))
        XCTAssertEqual(try resolve("SUM", .real).resultType, .real)
        XCTAssertEqual(try resolve("AVG", .integer).resultType, .integer)
        XCTAssertEqual(try resolve("AVG", .double).resultType, .double)
        XCTAssertEqual(try resolve("MIN", .varchar(length: 4)).resultType, .varchar(length: 4))
        XCTAssertEqual(try resolve("LAST_VALUE", .timestamp).resultType, .timestamp)
        XCTAssertEqual(try resolve("STDDEV", .integer).resultType, .double)
        XCTAssertEqual(try resolve("VAR_POP", .real).resultType, .real)
    }

    func testRejections() {
        XCTAssertThrowsError(try resolve("SUM", .varchar(length: 4))) { error in
            XCTAssertEqual((error as? SQLTypeError)?.message,
                           "Cannot apply 'SUM' to arguments of type 'SUM(<VARCHAR(4)>)'. Supported form(s): "
                               + "'SUM(<NUMERIC>)'")
        }
        XCTAssertThrowsError(try resolve("AVG", .timestamp))
        XCTAssertThrowsError(try resolve("SUM", nil, star: true))
        XCTAssertThrowsError(try resolve("COUNT", nil, distinct: true, star: true))
        XCTAssertThrowsError(try resolve("COUNT", nil))
        XCTAssertThrowsError(try resolve("FIRST_VALUE", .integer, distinct: true))
        XCTAssertThrowsError(try resolve("UPPER", .varchar(length: 3)))
    }

    func testEmptySets() throws {
        XCTAssertEqual(try resolve("COUNT", .integer).makeAccumulator().result, .integer(0))
        for name in ["SUM", "AVG", "MIN", "MAX", "FIRST_VALUE", "LAST_VALUE", "VAR_POP", "STDDEV_SAMP"] {
            XCTAssertEqual(try resolve(name, .integer).makeAccumulator().result, .null, name)
        }
    }

    func testTumblingResults() throws {
        func run(_ name: String, _ type: SQLType, _ values: [SQLValue], distinct: Bool = false) throws -> SQLValue {
            let accumulator = try resolve(name, type, distinct: distinct).makeAccumulator()
            for value in values { try accumulator.add(value) }
            return accumulator.result
        }
        let numbers: [SQLValue] = [.integer(4), .null, .integer(7), .integer(4), .integer(-2)]
        XCTAssertEqual(try run("COUNT", .integer, numbers), .integer(4))
        XCTAssertEqual(try run("COUNT", .integer, numbers, distinct: true), .integer(3))
        XCTAssertEqual(try run("SUM", .integer, numbers), .integer(13))
        XCTAssertEqual(try run("SUM", .integer, numbers, distinct: true), .integer(9))
        XCTAssertEqual(try run("AVG", .integer, numbers), .integer(3))
        XCTAssertEqual(try run("AVG", .integer, [.integer(-7), .integer(0)]), .integer(-3))
        XCTAssertEqual(try run("MIN", .integer, numbers), .integer(-2))
        XCTAssertEqual(try run("MAX", .integer, numbers), .integer(7))
        XCTAssertEqual(try run("FIRST_VALUE", .integer, [.null, .integer(1)]), .null)
        XCTAssertEqual(try run("LAST_VALUE", .integer, [.integer(1), .null]), .null)
        XCTAssertEqual(try run("VAR_POP", .integer, [.integer(2), .integer(4), .integer(4), .integer(4),
                                                      .integer(5), .integer(5), .integer(7), .integer(9)]),
                       .double(4))
        XCTAssertEqual(try run("STDDEV_POP", .integer, [.integer(2), .integer(4), .integer(4), .integer(4),
                                                         .integer(5), .integer(5), .integer(7), .integer(9)]),
                       .double(2))
        XCTAssertEqual(try run("VAR_SAMP", .integer, [.integer(1)]), .null)
        XCTAssertEqual(try run("VAR_SAMP", .integer, [.integer(1), .integer(3)]), .double(2))
        XCTAssertEqual(try run("AVG", .decimal(precision: 5, scale: 2),
                               [.decimal(Decimal(string: "1.00")!), .decimal(Decimal(string: "2.01")!)]),
                       .decimal(Decimal(string: "1.51")!))
        XCTAssertEqual(try run("SUM", .real, [.double(Double(Float(0.1))), .double(Double(Float(0.2)))]),
                       .double(Double(Float(Double(Float(0.1)) + Double(Float(0.2))))))
        XCTAssertEqual(try run("MAX", .varchar(length: 3), [.string("b"), .string("abc"), .null]), .string("b"))
        XCTAssertThrowsError(try run("SUM", .bigint, [.integer(Int64.max), .integer(1)]))
    }

    func testIgnoreNullsForBoundaryValues() throws {
        let first = try AggregateLibrary.resolve(name: "FIRST_VALUE", argumentType: .integer, isDistinct: false,
                                                 isStar: false, ignoresNulls: true).makeAccumulator()
        try first.add(.null)
        try first.add(.integer(3))
        XCTAssertEqual(first.result, .integer(3))
        let last = try AggregateLibrary.resolve(name: "LAST_VALUE", argumentType: .integer, isDistinct: false,
                                                isStar: false, ignoresNulls: true).makeAccumulator()
        try last.add(.integer(3))
        try last.add(.null)
        XCTAssertEqual(last.result, .integer(3))
    }
}
