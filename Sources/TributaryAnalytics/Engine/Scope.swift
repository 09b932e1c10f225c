import TributarySQL

/// The columns an expression may name, with where each sits in the row it is evaluated over. Built for a FROM
/// clause (one relation, or the concatenation of a join's two sides), for the rows of an aggregate, and for
/// subqueries; resolves `name` and `qualifier.name` with SQL's rules (ambiguity is an error).
struct Scope {
    struct Column {
        /// The relation's alias or name; nil for a computed row (an aggregate's output).
        var qualifier: String?
        var name: String
        var type: SQLType
        var index: Int
    }

    var columns: [Column]

    /// The columns of a stream relation: ROWTIME at 0, then its columns.
    static func stream(_ qualifier: String, columns: [ColumnDescription], offset: Int = 0) -> Scope {
        var scope = [Column(qualifier: qualifier, name: "ROWTIME", type: .timestamp, index: offset)]
        for (i, column) in columns.enumerated() {
            scope.append(Column(qualifier: qualifier, name: column.name, type: column.type, index: offset + 1 + i))
        }
        return Scope(columns: scope)
    }

    /// The columns of a reference table (no ROWTIME).
    static func table(_ qualifier: String, columns: [ColumnDescription], offset: Int = 0) -> Scope {
        Scope(columns: columns.enumerated().map {
            Column(qualifier: qualifier, name: $0.element.name, type: $0.element.type, index: offset + $0.offset)
        })
    }

    /// The width of the rows this scope reads.
    var width: Int { (columns.map(\.index).max() ?? -1) + 1 }

    func resolve(qualifier: Identifier?, name: Identifier) throws(CodeValidationError) -> Column {
        if let qualifier {
            let inRelation = columns.filter { $0.qualifier == qualifier.name }
            guard !inRelation.isEmpty else {
                throw CodeValidationError("Table '\(qualifier.name)' not found", at: qualifier.position)
            }
            guard let column = inRelation.first(where: { $0.name == name.name }) else {
                throw CodeValidationError("Column '\(name.name)' not found in table '\(qualifier.name)'",
                                          at: name.position)
            }
            return column
        }
        let matches = columns.filter { $0.name == name.name }
        guard let column = matches.first else {
            throw CodeValidationError("Column '\(name.name)' not found in any table", at: name.position)
        }
        // ROWTIME of a join is the stream side's: the first one.
        if matches.count > 1 && name.name != "ROWTIME" {
            throw CodeValidationError("Column '\(name.name)' is ambiguous", at: name.position)
        }
        return column
    }

    /// Columns of `qualifier` (or all) for `*`, without ROWTIME as SQL's star does.
    func star(_ qualifier: Identifier?) throws(CodeValidationError) -> [Column] {
        let chosen = columns.filter { column in
            column.name != "ROWTIME" && (qualifier == nil || column.qualifier == qualifier!.name)
        }
        if let qualifier, !columns.contains(where: { $0.qualifier == qualifier.name }) {
            throw CodeValidationError("Table '\(qualifier.name)' not found", at: qualifier.position)
        }
        return chosen
    }

    func appending(_ other: Scope) -> Scope {
        Scope(columns: columns + other.columns)
    }
}
