/// A body that is not well-formed for its protocol; the gateway answers SerializationException with `message`.
public struct DocumentDecodingError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
