/// A type mismatch found while binding: an operator applied to operands it does not accept, branches with no
/// common type, an aggregate over the wrong type. The binder reports it at the expression's position, the way
/// Kinesis Data Analytics rejects application code (its messages follow Calcite's wording).
public struct SQLTypeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
