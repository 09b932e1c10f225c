/// The AWS error every service's failures become at the gateway: the `__type` code, the message and the HTTP status.
public struct ServiceError: Error, Sendable, Equatable {
    public var code: String
    public var message: String?
    public var status: Int

    public init(code: String, message: String?, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    /// A body that could not be read as the protocol's format (malformed JSON, wrong member types).
    public static func serialization(_ message: String?) -> ServiceError {
        ServiceError(code: "SerializationException", message: message)
    }

    /// An `X-Amz-Target` that names no operation; AWS sends no message with it.
    public static func unknownOperation() -> ServiceError {
        ServiceError(code: "UnknownOperationException", message: nil)
    }

    public static func internalFailure(_ message: String? = nil) -> ServiceError {
        ServiceError(code: "InternalFailure", message: message, status: 500)
    }

    /// The AWS error body as a document, `{"__type": code, "message": message}` (message omitted when nil), for
    /// whichever body format the request used.
    public var document: Document {
        var members: [String: Document] = ["__type": .string(code)]
        if let message { members["message"] = .string(message) }
        return .object(members)
    }

    /// The AWS JSON error body.
    public func jsonBody() -> [UInt8] {
        JSONDocumentEncoder.encode(document)
    }
}

/// Lets a module keep its own error type and still render as AWS's error at the gateway.
public protocol ServiceErrorConvertible: Error {
    var serviceError: ServiceError { get }
}
