/// The aggregate functions of the dialect, as the binder sees them: which names are aggregates, what type each
/// returns for an argument type, and how to make its accumulators.
///
/// Result types:
/// - COUNT is BIGINT (0 for an empty set).
/// - SUM is BIGINT for integer arguments (a wider type than the argument so window sums do not overflow INTEGER),
///   DECIMAL(19, s) for DECIMAL(p, s), REAL for REAL, DOUBLE for DOUBLE.
/// - AVG keeps the argument's type, as Calcite (the SQL engine family behind the reference) does: the average of
///   INTEGER values is an INTEGER truncated toward zero, of DECIMAL(p, s) a DECIMAL(p, s), of REAL a REAL.
/// - MIN, MAX, FIRST_VALUE and LAST_VALUE keep the argument's type.
/// - VAR_POP, VAR_SAMP (VARIANCE), STDDEV_POP and STDDEV_SAMP (STDDEV, STD_DEV) are REAL for REAL arguments and
///   DOUBLE for every other numeric type.
package enum AggregateLibrary {
    private static let names: Set<String> = [
        "COUNT", "SUM", "AVG", "MIN", "MAX", "FIRST_VALUE", "LAST_VALUE", "STDDEV_POP", "STDDEV_SAMP", "STDDEV",
        "STD_DEV", "VAR_POP", "VAR_SAMP", "VARIANCE",
    ]

    /// Whether `name` (any case) is an aggregate function.
    package static func isAggregate(_ name: String) -> Bool {
        names.contains(name.uppercased())
    }

    /// Resolves `name([DISTINCT] argument)` or `COUNT(*)` (`isStar`, no argument type). `ignoresNulls` is
    /// FIRST_VALUE/LAST_VALUE's `IGNORE NULLS`. DISTINCT applies to COUNT, SUM, AVG and the variances (in sliding
    /// windows too); on MIN and MAX it changes nothing; FIRST_VALUE and LAST_VALUE reject it.
    package static func resolve(name: String, argumentType: SQLType?, isDistinct: Bool, isStar: Bool,
                               ignoresNulls: Bool = false) throws(SQLTypeError) -> AggregateFunction {
        let function = name.uppercased()
        guard names.contains(function) else { throw SQLTypeError("No match found for function signature \(name)") }
        if isStar {
            guard function == "COUNT", !isDistinct else {
                throw SQLTypeError("Only COUNT accepts * as its argument")
            }
            return AggregateFunction(resultType: .bigint) { CountAccumulator() }
        }
        guard let argumentType else {
            throw SQLTypeError("Invalid number of arguments to function '\(function)'. Was expecting 1 arguments")
        }
        let resolved = try undistinct(function, argumentType, ignoresNulls: ignoresNulls)
        guard isDistinct, !["MIN", "MAX"].contains(function) else { return resolved }
        guard !["FIRST_VALUE", "LAST_VALUE"].contains(function) else {
            throw SQLTypeError("DISTINCT is not allowed in \(function)")
        }
        let makeInner = resolved.makeAccumulator
        return AggregateFunction(resultType: resolved.resultType) { DistinctAccumulator(inner: makeInner()) }
    }

    private static func undistinct(_ function: String, _ argument: SQLType,
                                   ignoresNulls: Bool) throws(SQLTypeError) -> AggregateFunction {
        switch function {
        case "COUNT":
            return AggregateFunction(resultType: .bigint) { CountAccumulator() }
        case "MIN", "MAX":
            guard argument != .unknown else { throw cannotApply(function, argument, "COMPARABLE_TYPE") }
            let isMaximum = function == "MAX"
            return AggregateFunction(resultType: argument) { ExtremumAccumulator(isMaximum: isMaximum) }
        case "FIRST_VALUE":
            return AggregateFunction(resultType: argument) { FirstValueAccumulator(ignoresNulls: ignoresNulls) }
        case "LAST_VALUE":
            return AggregateFunction(resultType: argument) { LastValueAccumulator(ignoresNulls: ignoresNulls) }
        default:
            break
        }
        guard argument.isNumeric else { throw cannotApply(function, argument, "NUMERIC") }
        switch function {
        case "SUM":
            let type: SQLType
            switch argument {
            case _ where argument.isInteger: type = .bigint
            case .decimal(_, let scale): type = .decimal(precision: SQLTypeRules.maximumDecimalPrecision, scale: scale)
            default: type = argument
            }
            return AggregateFunction(resultType: type) { SumAccumulator(resultType: type) }
        case "AVG":
            return AggregateFunction(resultType: argument) { AverageAccumulator(resultType: argument) }
        default:
            let kind: VarianceAccumulator.Kind
            switch function {
            case "VAR_POP": kind = .populationVariance
            case "VAR_SAMP", "VARIANCE": kind = .sampleVariance
            case "STDDEV_POP": kind = .populationDeviation
            default: kind = .sampleDeviation
            }
            let type: SQLType = argument == .real ? .real : .double
            return AggregateFunction(resultType: type) { VarianceAccumulator(kind: kind, resultType: type) }
        }
    }

    private static func cannotApply(_ function: String, _ argument: SQLType, _ form: String) -> SQLTypeError {
        SQLTypeError("Cannot apply '\(function)' to arguments of type '\(function)(<\(argument.sqlText)>)'. "
            + "Supported form(s): '\(function)(<\(form)>)'")
    }
}
