/// A row-level failure while computing an expression (division by zero, a value that does not cast, a bad
/// format pattern). The runtime sends the row to `error_stream` with this message instead of stopping the pump.
package struct SQLEvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
