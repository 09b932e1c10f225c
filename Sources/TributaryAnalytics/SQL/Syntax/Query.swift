/// A query: one SELECT, or several combined with UNION ALL (streams merge in ROWTIME order).
public indirect enum Query: Equatable, Sendable {
    case select(Select)
    case unionAll(Query, Query)
}

/// `SELECT [STREAM] [DISTINCT] items FROM source [WHERE] [GROUP BY] [HAVING] [WINDOW ...] [ORDER BY]`.
public struct Select: Equatable, Sendable {
    /// `SELECT STREAM`: the result is a stream (every pump's query is one).
    public var isStream: Bool
    public var isDistinct: Bool
    public var items: [SelectItem]
    public var from: TableExpression
    public var whereClause: Expression?
    public var groupBy: [Expression]
    public var having: Expression?
    /// `WINDOW name AS (...)` definitions, referred to by `OVER name`.
    public var windows: [NamedWindow]
    public var orderBy: [OrderItem]
    public var position: SourcePosition

    public init(isStream: Bool, isDistinct: Bool = false, items: [SelectItem], from: TableExpression,
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
    public var name: Identifier
    public var specification: WindowSpecification

    public init(name: Identifier, specification: WindowSpecification) {
        self.name = name
        self.specification = specification
    }
}

/// The inside of `OVER (...)` or a WINDOW definition.
public struct WindowSpecification: Equatable, Sendable {
    /// `OVER W1` or `OVER (W1 ...)` names a window of the WINDOW clause; nil for an inline one.
    public var reference: Identifier?
    public var partitionBy: [Expression]
    public var orderBy: [OrderItem]
    public var frame: WindowFrame?
    public var position: SourcePosition

    public init(reference: Identifier? = nil, partitionBy: [Expression] = [], orderBy: [OrderItem] = [],
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
    public var expression: Expression
    public var descending: Bool

    public init(expression: Expression, descending: Bool = false) {
        self.expression = expression
        self.descending = descending
    }
}
