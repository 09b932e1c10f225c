import Foundation
import TributaryFirehose
import TributaryWire

/// The head of one PutMedia request: the operation's path and the headers that name the stream and say how its
/// cluster timecodes map to producer timestamps.
///
/// It exists so the wire text is built in one place. The body that follows is always chunked, because the input
/// (a pipe from ffmpeg) has no length known in advance. With credentials the head is signed with SigV4 over an
/// empty payload, as AWS's producer SDK signs PutMedia (the body streams after the signature is checked).
struct PutMediaUploadRequest: Sendable {
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
    /// Signs the request when the server checks signatures (`--auth`); nil sends it unsigned.
    var signer: SigV4Signer? = nil

    /// The header value AWS's SDK sends: seconds, a dot and exactly three digits of milliseconds.
    var producerStartTimestampHeader: String {
        let seconds = producerStartTimestampMilliseconds / 1000
        let milliseconds = producerStartTimestampMilliseconds % 1000
        let digits = String(milliseconds)
        return "\(seconds)." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// The request line and headers, ending with the empty line; the chunked body follows.
    func head(at timestamp: SigV4Timestamp = SigV4Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
        throws -> [UInt8] {
        var headers = [
            ("Host", endpoint.hostHeader),
            ("Accept", "*/*"),
            ("x-amzn-stream-name", streamName),
            ("x-amzn-fragment-timecode-type", timecodeType.rawValue),
            ("x-amzn-producer-start-timestamp", producerStartTimestampHeader),
        ]
        if let signer, let url = URL(string: "http://\(endpoint.hostHeader)\(endpoint.pathPrefix)/putMedia") {
            headers = try signer.sign(method: "POST", url: url, headers: headers, payloadHash: SigV4.emptyPayloadHash,
                                      at: timestamp).headers
        }
        let lines = ["POST \(endpoint.pathPrefix)/putMedia HTTP/1.1"] + headers.map { "\($0.0): \($0.1)" } + [
            "User-Agent: tributary-video-put",
            "Transfer-Encoding: chunked",
            "Connection: close",
        ]
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}
