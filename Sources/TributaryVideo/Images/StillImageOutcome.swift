import TributaryWire

/// What GetImages answers for one sample time: an image, or AWS's per-image error.
///
/// It exists so the fragments are decoded in whatever grouping suits them and the answer is still written in time
/// order, one entry per sample, each as AWS's `Image` structure.
enum StillImageOutcome: Sendable, Equatable {
    case image([UInt8])
    /// No retained fragment covers the time.
    case noMedia
    /// A fragment covers the time but no image could be made from it (audio only, undecodable, tool failure).
    case mediaError

    /// The `Image` entry for `timeMs`: TimeStamp in seconds, then ImageContent in base64 or Error. An image whose
    /// base64 text would exceed the model's ImageContent bound is a MEDIA_ERROR.
    func document(timeMs: Int64) -> Document {
        var members: [String: Document] = ["TimeStamp": .timestamp(Double(timeMs) / 1000)]
        switch self {
        case .image(let bytes) where Base64.encodedCount(of: bytes.count) <= ImageLimits.imageContentCharactersMax:
            members["ImageContent"] = .string(Base64.encode(bytes))
        case .image, .mediaError:
            members["Error"] = .string("MEDIA_ERROR")
        case .noMedia:
            members["Error"] = .string("NO_MEDIA")
        }
        return .object(members)
    }
}
