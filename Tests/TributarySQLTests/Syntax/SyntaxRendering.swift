@testable import TributarySQL

/// Renders parsed expressions and queries as compact prefix text without positions, so tests can state the
/// expected tree structure in one line.
enum SyntaxRendering {
    static func render(_ expression: Expression) -> String {
        switch expression {
        case .literal(let value, _):
            return render(value)
        case .column(let qualifier, let name):
            return (qualifier.map { $0.name + "." } ?? "") + name.name
        case .unary(let operation, let operand, _):
            return "(\(operation) \(render(operand)))"
        case .binary(let operation, let left, let right, _):
            return "(\(operation) \(render(left)) \(render(right)))"
        case .isNull(let operand, let negated, _):
            return "(\(negated ? "isNotNull" : "isNull") \(render(operand)))"
        case .between(let operand, let low, let high, let negated, _):
            return "(\(negated ? "notBetween" : "between") \(render(operand)) \(render(low)) \(render(high)))"
        case .like(let operand, let pattern, let escape, let negated, _):
            return "(\(negated ? "notLike" : "like") \(render(operand)) \(render(pattern))"
                + (escape.map { " escape " + render($0) } ?? "") + ")"
        case .similarTo(let operand, let pattern, let escape, let negated, _):
            return "(\(negated ? "notSimilar" : "similar") \(render(operand)) \(render(pattern))"
                + (escape.map { " escape " + render($0) } ?? "") + ")"
        case .inList(let operand, let list, let negated, _):
            return "(\(negated ? "notIn" : "in") \(render(operand)) [\(list.map(render).joined(separator: " "))])"
        case .caseWhen(let operand, let branches, let otherwise, _):
            let parts = branches.map { "when \(render($0.when)) then \(render($0.then))" }
            return "(case" + (operand.map { " " + render($0) } ?? "") + " " + parts.joined(separator: " ")
                + (otherwise.map { " else " + render($0) } ?? "") + ")"
        case .cast(let operand, let type, _):
            return "(cast \(render(operand)) \(type.sqlText))"
        case .call(let call):
            var text = call.name + "(" + (call.isDistinct ? "distinct " : "") + (call.isStar ? "*" : "")
                + call.arguments.map(render).joined(separator: ", ") + ")"
            if let over = call.over {
                text += " over " + render(over)
            }
            return text
        case .keyword(let word, _):
            return "#" + word
        }
    }

    static func render(_ value: SQLValue) -> String {
        switch value {
        case .null: "NULL"
        case .boolean(let flag): flag ? "TRUE" : "FALSE"
        case .integer(let integer): "\(integer)"
        case .decimal(let decimal): "\(decimal)d"
        case .double(let double): "\(double)e"
        case .string(let string): "'\(string)'"
        case .binary(let bytes): "X'" + bytes.map { String($0, radix: 16) }.joined() + "'"
        case .date(let days): "date(\(days))"
        case .time(let milliseconds): "time(\(milliseconds))"
        case .timestamp(let milliseconds): "timestamp(\(milliseconds))"
        case .intervalDayTime(let milliseconds): "interval(\(milliseconds)ms)"
        case .intervalYearMonth(let months): "interval(\(months)mo)"
        }
    }

    static func render(_ window: WindowSpecification) -> String {
        var parts: [String] = []
        if let reference = window.reference { parts.append(reference.name) }
        if !window.partitionBy.isEmpty {
            parts.append("partition " + window.partitionBy.map(render).joined(separator: ", "))
        }
        if !window.orderBy.isEmpty {
            parts.append("order " + window.orderBy.map { render($0.expression) + ($0.descending ? " desc" : "") }
                .joined(separator: ", "))
        }
        switch window.frame {
        case .range(let size): parts.append("range " + render(size))
        case .rows(let count): parts.append("rows \(count)")
        case .unbounded: parts.append("unbounded")
        case nil: break
        }
        return "[" + parts.joined(separator: "; ") + "]"
    }

    static func render(_ table: TableExpression) -> String {
        switch table {
        case .named(let name, let alias, let window):
            return name.name + (window.map { " over " + render($0) } ?? "") + (alias.map { " as " + $0.name } ?? "")
        case .subquery(_, let alias, _):
            return "(subquery)" + (alias.map { " as " + $0.name } ?? "")
        case .join(let kind, let left, let right, let condition, _):
            return "(\(kind) \(render(left)) \(render(right))" + (condition.map { " on " + render($0) } ?? "") + ")"
        }
    }
}
