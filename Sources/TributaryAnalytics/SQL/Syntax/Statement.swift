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
    public var name: Identifier
    public var orReplace: Bool
    public var columns: [ColumnDefinition]
    public var position: SourcePosition

    public init(name: Identifier, orReplace: Bool, columns: [ColumnDefinition], position: SourcePosition) {
        self.name = name
        self.orReplace = orReplace
        self.columns = columns
        self.position = position
    }
}

/// A column of CREATE STREAM: its name and type (`NOT NULL` is accepted and recorded).
public struct ColumnDefinition: Equatable, Sendable {
    public var name: Identifier
    public var type: SQLType
    public var notNull: Bool

    public init(name: Identifier, type: SQLType, notNull: Bool = false) {
        self.name = name
        self.type = type
        self.notNull = notNull
    }
}

/// `CREATE [OR REPLACE] PUMP name AS INSERT INTO target [(columns)] query`.
public struct CreatePump: Equatable, Sendable {
    public var name: Identifier
    public var orReplace: Bool
    public var target: Identifier
    /// The target's columns named in the INSERT, or nil for all of them in order.
    public var targetColumns: [Identifier]?
    public var query: Query
    public var position: SourcePosition

    public init(name: Identifier, orReplace: Bool, target: Identifier, targetColumns: [Identifier]?, query: Query,
                position: SourcePosition) {
        self.name = name
        self.orReplace = orReplace
        self.target = target
        self.targetColumns = targetColumns
        self.query = query
        self.position = position
    }
}
