/// One top-level statement of application code. Code is a sequence of these separated by semicolons.
public enum Statement: Equatable, Sendable {
    /// `CREATE [OR REPLACE] STREAM name (column type, ...) [DESCRIPTION '...']`: an in-application stream.
    case createStream(CreateStream)
    /// `CREATE [OR REPLACE] PUMP name [STOPPED] AS INSERT INTO stream [(columns)] SELECT STREAM ...`: a continuous
    /// query writing into an in-application stream.
    case createPump(CreatePump)
}

/// `CREATE [OR REPLACE] STREAM`.
public struct CreateStream: Equatable, Sendable {
    package var name: Identifier
    package var orReplace: Bool
    package var columns: [ColumnDefinition]
    package var position: SourcePosition

    package init(name: Identifier, orReplace: Bool, columns: [ColumnDefinition], position: SourcePosition) {
        self.name = name
        self.orReplace = orReplace
        self.columns = columns
        self.position = position
    }
}

/// A column of CREATE STREAM: its name and type (`NOT NULL` is accepted and recorded).
public struct ColumnDefinition: Equatable, Sendable {
    package var name: Identifier
    package var type: SQLType
    package var notNull: Bool

    package init(name: Identifier, type: SQLType, notNull: Bool = false) {
        self.name = name
        self.type = type
        self.notNull = notNull
    }
}

/// `CREATE [OR REPLACE] PUMP name AS INSERT INTO target [(columns)] query`.
public struct CreatePump: Equatable, Sendable {
    package var name: Identifier
    package var orReplace: Bool
    package var target: Identifier
    /// The target's columns named in the INSERT, or nil for all of them in order.
    package var targetColumns: [Identifier]?
    package var query: Query
    package var position: SourcePosition

    package init(name: Identifier, orReplace: Bool, target: Identifier, targetColumns: [Identifier]?, query: Query,
                position: SourcePosition) {
        self.name = name
        self.orReplace = orReplace
        self.target = target
        self.targetColumns = targetColumns
        self.query = query
        self.position = position
    }
}
