/// Why a PutMedia session stops: AWS's ErrorId, its ErrorCode name and a message for logs.
///
/// It exists so that every way an upload can fail (Matroska errors, timestamp and size checks here, stream state
/// and storage failures found by the integrator) ends in the same ERROR acknowledgement AWS would send.
/// Names follow AWS's producer SDKs (`AckErrorCode` and the C SDK's SERVICE_CALL_RESULT list): 4005 is the old
/// single-track limit, 4012 the current limit of 3 tracks.
public struct PutMediaError: Error, Equatable, Sendable, CustomStringConvertible {
    public var id: Int
    public var code: String
    public var message: String

    /// An error with AWS's ErrorCode name for `id` (an id AWS does not define is named INTERNAL_ERROR).
    public init(id: Int, message: String) {
        self.id = id
        self.code = Self.codeNames[id] ?? "INTERNAL_ERROR"
        self.message = message
    }

    /// The ERROR a Matroska parse failure maps to (4001, 4006, 4010 or 4012).
    public init(_ error: MatroskaError) {
        self.init(id: error.awsErrorID, message: error.description)
    }

    public var description: String { "\(id) \(code): \(message)" }

    /// AWS's ErrorCode for every PutMedia ErrorId.
    public static let codeNames: [Int: String] = [
        4000: "STREAM_READ_ERROR",
        4001: "MAX_FRAGMENT_SIZE_REACHED",
        4002: "MAX_FRAGMENT_DURATION_REACHED",
        4003: "MAX_CONNECTION_DURATION_REACHED",
        4004: "FRAGMENT_TIMECODE_LESSER_THAN_PREVIOUS",
        4005: "MORE_THAN_ONE_TRACK_FOUND",
        4006: "INVALID_MKV_DATA",
        4007: "INVALID_PRODUCER_TIMESTAMP",
        4008: "STREAM_NOT_ACTIVE",
        4009: "FRAGMENT_METADATA_LIMIT_REACHED",
        4010: "TRACK_NUMBER_MISMATCH",
        4011: "FRAMES_MISSING_FOR_TRACK",
        4012: "MORE_THAN_ALLOWED_TRACKS_FOUND",
        4500: "KMS_KEY_ACCESS_DENIED",
        4501: "KMS_KEY_DISABLED",
        4502: "KMS_KEY_VALIDATION_ERROR",
        4503: "KMS_KEY_UNAVAILABLE",
        4504: "KMS_KEY_INVALID_USAGE",
        4505: "KMS_KEY_INVALID_STATE",
        4506: "KMS_KEY_NOT_FOUND",
        4507: "STREAM_DELETED",
        5000: "INTERNAL_ERROR",
        5001: "ARCHIVAL_ERROR",
    ]

    /// 4000: the upload could not be read (the connection failed mid-body).
    public static func streamReadError(_ message: String) -> PutMediaError {
        PutMediaError(id: 4000, message: message)
    }
    /// 4002: a fragment lasts longer than the limit.
    public static func fragmentTooLong(durationMs: Int64, limitMs: Int64) -> PutMediaError {
        PutMediaError(id: 4002, message: "fragment lasts \(durationMs) ms, more than the \(limitMs) ms limit")
    }
    /// 4003: the connection stayed open longer than allowed.
    public static func connectionTooLong(_ message: String) -> PutMediaError {
        PutMediaError(id: 4003, message: message)
    }
    /// 4004: a fragment's producer timestamp is lower than the previous fragment's.
    public static func timecodeWentBackwards(producerTimestampMs: Int64, previousMs: Int64) -> PutMediaError {
        PutMediaError(id: 4004, message:
            "fragment producer timestamp \(producerTimestampMs) ms is lower than the previous fragment's \(previousMs) ms")
    }
    /// 4007: the producer timestamp cannot be represented (negative or overflowing).
    public static func invalidProducerTimestamp(_ message: String) -> PutMediaError {
        PutMediaError(id: 4007, message: message)
    }
    /// 4008: the stream is not ACTIVE.
    public static func streamNotActive(_ message: String) -> PutMediaError {
        PutMediaError(id: 4008, message: message)
    }
    /// 4009: a fragment carries more metadata than allowed.
    public static func metadataLimit(_ message: String) -> PutMediaError { PutMediaError(id: 4009, message: message) }
    /// 4507: the stream was deleted during the upload.
    public static func streamDeleted(_ message: String) -> PutMediaError { PutMediaError(id: 4507, message: message) }
    /// 5000: the server failed.
    public static func internalError(_ message: String) -> PutMediaError { PutMediaError(id: 5000, message: message) }
    /// 5001: storing the fragment failed.
    public static func archivalError(_ message: String) -> PutMediaError { PutMediaError(id: 5001, message: message) }
}
