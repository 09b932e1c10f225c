/// The names of the SimpleTags Kinesis Video Streams adds to GetMedia and GetMediaForFragmentList chunks, and the
/// way their timestamps are written.
///
/// It exists so that the chunk writer and anything that reads chunks back (tests, consumers built on this server)
/// spell them once.
public enum GetMediaTagName {
    public static let fragmentNumber = "AWS_KINESISVIDEO_FRAGMENT_NUMBER"
    public static let serverTimestamp = "AWS_KINESISVIDEO_SERVER_TIMESTAMP"
    public static let producerTimestamp = "AWS_KINESISVIDEO_PRODUCER_TIMESTAMP"
    /// GetMediaForFragmentList names its timestamps differently (AWS's API reference).
    public static let serverSideTimestamp = "AWS_KINESISVIDEO_SERVER_SIDE_TIMESTAMP"
    public static let producerSideTimestamp = "AWS_KINESISVIDEO_PRODUCER_SIDE_TIMESTAMP"
    public static let millisBehindNow = "AWS_KINESISVIDEO_MILLIS_BEHIND_NOW"
    public static let continuationToken = "AWS_KINESISVIDEO_CONTINUATION_TOKEN"
    public static let errorCode = "AWS_KINESISVIDEO_ERROR_CODE"
    public static let errorID = "AWS_KINESISVIDEO_ERROR_ID"

    /// Milliseconds since 1970 as AWS writes them in tags: seconds with three decimals ("1726677687.758").
    public static func seconds(milliseconds: Int64) -> String {
        let magnitude = milliseconds.magnitude
        let fraction = String(magnitude % 1000)
        return (milliseconds < 0 ? "-" : "") + String(magnitude / 1000) + "."
            + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
