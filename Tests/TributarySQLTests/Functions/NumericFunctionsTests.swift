import XCTest
@testable import TributarySQL

final class NumericFunctionsTests: XCTestCase, ScalarFunctionTesting {
    func testAbs() throws {
        XCTAssertEqual(try call("ABS", dec("-1.0")), .decimal(Decimal(string: "1.0")!))
        XCTAssertEqual(try call("ABS", int(-9)), .integer(9))
        XCTAssertEqual(try call("ABS", dbl(-2.5)), .double(2.5))
        XCTAssertEqual(try call("ABS", dayTime(-273_600_000)), .intervalDayTime(milliseconds: 273_600_000))
        XCTAssertEqual(try call("ABS", yearMonth(-14)), .intervalYearMonth(months: 14))
        XCTAssertEqual(try call("ABS", null(.integer)), .null)
        XCTAssertNotNil(evaluationError("ABS", int(.min, .bigint)))
        XCTAssertEqual(try resolve("ABS", [int(1, .smallint)]).resultType, .smallint)
    }

    func testFloorAndCeilOfNumbers() throws {
        XCTAssertEqual(try call("FLOOR", dec("2.0")), .decimal(2))
        XCTAssertEqual(try call("FLOOR", dec("-1.0")), .decimal(-1))
        XCTAssertEqual(try call("FLOOR", dec("5.2")), .decimal(5))
        XCTAssertEqual(try call("FLOOR", dec("-3.3")), .decimal(-4))
        XCTAssertEqual(try call("FLOOR", dbl(-9.3)), .double(-10))
        XCTAssertEqual(try call("CEIL", dec("5.2")), .decimal(6))
        XCTAssertEqual(try call("CEILING", dec("-3.3")), .decimal(-3))
        XCTAssertEqual(try call("CEIL", dbl(-9.3)), .double(-9))
        XCTAssertEqual(try call("CEIL", int(7)), .integer(7))
        XCTAssertEqual(try call("FLOOR", null(.double)), .null)
        XCTAssertEqual(try resolve("FLOOR", [dec("5.25")]).resultType, .decimal(precision: 4, scale: 0))
        XCTAssertEqual(try resolve("CEIL", [dbl(1)]).resultType, .double)
    }

    func testExpLnLog10() throws {
        XCTAssertEqual(try call("LN", int(1)), .double(0))
        guard case .double(let ln10) = try call("LN", int(10)) else { return XCTFail("LN type") }
        XCTAssertEqual(ln10, 2.302585092994046, accuracy: 1e-15)
        guard case .double(let ln25) = try call("LN", dec("2.5")) else { return XCTFail("LN type") }
        XCTAssertEqual(ln25, 0.9162907318741551, accuracy: 1e-15)
        XCTAssertEqual(try call("LOG10", int(1000)), .double(3))
        XCTAssertEqual(try call("EXP", int(0)), .double(1))
        XCTAssertEqual(try call("EXP", null(.integer)), .null)
        XCTAssertEqual(evaluationError("LN", int(0)), "Cannot take logarithm of zero or negative number")
        XCTAssertNotNil(evaluationError("LOG10", dbl(-1)))
        XCTAssertEqual(try resolve("EXP", [int(1)]).resultType, .double)
    }

    func testPower() throws {
        XCTAssertEqual(try call("POWER", int(3), int(2)), .double(9))
        XCTAssertEqual(try call("POWER", int(-2), int(3)), .double(-8))
        XCTAssertEqual(try call("POWER", int(4), int(-2)), .double(0.0625))
        guard case .double(let value) = try call("POWER", dec("10.1"), dec("2.5")) else { return XCTFail("type") }
        XCTAssertEqual(value, 324.19285157140644, accuracy: 1e-9)
        XCTAssertNotNil(evaluationError("POWER", int(0), int(-1)))
        XCTAssertNotNil(evaluationError("POWER", int(-8), dbl(0.5)))
        XCTAssertEqual(try call("POWER", null(.integer), int(2)), .null)
    }

    func testMod() throws {
        XCTAssertEqual(try call("MOD", int(4), int(2)), .integer(0))
        XCTAssertEqual(try call("MOD", int(5), int(3)), .integer(2))
        XCTAssertEqual(try call("MOD", int(-4), int(3)), .integer(-1))
        XCTAssertEqual(try call("MOD", int(5), int(12)), .integer(5))
        XCTAssertEqual(try call("MOD", int(.min, .bigint), int(-1)), .integer(0))
        XCTAssertEqual(try call("MOD", int(5), null(.integer)), .null)
        XCTAssertEqual(evaluationError("MOD", int(5), int(0)), "/ by zero")
        XCTAssertEqual(try resolve("MOD", [int(5, .bigint), int(3, .smallint)]).resultType, .smallint)
        XCTAssertNotNil(resolutionError("MOD", [.value(.decimal(precision: 5, scale: 2)), .value(.integer)]))
    }

    func testStepOnIntegers() throws {
        XCTAssertEqual(try call("STEP", int(23), int(5)), .integer(20))
        XCTAssertEqual(try call("STEP", int(30), int(10)), .integer(30))
        XCTAssertEqual(try call("STEP", int(-3), int(5)), .integer(-5), "largest multiple not above the value")
        XCTAssertEqual(try call("STEP", int(23), null(.integer)), .null)
        XCTAssertEqual(evaluationError("STEP", int(23), int(0)), "/ by zero")
        XCTAssertEqual(try resolve("STEP", [int(1, .bigint), int(5)]).resultType, .bigint)
    }
}
