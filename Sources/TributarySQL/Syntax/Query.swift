/// A query: one SELECT, or several combined with UNION ALL (streams merge in ROWTIME order).
public indirect enum Query: Equatable, Sendable {
    case select(Select)
    case unionAll(Query, Query)
}

/// `SELECT [STREAM] [DISTINCT] items FROM source [WHERE] [GROUP BY] [HAVING] [WINDOW ...] [ORDER BY]`.
public struct Select: Equatable, Sendable {
    /// `SELECT STREAM`: the result is a stream (every pump's query is one).
    package var isStream: Bool
    package var isDistinct: Bool
    package var items: [SelectItem]
    package var from: TableExpression
    package var whereClause: Expression?
    package var groupBy: [Expression]
    package var having: Expression?
    /// `WINDOW name AS (...)` definitions, referred to by `OVER name`.
    package var windows: [NamedWindow]
    package var orderBy: [OrderItem]
    package var position: SourcePosition

    package init(isStream: Bool, isDistinct: Bool = false, items: [SelectItem], from: TableExpression,
                whereClause: Expression? = nil, groupBy: [Expression] = [], having: Expression? = nil,
                windows: [NamedWindow] = [], orderBy: [OrderItem] = [], position: SourcePosition) {
        self.isStream = isStream
        self.isDistinct = isDistinct
        self.items = items
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.windows = windows
        self.orderBy = orderBy
        self.position = position
    }
}

/// One entry of the select list.
public enum SelectItem: Equatable, Sendable {
    /// `*` or `alias.*`.
    case all(qualifier: Identifier?, position: SourcePosition)
    /// An expression with an optional `[AS] alias`.
    case expression(Expression, alias: Identifier?)
}

/// What a SELECT reads: a named stream or table, a subquery, or a join of two of them.
public indirect enum TableExpression: Equatable, Sendable {
    /// A stream or reference table by name. `window` is the `OVER (RANGE INTERVAL ... PRECEDING)` written after
    /// a stream's name in a stream-to-stream join.
    case named(name: Identifier, alias: Identifier?, window: WindowSpecification?)
    /// `(SELECT ...) [AS] alias`.
    case subquery(Query, alias: Identifier?, position: SourcePosition)
    /// `left [INNER|LEFT [OUTER]|RIGHT [OUTER]|FULL [OUTER]] JOIN right ON condition`; CROSS JOIN and a comma have
    /// no condition.
    case join(JoinKind, TableExpression, TableExpression, on: Expression?, position: SourcePosition)
}

public enum JoinKind: Equatable, Sendable {
    case inner, left, right, full, cross
}

/// `WINDOW name AS (specification)`.
public struct NamedWindow: Equatable, Sendable {
    package var name: Identifier
    package var specification: WindowSpecification

    package init(name: Identifier, specification: WindowSpecification) {
        self.name = name
        self.specification = specification
    }
}

/// The inside of `OVER (...)` or a WINDOW definition.
public struct WindowSpecification: Equatable, Sendable {
    /// `OVER W1` or `OVER (W1 ...)` names a window of the WINDOW clause; nil for an inline one.
    package var reference: Identifier?
    package var partitionBy: [Expression]
    package var orderBy: [OrderItem]
    package var frame: WindowFrame?
    package var position: SourcePosition

    package init(reference: Identifier? = nil, partitionBy: [Expression] = [], orderBy: [OrderItem] = [],
                frame: WindowFrame? = nil, position: SourcePosition) {
        self.reference = reference
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
        self.position = position
    }
}

/// The extent of a sliding window, always ending at the current row.
public enum WindowFrame: Equatable, Sendable {
    /// `RANGE INTERVAL 'n' unit PRECEDING`: rows whose ROWTIME is within the interval (the expression is an
    /// interval literal).
    case range(Expression)
    /// `ROWS n PRECEDING`: the current row and the n before it.
    case rows(Int)
    /// `RANGE UNBOUNDED PRECEDING` / `ROWS UNBOUNDED PRECEDING`: every row so far.
    case unbounded
}

/// `expression [ASC|DESC]` in ORDER BY.
public struct OrderItem: Equatable, Sendable {
    package var expression: Expression
    package var descending: Bool

    package init(expression: Expression, descending: Bool = false) {
        self.expression = expression
        self.descending = descending
    }
}
