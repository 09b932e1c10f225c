/// One acknowledgement line of PutMedia's streamed answer.
///
/// It exists because PutMedia answers while the upload is still running: the producer SDK matches each line to
/// the fragment it sent by `FragmentTimecode` (the cluster timecode in milliseconds, as the producer wrote it)
/// and retries or frees its buffers according to `EventType`.
public struct PutMediaAcknowledgement: Equatable, Sendable {
    /// AWS's AckEventType values.
    public enum EventType: String, Sendable {
        /// The first bytes of a fragment arrived.
        case buffering = "BUFFERING"
        /// The whole fragment arrived and was parsed.
        case received = "RECEIVED"
        /// The fragment is stored (sent only when the stream retains data).
        case persisted = "PERSISTED"
        /// The session stops; `errorId` and `errorCode` say why.
        case error = "ERROR"
        /// Keep-alive while no bytes arrive.
        case idle = "IDLE"
    }

    public var eventType: EventType
    public var fragmentTimecode: Int64?
    public var fragmentNumber: String?
    public var errorId: Int?
    public var errorCode: String?

    public init(eventType: EventType, fragmentTimecode: Int64? = nil, fragmentNumber: String? = nil,
                errorId: Int? = nil, errorCode: String? = nil) {
        self.eventType = eventType
        self.fragmentTimecode = fragmentTimecode
        self.fragmentNumber = fragmentNumber
        self.errorId = errorId
        self.errorCode = errorCode
    }

    public static func idle() -> PutMediaAcknowledgement {
        PutMediaAcknowledgement(eventType: .idle)
    }

    public static func buffering(timecode: Int64) -> PutMediaAcknowledgement {
        PutMediaAcknowledgement(eventType: .buffering, fragmentTimecode: timecode)
    }

    public static func received(timecode: Int64) -> PutMediaAcknowledgement {
        PutMediaAcknowledgement(eventType: .received, fragmentTimecode: timecode)
    }

    public static func persisted(timecode: Int64, number: FragmentNumber) -> PutMediaAcknowledgement {
        PutMediaAcknowledgement(eventType: .persisted, fragmentTimecode: timecode, fragmentNumber: number.description)
    }

    public static func error(_ error: PutMediaError, timecode: Int64?) -> PutMediaAcknowledgement {
        PutMediaAcknowledgement(eventType: .error, fragmentTimecode: timecode, errorId: error.id,
                                errorCode: error.code)
    }
}
