/// The comparison operators, all by jq's total order of values (`JQValue.compare`).
enum JQComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}
