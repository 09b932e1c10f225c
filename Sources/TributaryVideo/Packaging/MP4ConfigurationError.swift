/// Why a codec configuration record (avcC, hvcC, AudioSpecificConfig) could not be read.
///
/// It exists so the record parsers can be used on bare bytes (no track at hand); `MP4Track` wraps the reason in
/// `MP4PackagingError.invalidCodecPrivateData` with the track number.
public struct MP4ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
