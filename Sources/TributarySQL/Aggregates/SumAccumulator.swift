/// SUM(x): NULL for an empty set; BIGINT for integer arguments (overflow is an error), DECIMAL(19, s) for
/// DECIMAL(p, s), REAL or DOUBLE for approximate ones.
final class SumAccumulator: AggregateAccumulator {
    private let resultType: SQLType
    private var sum: NumericSum
    private var count: Int64 = 0

    init(resultType: SQLType) {
        self.resultType = resultType
        sum = .zero(for: resultType)
    }

    func add(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        sum = try sum.adding(value, sign: 1, function: "SUM")
        count += 1
    }

    func removeOldest(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        sum = try sum.adding(value, sign: -1, function: "SUM")
        count -= 1
        if count == 0 { sum = .zero(for: resultType) }
    }

    var result: SQLValue {
        guard count > 0 else { return .null }
        switch sum {
        case .integer(let total): return .integer(total)
        case .decimal(let total): return .decimal(total)
        case .double: return resultType == .real ? .double(Double(Float(sum.doubleSum))) : .double(sum.doubleSum)
        }
    }
}
