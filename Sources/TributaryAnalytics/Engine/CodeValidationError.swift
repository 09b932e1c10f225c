import TributarySQL

/// Why application code does not compile: a syntax error, an unknown stream or column, a type error. The control
/// plane answers it as CodeValidationException from CreateApplication, UpdateApplication and AddApplicationInput.
public struct CodeValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition?
    /// Syntax errors already say where they are (`Encountered "FORM" at line 3, column 22`).
    private var messageHasPosition = false

    public init(_ message: String, at position: SourcePosition?) {
        self.message = message
        self.position = position
    }

    /// A parser's error, whose message already names its position.
    init(syntax error: SQLSyntaxError) {
        self.init(error.message, at: error.position)
        messageHasPosition = true
    }

    /// The text sent to the client, pointing at the code (`From line 2, column 8: Column 'X' not found ...`).
    public var description: String {
        guard let position, !messageHasPosition else { return message }
        return "From line \(position.line), column \(position.column): \(message)"
    }
}
