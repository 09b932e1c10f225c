/// The head of one PutMedia request: the operation's path and the headers that name the stream and say how its
/// cluster timecodes map to producer timestamps.
///
/// It exists so the wire text is built in one place. The body that follows is always chunked, because the input
/// (a pipe from ffmpeg) has no length known in advance. No signature is sent: Tributary does not check one.
struct PutMediaUploadRequest: Sendable, Equatable {
    /// How the server turns a cluster's timecode into its producer timestamp (header
    /// `x-amzn-fragment-timecode-type`).
    enum TimecodeType: String, Sendable, CaseIterable {
        /// The timecode counts milliseconds from the producer start timestamp (ffmpeg's clusters start at 0).
        case relative = "RELATIVE"
        /// The timecode is itself the producer timestamp in epoch milliseconds.
        case absolute = "ABSOLUTE"
    }

    let endpoint: PutMediaUploadEndpoint
    let streamName: String
    let timecodeType: TimecodeType
    /// Milliseconds since the epoch, sent as seconds with three decimals (`1663277247.152`) like AWS's SDK.
    let producerStartTimestampMilliseconds: Int64

    /// The header value AWS's SDK sends: seconds, a dot and exactly three digits of milliseconds.
    var producerStartTimestampHeader: String {
        let seconds = producerStartTimestampMilliseconds / 1000
        let milliseconds = producerStartTimestampMilliseconds % 1000
        let digits = String(milliseconds)
        return "\(seconds)." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// The request line and headers, ending with the empty line; the chunked body follows.
    func head() -> [UInt8] {
        let lines = [
            "POST \(endpoint.pathPrefix)/putMedia HTTP/1.1",
            "Host: \(endpoint.hostHeader)",
            "User-Agent: tributary-video-put",
            "Accept: */*",
            "x-amzn-stream-name: \(streamName)",
            "x-amzn-fragment-timecode-type: \(timecodeType.rawValue)",
            "x-amzn-producer-start-timestamp: \(producerStartTimestampHeader)",
            "Transfer-Encoding: chunked",
            "Connection: close",
        ]
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}
