/// Every bound of GetImages, with its reason.
enum ImageLimits {
    /// AWS: a request whose EndTimestamp is more than 300 seconds after its StartTimestamp is refused.
    static let rangeMsMax: Int64 = 300_000
    /// AWS: SamplingInterval is at least 200 ms (5 images per second).
    static let samplingIntervalMsMin: Int64 = 200
    /// Used when a request leaves SamplingInterval out (the model no longer requires it): AWS's earlier documented
    /// minimum, one image every 3 seconds.
    static let samplingIntervalMsDefault: Int64 = 3_000
    /// AWS: "The default limit is 25 images per API response. Providing a MaxResults greater than this value will
    /// result in a page size of 25." The model lets MaxResults go up to 100; pages stay at 25.
    static let pageImagesMax = 25
    /// AWS: JPEGQuality defaults to 80 and goes from 1 to 100.
    static let jpegQualityDefault = 80
    static let jpegQualityRange: ClosedRange<Int> = 1...100
    /// The model's bound on ImageContent: 6,291,456 characters of base64. A larger image is a MEDIA_ERROR.
    static let imageContentCharactersMax = 6_291_456
    /// One ffmpeg run (one fragment, every image it gives to a page) is killed after this long: a fragment lasts at
    /// most a few seconds of media, so a decoder still busy after this is stuck or fed something hostile.
    static let decodeTimeLimitMs = 30_000
    /// What one ffmpeg run may write to stdout: 25 images of the largest ImageContent (4.5 MB of bytes each),
    /// rounded up. More means the tool misbehaves, and it is killed.
    static let decodeOutputBytesMax = 128 * 1024 * 1024
    /// What is kept of ffmpeg's stderr for the error log (the rest is read and dropped, so the tool never blocks).
    static let decodeErrorBytesMax = 16 * 1024
}
