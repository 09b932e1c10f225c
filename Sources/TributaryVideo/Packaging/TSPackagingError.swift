import TributaryWire

/// Why tracks or frames cannot be packaged as an MPEG-TS segment (HLS with ContainerFormat MPEG_TS).
///
/// It exists so the TS playback path answers the same archived-media errors as the MP4 path, each with the model's
/// status (400): a codec the muxer does not carry (UnsupportedStreamMediaTypeException), a track without CodecPrivate
/// (MissingCodecPrivateDataException), or CodecPrivate that cannot be read or used for MPEG-TS, including frames
/// whose bytes do not match it (InvalidCodecPrivateDataException).
public enum TSPackagingError: Error, Equatable, Sendable, CustomStringConvertible, ServiceErrorConvertible {
    /// The track's codec ID is not H.264, H.265 or AAC, or its configuration is one MPEG-TS cannot signal.
    case unsupportedMediaType(trackNumber: UInt64, reason: String)
    /// The track declares no CodecPrivate, so neither parameter sets nor ADTS headers can be written.
    case missingCodecPrivateData(trackNumber: UInt64)
    /// The CodecPrivate is not a valid avcC, hvcC or AudioSpecificConfig.
    case invalidCodecPrivateData(trackNumber: UInt64, reason: String)
    /// A frame cannot be converted with its track's CodecPrivate (NAL lengths overrun the frame, an AAC frame is
    /// longer than an ADTS frame can say).
    case invalidFrame(trackNumber: UInt64, timecode: Int64, reason: String)

    /// The same failure as the MP4 packager reports it, for the checks both packagers share (`MP4Track`).
    init(_ error: MP4PackagingError) {
        switch error {
        case .unsupportedMediaType(let track, let reason): self = .unsupportedMediaType(trackNumber: track, reason: reason)
        case .missingCodecPrivateData(let track): self = .missingCodecPrivateData(trackNumber: track)
        case .invalidCodecPrivateData(let track, let reason):
            self = .invalidCodecPrivateData(trackNumber: track, reason: reason)
        }
    }

    public var description: String {
        switch self {
        case .unsupportedMediaType(let track, let reason):
            "The type of the media could not be determined from the codec IDs of the tracks: track \(track) \(reason)."
        case .missingCodecPrivateData(let track):
            "No codec private data was found in track \(track) of the video stream."
        case .invalidCodecPrivateData(let track, let reason):
            "The codec private data in track \(track) of the video stream is not valid for this operation: \(reason)."
        case .invalidFrame(let track, let timecode, let reason):
            "The codec private data in track \(track) of the video stream is not valid for this operation: the frame "
                + "at timecode \(timecode) \(reason)."
        }
    }

    public var serviceError: ServiceError {
        switch self {
        case .unsupportedMediaType: ServiceError(code: "UnsupportedStreamMediaTypeException", message: description)
        case .missingCodecPrivateData: ServiceError(code: "MissingCodecPrivateDataException", message: description)
        case .invalidCodecPrivateData, .invalidFrame:
            ServiceError(code: "InvalidCodecPrivateDataException", message: description)
        }
    }
}
