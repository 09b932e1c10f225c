import HTTPTypes
import TributaryVideo

/// Bounds the gateway puts on what a client may send, with their reasons. These are fixed by the protocols the
/// gateway speaks; the timeouts and the connection count, which an operator tunes, are in `ConnectionLimits`.
enum GatewayLimits {
    /// Largest request body read into memory, the ceiling of every operation's bound below. A PutRecord of a
    /// 10 MiB record (the largest UpdateMaxRecordSize allows) is about 13.4 MiB once base64-encoded in JSON;
    /// anything past 16 MiB is refused unread.
    static let requestBodyBytesMax = 16 << 20

    /// Firehose PutRecord and PutRecordBatch: AWS takes at most 4 MiB of records per call, about 5.4 MiB in
    /// base64 with the JSON around it.
    static let deliveryWriteBodyBytesMax = 8 << 20

    /// Every other operation is a small JSON document: the largest ones are an Analytics application's SQL
    /// (102,400 characters at most) and a resource policy (20 KiB).
    static let controlBodyBytesMax = 1 << 20

    /// The request line and every header field together. HTTP/2 connections advertise the same 16 KiB
    /// (SETTINGS_MAX_HEADER_LIST_SIZE, swift-nio-http2's default); a SigV4-signed AWS request needs under 4 KiB.
    static let requestHeadBytesMax = 16 << 10

    /// Header fields in one request: AWS SDKs send about a dozen.
    static let requestHeaderFieldCountMax = 128

    /// The body bound of the operation a request head names, or nil for PutMedia, whose upload is streamed to
    /// storage chunk by chunk and may last as long as the producer keeps sending.
    static func requestBodyBytesMax(for head: HTTPRequest) -> Int? {
        let path = head.path.map { $0.prefix { $0 != "?" } }.map(String.init) ?? "/"
        if head.method == .post, head.headerFields[.amzTarget] == nil,
           let operation = VideoService.operation(forPath: path) {
            return operation == "PutMedia" ? nil : controlBodyBytesMax
        }
        switch head.headerFields[.amzTarget].flatMap(TargetService.init(target:)) {
        case .kinesis("PutRecord")?, .kinesis("PutRecords")?: return requestBodyBytesMax
        case .firehose("PutRecord")?, .firehose("PutRecordBatch")?: return deliveryWriteBodyBytesMax
        default: return controlBodyBytesMax
        }
    }
}
