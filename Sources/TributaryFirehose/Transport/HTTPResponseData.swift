/// A complete HTTP response as the transport received it, whatever its status.
///
/// Header names are in lower case (HTTP names are case-insensitive); repeated headers arrive joined with `, `.
public struct HTTPResponseData: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
