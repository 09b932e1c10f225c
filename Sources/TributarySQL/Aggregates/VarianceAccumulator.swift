/// VAR_POP, VAR_SAMP, STDDEV_POP and STDDEV_SAMP. NULL for an empty set, and for one value in the sample forms;
/// NaN when an infinite or NaN value is held.
///
/// Numerically careful: Welford's running mean and sum of squared deviations (unlike the textbook
/// `SUM(x*x) - SUM(x)*SUM(x)/COUNT(x)`, it does not cancel catastrophically), over values shifted by a reference
/// close to their mean so a large mean costs no precision. Removing a value reverses Welford's step; since reversed
/// steps accumulate rounding, the state is recomputed in two exact passes over the values held (kept as a multiset,
/// which also lets DISTINCT remove values out of arrival order) once as many values have been removed as remain.
/// That keeps add and remove O(1) amortized and the error bounded.
final class VarianceAccumulator: AggregateAccumulator {
    enum Kind {
        case populationVariance, sampleVariance, populationDeviation, sampleDeviation
    }

    private let kind: Kind
    private let resultType: SQLType
    private var held: [Double: Int] = [:]
    private var count = 0
    private var nonFiniteCount = 0
    private var shift = 0.0
    /// Mean of the shifted values `x - shift`.
    private var mean = 0.0
    private var squaredDeviations = 0.0
    private var removalsSinceRebuild = 0

    init(kind: Kind, resultType: SQLType) {
        self.kind = kind
        self.resultType = resultType
    }

    func add(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        guard let x = value.doubleValue else { throw NumericSum.notANumber(value, "Variance") }
        guard x.isFinite else {
            nonFiniteCount += 1
            return
        }
        if count == 0 { shift = x }
        held[x, default: 0] += 1
        count += 1
        let y = x - shift
        let delta = y - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (y - mean)
    }

    func removeOldest(_ value: SQLValue) throws(SQLEvaluationError) {
        if value.isNull { return }
        guard let x = value.doubleValue else { throw NumericSum.notANumber(value, "Variance") }
        guard x.isFinite else {
            nonFiniteCount = max(0, nonFiniteCount - 1)
            return
        }
        guard let copies = held[x] else { return }
        held[x] = copies == 1 ? nil : copies - 1
        count -= 1
        removalsSinceRebuild += 1
        if removalsSinceRebuild >= count {
            rebuild()
            return
        }
        let y = x - shift
        let delta = y - mean
        mean -= delta / Double(count)
        squaredDeviations = max(0, squaredDeviations - delta * (y - mean))
    }

    /// Two passes over the held values: an exact-as-possible mean becomes the new shift, then the squared
    /// deviations from it.
    private func rebuild() {
        removalsSinceRebuild = 0
        mean = 0
        squaredDeviations = 0
        guard count > 0 else { return }
        var sum = 0.0
        var compensation = 0.0
        for (x, copies) in held {
            let term = x * Double(copies)
            let total = sum + term
            compensation += sum.magnitude >= term.magnitude ? (sum - total) + term : (term - total) + sum
            sum = total
        }
        shift = (sum + compensation) / Double(count)
        var shiftedSum = 0.0
        for (x, copies) in held {
            let y = x - shift
            shiftedSum += y * Double(copies)
            squaredDeviations += y * y * Double(copies)
        }
        mean = shiftedSum / Double(count)
        squaredDeviations = max(0, squaredDeviations - shiftedSum * mean)
    }

    var result: SQLValue {
        let total = count + nonFiniteCount
        let denominator: Int
        switch kind {
        case .populationVariance, .populationDeviation:
            guard total > 0 else { return .null }
            denominator = total
        case .sampleVariance, .sampleDeviation:
            guard total > 1 else { return .null }
            denominator = total - 1
        }
        let variance = nonFiniteCount > 0 ? Double.nan : squaredDeviations / Double(denominator)
        let value = (kind == .populationDeviation || kind == .sampleDeviation) ? variance.squareRoot() : variance
        return resultType == .real ? .double(Double(Float(value))) : .double(value)
    }
}
