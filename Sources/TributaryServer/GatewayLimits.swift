/// Bounds the gateway puts on what a client may send, with their reasons.
enum GatewayLimits {
    /// Largest request body read into memory. A PutRecord of a 10 MiB record (the largest UpdateMaxRecordSize
    /// allows) is about 13.4 MiB once base64-encoded in JSON; anything past 16 MiB is refused unread.
    static let requestBodyBytesMax = 16 << 20
}
