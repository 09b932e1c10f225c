/// The forms of a jq expression after parsing. Each comment shows the syntax it comes from.
///
/// Variables are resolved while parsing: `$name` becomes the index (`slot`) of its binding in the run's list of
/// bound values, so an undefined variable is a syntax error and lookup costs nothing at run time.
enum JQNodeKind: Sendable {
    /// `.`
    case identity
    /// `1`, `true`, `null`, and strings without interpolation.
    case literal(JQValue)
    /// `"a \(e) b"`, or `@format "a \(e) b"` (the format applies to each interpolated value).
    case string(parts: [JQStringPart], format: JQFormat?)
    /// `@format` alone: the format applied to `.`.
    case format(JQFormat)
    /// `t.name`, `t."name"`, `t[k]`: `key` runs against the input of the whole expression, not against `t`.
    /// `isOptional` (`t.name?`, `t[k]?`) drops the error of this indexing only, as jq 1.6's `INDEX_OPT`.
    case index(target: JQNode, key: JQNode, isOptional: Bool)
    /// `t[from:to]`, either bound optional; `t[from:to]?` drops the error of this slicing only.
    case slice(target: JQNode, from: JQNode?, to: JQNode?, isOptional: Bool)
    /// `t[]`; `t[]?` drops the error of this iteration only.
    case iterate(target: JQNode, isOptional: Bool)
    /// `try body`, `try body catch handler`, and `body?` after anything but a path (a `try` with no handler).
    case attempt(body: JQNode, handler: JQNode?)
    /// `left | right`
    case pipe(JQNode, JQNode)
    /// `a, b, c`: every output of each, in turn (a flat list, so a long literal array is not a deep tree).
    case comma([JQNode])
    /// `-operand`
    case negate(JQNode)
    /// `left + right` and the other arithmetic operators.
    case arithmetic(JQArithmeticOperator, JQNode, JQNode)
    /// `left == right` and the other comparisons.
    case comparison(JQComparisonOperator, JQNode, JQNode)
    /// `left and right`
    case and(JQNode, JQNode)
    /// `left or right`
    case or(JQNode, JQNode)
    /// `left // right`
    case alternative(JQNode, JQNode)
    /// `if condition then yes elif … else no end` (each `elif` is a nested conditional in `no`).
    case conditional(condition: JQNode, yes: JQNode, no: JQNode)
    /// `source as $name | body`
    case bind(source: JQNode, slot: Int, body: JQNode)
    /// `$name`
    case variable(slot: Int)
    /// `reduce source as $name (initial; update)`
    case reduce(source: JQNode, slot: Int, initial: JQNode, update: JQNode)
    /// `[body]`, or `[]` when nil.
    case collect(JQNode?)
    /// `{key: value, …}` with shorthands expanded (`{a}` is `{"a": .a}`, `{$x}` is `{"x": $x}`).
    case object([(key: JQNode, value: JQNode)])
    /// `name` or `name(argument; …)`.
    case call(JQBuiltin, [JQNode])

    var children: [JQNode] {
        switch self {
        case .identity, .literal, .format, .variable, .collect(nil): []
        case .string(let parts, _):
            parts.compactMap { part in
                if case .interpolation(let node) = part { return node }
                return nil
            }
        case .index(let target, let key, _): [target, key]
        case .slice(let target, let from, let to, _): [target] + [from, to].compactMap { $0 }
        case .iterate(let target, _): [target]
        case .attempt(let body, let handler): [body] + [handler].compactMap { $0 }
        case .comma(let items): items
        case .pipe(let left, let right), .arithmetic(_, let left, let right),
             .comparison(_, let left, let right), .and(let left, let right), .or(let left, let right),
             .alternative(let left, let right):
            [left, right]
        case .negate(let operand): [operand]
        case .conditional(let condition, let yes, let no): [condition, yes, no]
        case .bind(let source, _, let body): [source, body]
        case .reduce(let source, _, let initial, let update): [source, initial, update]
        case .collect(let body?): [body]
        case .object(let entries): entries.flatMap { [$0.key, $0.value] }
        case .call(_, let arguments): arguments
        }
    }
}
