/// A scalar or aggregate expression as written. Special syntaxes of the reference are normalized into `call`s so
/// the binder and the function library see one shape:
/// - `EXTRACT(unit FROM e)` → `EXTRACT(keyword unit, e)`
/// - `FLOOR(e TO unit)` / `CEIL(e TO unit)` → `FLOOR(e, keyword unit)` / `CEIL(e, keyword unit)`
/// - `STEP(e BY interval)` → `STEP(e, interval)`
/// - `POSITION(a IN b [FROM n])` → `POSITION(a, b [, n])`
/// - `SUBSTRING(s FROM a [FOR b])` → `SUBSTRING(s, a [, b])` (the comma form is the same call)
/// - `TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)` → `TRIM(keyword side, chars, s)` with chars `' '` when absent;
///   `TRIM(s)` → `TRIM(keyword BOTH, ' ', s)`
/// - `OVERLAY(s PLACING r FROM a [FOR b])` → `OVERLAY(s, r, a [, b])`
/// - `CURRENT_ROW_TIMESTAMP`, `LOCALTIMESTAMP`, `CURRENT_TIMESTAMP`, `CURRENT_DATE`, `CURRENT_TIME` without
///   parentheses → a call with no arguments
/// - `a || b` is `binary(.concatenate, a, b)`.
public indirect enum Expression: Equatable, Sendable {
    /// A literal: numbers (`.integer`, `.decimal` for `1.5`, `.double` for `1.5E0`), strings, `TRUE`/`FALSE`,
    /// `NULL`, `DATE '…'`, `TIME '…'`, `TIMESTAMP '…'`, `INTERVAL '…' qualifier`, `X'…'`.
    case literal(SQLValue, SourcePosition)
    /// A column, optionally qualified by a stream, table or alias: `price`, `s.price`, `"s"."price"`, `ROWTIME`.
    case column(qualifier: Identifier?, name: Identifier)
    case unary(UnaryOperator, Expression, SourcePosition)
    case binary(BinaryOperator, Expression, Expression, SourcePosition)
    /// `e IS [NOT] NULL`.
    case isNull(Expression, negated: Bool, SourcePosition)
    /// `e [NOT] BETWEEN low AND high`.
    case between(Expression, low: Expression, high: Expression, negated: Bool, SourcePosition)
    /// `e [NOT] LIKE pattern [ESCAPE c]`.
    case like(Expression, pattern: Expression, escape: Expression?, negated: Bool, SourcePosition)
    /// `e [NOT] SIMILAR TO pattern [ESCAPE c]`.
    case similarTo(Expression, pattern: Expression, escape: Expression?, negated: Bool, SourcePosition)
    /// `e [NOT] IN (a, b, ...)`.
    case inList(Expression, [Expression], negated: Bool, SourcePosition)
    /// `CASE [operand] WHEN … THEN … [ELSE …] END`.
    case caseWhen(operand: Expression?, branches: [CaseBranch], otherwise: Expression?, SourcePosition)
    /// `CAST(e AS type)`.
    case cast(Expression, SQLType, SourcePosition)
    /// A function or aggregate call; names are folded like identifiers (`avg` is `AVG`).
    case call(FunctionCall)
    /// A bare keyword argument of a normalized call: a time unit (`MINUTE`) or a TRIM side (`LEADING`).
    case keyword(String, SourcePosition)

    /// Where the expression starts, for messages.
    package var position: SourcePosition {
        switch self {
        case .literal(_, let position), .unary(_, _, let position), .binary(_, _, _, let position),
             .isNull(_, _, let position), .between(_, _, _, _, let position), .like(_, _, _, _, let position),
             .similarTo(_, _, _, _, let position), .inList(_, _, _, let position),
             .caseWhen(_, _, _, let position), .cast(_, _, let position), .keyword(_, let position):
            return position
        case .column(let qualifier, let name):
            return qualifier?.position ?? name.position
        case .call(let call):
            return call.position
        }
    }
}

public enum UnaryOperator: Equatable, Sendable {
    case negate, plus, not
}

public enum BinaryOperator: Equatable, Sendable {
    case add, subtract, multiply, divide, concatenate
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case and, or
}

/// `WHEN condition THEN result` (or `WHEN value THEN result` after a CASE operand).
public struct CaseBranch: Equatable, Sendable {
    package var when: Expression
    package var then: Expression

    package init(when: Expression, then: Expression) {
        self.when = when
        self.then = then
    }
}

/// `NAME([DISTINCT] arguments) [OVER window]`; `COUNT(*)` has `isStar` and no arguments.
public struct FunctionCall: Equatable, Sendable {
    /// The name after case folding (`AVG`); a quoted name keeps its case.
    package var name: String
    package var arguments: [Expression]
    package var isDistinct: Bool
    package var isStar: Bool
    /// `OVER (...)` or `OVER name`: the call is a windowed aggregate.
    package var over: WindowSpecification?
    package var position: SourcePosition

    package init(name: String, arguments: [Expression], isDistinct: Bool = false, isStar: Bool = false,
                over: WindowSpecification? = nil, position: SourcePosition) {
        self.name = name
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.isStar = isStar
        self.over = over
        self.position = position
    }
}
