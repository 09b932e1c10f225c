/// A lexing or parsing failure of application code, with the position of the offending token.
public struct SQLSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String
    package var position: SourcePosition

    package init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "SQL error at \(position): \(message)" }
}
