/// A type mismatch found while binding: an operator applied to operands it does not accept, branches with no
/// common type, an aggregate over the wrong type. The binder reports it at the expression's position, the way
/// Kinesis Data Analytics rejects application code (its messages follow Calcite's wording).
package struct SQLTypeError: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
