import TributarySQL

/// A position-free text form of an expression with its columns resolved to row slots, so `FLOOR(s.ROWTIME TO
/// MINUTE)` in SELECT matches `FLOOR(ROWTIME TO MINUTE)` in GROUP BY. Nil when a column does not resolve.
enum ExpressionKey {
    static func of(_ expression: Expression, in scope: Scope) -> String? {
        func key(_ e: Expression) -> String? { of(e, in: scope) }
        func keys(_ list: [Expression]) -> String? {
            var parts: [String] = []
            for e in list { guard let k = key(e) else { return nil }; parts.append(k) }
            return parts.joined(separator: ",")
        }
        switch expression {
        case .literal(let value, _):
            return "L(\(value))"
        case .column(let qualifier, let name):
            guard let column = try? scope.resolve(qualifier: qualifier, name: name) else { return nil }
            return "C\(column.index)"
        case .unary(let op, let operand, _):
            return key(operand).map { "U\(op)(\($0))" }
        case .binary(let op, let left, let right, _):
            guard let l = key(left), let r = key(right) else { return nil }
            return "B\(op)(\(l),\(r))"
        case .isNull(let operand, let negated, _):
            return key(operand).map { "N\(negated)(\($0))" }
        case .between(let operand, let low, let high, let negated, _):
            return keys([operand, low, high]).map { "BW\(negated)(\($0))" }
        case .like(let operand, let pattern, let escape, let negated, _):
            return keys([operand, pattern] + (escape.map { [$0] } ?? [])).map { "LK\(negated)(\($0))" }
        case .similarTo(let operand, let pattern, let escape, let negated, _):
            return keys([operand, pattern] + (escape.map { [$0] } ?? [])).map { "SM\(negated)(\($0))" }
        case .inList(let operand, let list, let negated, _):
            return keys([operand] + list).map { "IN\(negated)(\($0))" }
        case .caseWhen(let operand, let branches, let otherwise, _):
            var parts = [operand.flatMap(key) ?? "-"]
            for branch in branches {
                guard let w = key(branch.when), let t = key(branch.then) else { return nil }
                parts.append("\(w)=>\(t)")
            }
            parts.append(otherwise.flatMap(key) ?? "-")
            return "CASE(\(parts.joined(separator: ";")))"
        case .cast(let operand, let type, _):
            return key(operand).map { "CAST(\($0) AS \(type.sqlText))" }
        case .call(let call):
            guard call.over == nil, let args = keys(call.arguments) else { return nil }
            return "F\(call.name)\(call.isDistinct ? "D" : "")\(call.isStar ? "*" : "")(\(args))"
        case .keyword(let word, _):
            return "K\(word)"
        }
    }
}
