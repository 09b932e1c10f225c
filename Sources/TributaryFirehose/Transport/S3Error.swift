/// A failure an S3-compatible endpoint reported (its XML `<Error>` body: `Code`, `Message`), or that the client
/// found in a response, so callers can tell `SignatureDoesNotMatch` from `NoSuchBucket` from a throttle.
///
/// `status` is the HTTP status. Two cases have no S3 code: a failed response without an XML error body gets
/// `code` "HTTP<status>", and a request the client refuses before sending (empty key, object past S3's size
/// limits) or a response it cannot use (a part without an ETag) has `status` 0.
public struct S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String

    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// An error the client raises itself (`status` 0): a request it will not send or a response it cannot use.
    static func refused(_ code: String, _ message: String) -> S3Error {
        S3Error(status: 0, code: code, message: message)
    }

    /// The error a failed response carries.
    init(response: HTTPResponseData) {
        if let document = S3XMLDocument(parsing: response.body), document.rootName == "Error" {
            self.init(status: response.status, code: document.text(at: ["Code"]) ?? "HTTP\(response.status)",
                      message: document.text(at: ["Message"]) ?? "")
        } else {
            let excerpt = response.body.prefix(TransportLimits.errorBodyExcerptBytesMax)
            self.init(status: response.status, code: "HTTP\(response.status)",
                      message: String(decoding: excerpt, as: UTF8.self))
        }
    }

    public var description: String { "S3 error \(code) (HTTP \(status)): \(message)" }
}
