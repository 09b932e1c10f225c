import Foundation
import TributaryWire

/// The numeric functions: ABS, CEIL / CEILING, FLOOR, EXP, LN, LOG10, MOD, POWER and STEP on integers. FLOOR and
/// CEIL with a time unit and STEP with an interval are datetime functions and are dispatched from here by shape.
enum NumericFunctions {
    static let entries: [String: ScalarFunctionLibrary.Entry] = [
        "ABS": .init(arity: 1...1, resolve: abs),
        "CEIL": .init(arity: 1...2) { rounding($0, up: true) },
        "CEILING": .init(arity: 1...2) { rounding($0, up: true) },
        "FLOOR": .init(arity: 1...2) { rounding($0, up: false) },
        "EXP": .init(arity: 1...1) { real($0, "EXP") { Foundation.exp($0) } },
        "LN": .init(arity: 1...1) { real($0, "LN", logarithm(Foundation.log)) },
        "LOG10": .init(arity: 1...1) { real($0, "LOG10", logarithm(Foundation.log10)) },
        "POWER": .init(arity: 2...2, resolve: power),
        "MOD": .init(arity: 2...2, resolve: mod),
        "STEP": .init(arity: 2...2, resolve: step),
    ]

    // MARK: ABS

    private static func abs(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let type) = arguments[0], type.acceptsNumeric || type.isInterval else { return nil }
        return .nullPropagating(type == .unknown ? .integer : type) { values, _ in
            switch values[0] {
            case .integer(let value):
                guard value != .min else { throw SQLEvaluationError("ABS: BIGINT overflow") }
                return .integer(Swift.abs(value))
            case .decimal(let value): return .decimal(value < 0 ? -value : value)
            case .double(let value): return .double(Swift.abs(value))
            case .intervalDayTime(let value):
                guard value != .min else { throw SQLEvaluationError("ABS: interval overflow") }
                return .intervalDayTime(milliseconds: Swift.abs(value))
            case .intervalYearMonth(let value):
                guard value != .min else { throw SQLEvaluationError("ABS: interval overflow") }
                return .intervalYearMonth(months: Swift.abs(value))
            default: throw SQLEvaluationError("ABS: expected a numeric or interval argument")
            }
        }
    }

    // MARK: CEIL and FLOOR

    private static func rounding(_ arguments: [FunctionArgument], up: Bool) -> ScalarFunction? {
        if arguments.count == 2 { return DateTimeFunctions.truncation(arguments, up: up) }
        guard case .value(let type) = arguments[0], type.acceptsNumeric else { return nil }
        var resultType = type
        if case .decimal(let precision, _) = type { resultType = .decimal(precision: precision, scale: 0) }
        if type == .unknown { resultType = .integer }
        return .nullPropagating(resultType) { values, _ in
            switch values[0] {
            case .integer: return values[0]
            case .decimal(var value):
                var rounded = Decimal()
                NSDecimalRound(&rounded, &value, 0, up ? .up : .down)
                return .decimal(rounded)
            case .double(let value): return .double(up ? value.rounded(.up) : value.rounded(.down))
            default: throw SQLEvaluationError("\(up ? "CEIL" : "FLOOR"): expected a numeric argument")
            }
        }
    }

    // MARK: EXP, LN, LOG10, POWER

    /// A DOUBLE-valued function of one numeric argument.
    private static func real(_ arguments: [FunctionArgument], _ name: String,
                             _ body: @escaping @Sendable (Double) throws(SQLEvaluationError) -> Double)
        -> ScalarFunction? {
        guard case .value(let type) = arguments[0], type.acceptsNumeric else { return nil }
        return .nullPropagating(.double) { values, _ in .double(try body(try values[0].doubleOperand(name))) }
    }

    /// A logarithm that rejects zero and negative arguments, as the reference requires.
    private static func logarithm(_ function: @escaping @Sendable (Double) -> Double)
        -> @Sendable (Double) throws(SQLEvaluationError) -> Double {
        { (value: Double) throws(SQLEvaluationError) -> Double in
            guard value > 0 else { throw SQLEvaluationError("Cannot take logarithm of zero or negative number") }
            return function(value)
        }
    }

    private static func power(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let base) = arguments[0], base.acceptsNumeric,
              case .value(let exponent) = arguments[1], exponent.acceptsNumeric else { return nil }
        return .nullPropagating(.double) { values, _ in
            let base = try values[0].doubleOperand("POWER")
            let exponent = try values[1].doubleOperand("POWER")
            if base == 0, exponent < 0 {
                throw SQLEvaluationError("POWER: zero raised to a negative power")
            }
            if base < 0, exponent.rounded() != exponent {
                throw SQLEvaluationError("POWER: negative base raised to a non-integer power")
            }
            return .double(Foundation.pow(base, exponent))
        }
    }

    // MARK: MOD

    private static func mod(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let dividend) = arguments[0], dividend.acceptsInteger,
              case .value(let divisor) = arguments[1], divisor.acceptsInteger else { return nil }
        let resultType = divisor == .unknown ? SQLType.integer : divisor
        return .nullPropagating(resultType) { values, _ in
            let dividend = try values[0].integerOperand("MOD")
            let divisor = try values[1].integerOperand("MOD")
            guard divisor != 0 else { throw SQLEvaluationError("/ by zero") }
            let remainder = divisor == -1 ? 0 : dividend % divisor
            return resultType.isInteger ? .integer(remainder) : .decimal(Decimal(remainder))
        }
    }

    // MARK: STEP

    private static func step(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let value) = arguments[0], case .value(let width) = arguments[1] else { return nil }
        if value.isDatetime || width.isInterval { return DateTimeFunctions.step(value, width) }
        guard value.acceptsInteger, width.acceptsInteger else { return nil }
        let resultType = value == .unknown ? SQLType.integer : value
        return .nullPropagating(resultType) { values, _ in
            let value = try values[0].integerOperand("STEP")
            let width = try values[1].integerOperand("STEP")
            guard width != 0 else { throw SQLEvaluationError("/ by zero") }
            guard width != .min else { throw SQLEvaluationError("STEP: width out of range") }
            let multiple = try floorToMultiple(value, Swift.abs(width))
            return resultType.isInteger ? .integer(multiple) : .decimal(Decimal(multiple))
        }
    }

    /// The largest multiple of `width` (> 0) that is not above `value`.
    static func floorToMultiple(_ value: Int64, _ width: Int64) throws(SQLEvaluationError) -> Int64 {
        let (multiple, overflow) = CivilCalendar.floorDivide(value, width).multipliedReportingOverflow(by: width)
        guard !overflow else { throw SQLEvaluationError("STEP: value out of range") }
        return multiple
    }
}
