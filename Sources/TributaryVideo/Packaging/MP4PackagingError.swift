import TributaryWire

/// Why a stream's tracks cannot be packaged as MP4 (fragmented for HLS and DASH, or a GetClip file).
///
/// It exists so the playback operations answer the archived-media errors AWS documents for these cases, each with
/// the model's status (400): the codec ID names media the packager does not handle
/// (UnsupportedStreamMediaTypeException), the track has no CodecPrivate (MissingCodecPrivateDataException), or the
/// CodecPrivate cannot be read as the codec's configuration record (InvalidCodecPrivateDataException).
public enum MP4PackagingError: Error, Equatable, Sendable, CustomStringConvertible, ServiceErrorConvertible {
    /// The track's codec ID or shape is not one the packagers handle (H.264, H.265 video; AAC audio).
    case unsupportedMediaType(trackNumber: UInt64, reason: String)
    /// The track declares no CodecPrivate, so no sample description can be written.
    case missingCodecPrivateData(trackNumber: UInt64)
    /// The CodecPrivate is not a valid avcC, hvcC or AudioSpecificConfig.
    case invalidCodecPrivateData(trackNumber: UInt64, reason: String)

    public var description: String {
        switch self {
        case .unsupportedMediaType(let track, let reason):
            "The type of the media could not be determined from the codec IDs of the tracks: track \(track) \(reason)."
        case .missingCodecPrivateData(let track):
            "No codec private data was found in track \(track) of the video stream."
        case .invalidCodecPrivateData(let track, let reason):
            "The codec private data in track \(track) of the video stream is not valid for this operation: \(reason)."
        }
    }

    public var serviceError: ServiceError {
        switch self {
        case .unsupportedMediaType: ServiceError(code: "UnsupportedStreamMediaTypeException", message: description)
        case .missingCodecPrivateData: ServiceError(code: "MissingCodecPrivateDataException", message: description)
        case .invalidCodecPrivateData: ServiceError(code: "InvalidCodecPrivateDataException", message: description)
        }
    }
}
