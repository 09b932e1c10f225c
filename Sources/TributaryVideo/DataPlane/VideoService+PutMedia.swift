import Foundation

extension VideoService {
    /// PutMedia (kinesis-video-media): checks the stream and headers, and returns the upload that the gateway feeds
    /// with the request body while it writes the acknowledgements back.
    public func putMedia(_ request: PutMediaRequest) throws -> PutMediaUpload {
        let stream = try dataStream(name: request.streamName, arn: request.streamARN)
        let session = PutMediaSession(
            timecodeType: request.timecodeType, producerStartTimestampMs: request.producerStartTimestampMs,
            now: { Int64((Date().timeIntervalSince1970 * 1000).rounded()) })
        return PutMediaUpload(session: session, fragments: fragments, streamKey: stream.storageKey,
                              persists: stream.dataRetentionInHours > 0, logger: logger)
    }
}
