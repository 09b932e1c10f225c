import Foundation

/// AVG(x) in the argument's type, as Calcite types it: an integer average truncates toward zero, a DECIMAL average
/// rounds to the argument's scale, REAL and DOUBLE averages are floating point. NULL for an empty set.
final class AverageAccumulator: AggregateAccumulator {
    private let resultType: SQLType
    private var sum: NumericSum
    private var count: Int64 = 0

    init(resultType: SQLType) {
        self.resultType = resultType
        sum = .zero(for: resultType)
    }

    func add(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        sum = try sum.adding(value, sign: 1, function: "AVG")
        count += 1
    }

    func removeOldest(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        sum = try sum.adding(value, sign: -1, function: "AVG")
        count -= 1
        if count == 0 { sum = .zero(for: resultType) }
    }

    var result: SQLValue {
        guard count > 0 else { return .null }
        switch sum {
        case .integer(let total):
            return .integer(total / count)
        case .decimal(let total):
            let scale = SQLTypeRules.decimalShape(resultType).scale
            return .decimal(SQLNumericLimits.rounded(total / Decimal(count), scale: scale))
        case .double:
            let average = sum.doubleSum / Double(count)
            return resultType == .real ? .double(Double(Float(average))) : .double(average)
        }
    }
}
