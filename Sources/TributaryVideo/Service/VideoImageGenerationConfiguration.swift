import TributaryWire

/// A stream's `ImageGenerationConfiguration`: how images would be generated from its media and where they would be
/// delivered. The control plane keeps and describes it; it is checked as AWS checks it (beyond the model's own
/// constraints) so a configuration AWS would refuse is refused here too.
public struct VideoImageGenerationConfiguration: Codable, Sendable, Equatable {
    /// `ENABLED` or `DISABLED`.
    public var status: String
    /// `SERVER_TIMESTAMP` or `PRODUCER_TIMESTAMP`.
    public var imageSelectorType: String
    /// `DestinationConfig.Uri` and `DestinationConfig.DestinationRegion`.
    public var destinationUri: String
    public var destinationRegion: String
    public var samplingIntervalMs: Int64
    /// `JPEG` or `PNG`.
    public var format: String
    /// At most one entry, `JPEGQuality` → "1" to "100".
    public var formatConfig: [String: String]?
    public var widthPixels: Int64?
    public var heightPixels: Int64?

    /// Reads a configuration the model has already validated (required members present, enums, pixel bounds) and
    /// applies AWS's further rules: SamplingInterval at least 200 ms, JPEGQuality an integer from 1 to 100.
    init(document: Document) throws {
        let destination = try document.object("DestinationConfig")
        status = try document.string("Status") ?? ""
        imageSelectorType = try document.string("ImageSelectorType") ?? ""
        destinationUri = try destination?.string("Uri") ?? ""
        destinationRegion = try destination?.string("DestinationRegion") ?? ""
        samplingIntervalMs = try document.integer("SamplingInterval") ?? 0
        format = try document.string("Format") ?? ""
        formatConfig = try document.stringMap("FormatConfig")
        widthPixels = try document.integer("WidthPixels")
        heightPixels = try document.integer("HeightPixels")
        guard samplingIntervalMs >= VideoLimits.samplingIntervalMinMs else {
            throw VideoError.invalidArgument(
                "SamplingInterval must be at least \(VideoLimits.samplingIntervalMinMs) milliseconds.")
        }
        if let quality = formatConfig?["JPEGQuality"] {
            guard let value = Int(quality), VideoLimits.jpegQualityRange.contains(value) else {
                throw VideoError.invalidArgument(
                    "The JPEGQuality value \(quality) is invalid; it must be an integer from 1 to 100.")
            }
        }
    }

    /// The configuration as DescribeImageGenerationConfiguration answers it.
    var document: Document {
        var members: [String: Document] = [
            "Status": .string(status),
            "ImageSelectorType": .string(imageSelectorType),
            "DestinationConfig": .object(["Uri": .string(destinationUri),
                                          "DestinationRegion": .string(destinationRegion)]),
            "SamplingInterval": .integer(samplingIntervalMs),
            "Format": .string(format),
        ]
        if let formatConfig { members["FormatConfig"] = .object(formatConfig.mapValues { .string($0) }) }
        if let widthPixels { members["WidthPixels"] = .integer(widthPixels) }
        if let heightPixels { members["HeightPixels"] = .integer(heightPixels) }
        return .object(members)
    }
}
