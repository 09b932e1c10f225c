/// Why the frames of one fragment could not be turned into images. GetImages answers MEDIA_ERROR for the fragment's
/// sample times and logs this, with ffmpeg's own error output when there is some.
///
/// It exists so the decoder reports what went wrong in one place (client answers carry no detail, as on AWS) and
/// the error log says whether the tool is missing, failed, hung, or produced something unexpected.
enum ImageDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `ffmpeg` executable in the directories of PATH.
    case toolMissing
    /// The fragment has no video track, or no frame on it (audio only).
    case noVideoFrames
    /// ffmpeg ended with a nonzero status or a signal; `errorOutput` is the start of its stderr.
    case toolFailed(status: Int32, errorOutput: String)
    /// ffmpeg ran longer than `ImageLimits.decodeTimeLimitMs` and was killed.
    case timedOut(limitMs: Int)
    /// ffmpeg wrote more than `ImageLimits.decodeOutputBytesMax` and was killed.
    case outputTooLarge(bytesMax: Int)
    /// ffmpeg's output did not split into one well-formed image per selected frame.
    case unexpectedOutput(String)

    var description: String {
        switch self {
        case .toolMissing: "ffmpeg was not found on PATH"
        case .noVideoFrames: "the fragment has no video frames"
        case .toolFailed(let status, let errorOutput): "ffmpeg failed with status \(status): \(errorOutput)"
        case .timedOut(let limitMs): "ffmpeg ran longer than \(limitMs) ms and was killed"
        case .outputTooLarge(let bytesMax): "ffmpeg wrote more than \(bytesMax) bytes and was killed"
        case .unexpectedOutput(let reason): "ffmpeg's output is not the expected images: \(reason)"
        }
    }
}
