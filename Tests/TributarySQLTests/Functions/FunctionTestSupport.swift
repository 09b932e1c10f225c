import XCTest
@testable import TributarySQL
import TributaryWire

/// One argument of a test call: its static type for resolution and its runtime value.
struct FunctionTestArgument {
    let argument: FunctionArgument
    let value: SQLValue
}

/// Builders and call helpers for the function library tests, as members so they stay out of the global namespace
/// of the test target.
protocol ScalarFunctionTesting {}

extension ScalarFunctionTesting {
    func kw(_ keyword: String) -> FunctionTestArgument {
        FunctionTestArgument(argument: .keyword(keyword), value: .string(keyword))
    }

    func int(_ value: Int64, _ type: SQLType = .integer) -> FunctionTestArgument {
        FunctionTestArgument(argument: .value(type), value: .integer(value))
    }

    func dec(_ text: String) -> FunctionTestArgument {
        let parts = text.split(separator: ".")
        let scale = parts.count == 2 ? parts[1].count : 0
        return FunctionTestArgument(argument: .value(.decimal(precision: text.count, scale: scale)),
                                    value: .decimal(Decimal(string: text)!))
    }

    func dbl(_ value: Double) -> FunctionTestArgument {
        FunctionTestArgument(argument: .value(.double), value: .double(value))
    }

    func str(_ value: String) -> FunctionTestArgument {
        FunctionTestArgument(argument: .value(.varchar(length: max(1, value.count))), value: .string(value))
    }

    func null(_ type: SQLType = .unknown) -> FunctionTestArgument {
        FunctionTestArgument(argument: .value(type), value: .null)
    }

    func typed(_ type: SQLType, _ value: SQLValue) -> FunctionTestArgument {
        FunctionTestArgument(argument: .value(type), value: value)
    }

    func ts(_ milliseconds: Int64) -> FunctionTestArgument { typed(.timestamp, .timestamp(milliseconds: milliseconds)) }
    func dateValue(_ days: Int64) -> FunctionTestArgument { typed(.date, .date(days: days)) }
    func timeValue(_ milliseconds: Int64) -> FunctionTestArgument { typed(.time, .time(milliseconds: milliseconds)) }

    func dayTime(_ milliseconds: Int64) -> FunctionTestArgument {
        typed(.intervalDayTime, .intervalDayTime(milliseconds: milliseconds))
    }

    func yearMonth(_ months: Int64) -> FunctionTestArgument {
        typed(.intervalYearMonth, .intervalYearMonth(months: months))
    }

    /// Milliseconds since the epoch of a UTC calendar time.
    func millis(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64 = 0, _ minute: Int64 = 0,
                _ second: Int64 = 0, _ millisecond: Int64 = 0) -> Int64 {
        CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                      millisecond: millisecond).epochMilliseconds
    }

    func days(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// Row time 2016-09-23 04:29:26.234, wall clock 2023-11-14 22:13:20.
    var testContext: EvaluationContext { EvaluationContext(rowTimeMs: 1_474_604_966_234, nowMs: 1_700_000_000_000) }

    func resolve(_ name: String, _ arguments: [FunctionTestArgument]) throws -> ScalarFunction {
        try ScalarFunctionLibrary.resolve(name: name, arguments: arguments.map(\.argument))
    }

    func call(_ name: String, _ arguments: FunctionTestArgument..., context: EvaluationContext? = nil) throws
        -> SQLValue {
        try resolve(name, arguments).evaluate(arguments.map(\.value), context ?? testContext)
    }

    /// The message of the evaluation error a call raises, or nil when it succeeds.
    func evaluationError(_ name: String, _ arguments: FunctionTestArgument...) -> String? {
        do {
            _ = try resolve(name, arguments).evaluate(arguments.map(\.value), testContext)
            return nil
        } catch let error as SQLEvaluationError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    /// The message of the resolution error a call raises, or nil when it resolves.
    func resolutionError(_ name: String, _ arguments: [FunctionArgument]) -> String? {
        do {
            _ = try ScalarFunctionLibrary.resolve(name: name, arguments: arguments)
            return nil
        } catch {
            return error.message
        }
    }
}
