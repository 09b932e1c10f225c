import Foundation
import TributaryWire

/// PutMedia's request headers, checked: the stream (by exactly one of name and ARN), how cluster timecodes are to be
/// read, and the producer's start time.
///
/// It exists so the gateway hands over raw header values and the AWS errors for bad ones are decided here, before the
/// 200 answer starts.
public struct PutMediaRequest: Sendable {
    public var streamName: String?
    public var streamARN: String?
    public var timecodeType: FragmentTimecodeType
    public var producerStartTimestampMs: Int64?

    /// `x-amzn-stream-name`, `x-amzn-stream-arn`, `x-amzn-fragment-timecode-type`, `x-amzn-producer-start-timestamp`.
    public init(streamName: String?, streamARN: String?, timecodeType: String?, producerStartTimestamp: String?) throws {
        self.streamName = streamName
        self.streamARN = streamARN
        guard let timecodeType else {
            throw VideoError.invalidArgument("x-amzn-fragment-timecode-type header is required")
        }
        guard let type = FragmentTimecodeType(rawValue: timecodeType) else {
            throw VideoError.invalidArgument("Invalid fragment timecode type: \(timecodeType). Valid values are ABSOLUTE and RELATIVE")
        }
        self.timecodeType = type
        if let producerStartTimestamp {
            guard let seconds = Double(producerStartTimestamp), seconds.isFinite, seconds >= 0 else {
                throw VideoError.invalidArgument("Invalid producer start timestamp: \(producerStartTimestamp)")
            }
            producerStartTimestampMs = Int64((seconds * 1000).rounded())
        }
    }
}
