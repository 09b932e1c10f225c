/// The arithmetic operators, whose meaning depends on the operands' types (see `JQArithmetic`).
enum JQArithmeticOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}
