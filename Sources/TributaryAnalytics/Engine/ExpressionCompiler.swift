import Foundation
import TributarySQL

/// Binds expressions of a query against a scope and compiles them into `CompiledExpression`s, checking types the way
/// the reference describes (an operator on types it does not take is a compile error, not a row error).
///
/// `substitute` lets an enclosing context take over sub-expressions before the normal rules: an aggregate query maps
/// its GROUP BY expressions and aggregate calls to slots of the aggregated row, a windowed query maps `… OVER w`
/// calls to the window's results. Without it, an aggregate call is an error (it is in WHERE, or not allowed there).
struct ExpressionCompiler {
    var scope: Scope
    var substitute: ((TributarySQL.Expression) throws(CodeValidationError) -> CompiledExpression?)?
    /// The clause being compiled, for "Aggregate expression is illegal in WHERE clause".
    var clause = "SELECT"

    func compile(_ expression: TributarySQL.Expression) throws(CodeValidationError) -> CompiledExpression {
        if let substitute, let replaced = try substitute(expression) { return replaced }
        switch expression {
        case .literal(let value, _):
            return .literal(value, type: Self.literalType(value))
        case .column(let qualifier, let name):
            let column = try scope.resolve(qualifier: qualifier, name: name)
            return .column(column.index, type: column.type)
        case .unary(let op, let operand, let position):
            return try unary(op, compile(operand), at: position)
        case .binary(let op, let left, let right, let position):
            return try binary(op, compile(left), compile(right), at: position)
        case .isNull(let operand, let negated, _):
            let value = try compile(operand)
            return CompiledExpression(type: .boolean) { row, context in
                .boolean(try value.evaluate(row, context).isNull != negated)
            }
        case .between(let operand, let low, let high, let negated, let position):
            return try between(compile(operand), compile(low), compile(high), negated: negated, at: position)
        case .like(let operand, let pattern, let escape, let negated, let position):
            return try like(compile(operand), compile(pattern), escape.map { e throws(CodeValidationError) in try compile(e) },
                            negated: negated, similar: false, at: position)
        case .similarTo(let operand, let pattern, let escape, let negated, let position):
            return try like(compile(operand), compile(pattern), escape.map { e throws(CodeValidationError) in try compile(e) },
                            negated: negated, similar: true, at: position)
        case .inList(let operand, let list, let negated, let position):
            return try inList(compile(operand), list.map { e throws(CodeValidationError) in try compile(e) },
                              negated: negated, at: position)
        case .caseWhen(let operand, let branches, let otherwise, let position):
            return try caseWhen(operand, branches, otherwise, at: position)
        case .cast(let operand, let type, let position):
            return try cast(compile(operand), to: type, at: position)
        case .call(let call):
            return try self.call(call)
        case .keyword(let word, let position):
            throw CodeValidationError("Unexpected keyword \(word)", at: position)
        }
    }

    /// The type SQL gives a literal.
    static func literalType(_ value: SQLValue) -> SQLType {
        switch value {
        case .null: return .unknown
        case .boolean: return .boolean
        case .integer(let number): return Int32(exactly: number) == nil ? .bigint : .integer
        case .decimal(let number):
            let text = "\(number)"
            let digits = text.filter(\.isNumber).count
            let scale = text.split(separator: ".").dropFirst().first?.count ?? 0
            return .decimal(precision: max(digits, 1), scale: scale)
        case .double: return .double
        case .string(let text): return .char(length: max(text.count, 1))
        case .binary(let bytes): return .varbinary(length: max(bytes.count, 1))
        case .date: return .date
        case .time: return .time
        case .timestamp: return .timestamp
        case .intervalDayTime: return .intervalDayTime
        case .intervalYearMonth: return .intervalYearMonth
        }
    }
}
