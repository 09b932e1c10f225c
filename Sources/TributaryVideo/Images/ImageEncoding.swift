import TributaryWire

/// How GetImages encodes its images: the format, the JPEG quality, and the output size.
///
/// It exists so the request's Format, FormatConfig, WidthPixels and HeightPixels are checked in one place with
/// AWS's errors, and turned into the ffmpeg filter and encoder options in one place.
struct ImageEncoding: Sendable, Equatable {
    enum Format: String, Sendable, Equatable {
        case jpeg = "JPEG"
        case png = "PNG"
    }

    /// The picture size asked for; nil keeps the stream's own.
    enum Size: Sendable, Equatable {
        /// Both given: the picture is stretched to exactly this size.
        case stretched(width: Int, height: Int)
        /// Only HeightPixels given: the width follows the picture's aspect ratio.
        case height(Int)
    }

    var format: Format
    /// 1 (smallest) to 100 (best); used for JPEG only.
    var jpegQuality: Int
    var size: Size?

    init(format: Format, jpegQuality: Int = ImageLimits.jpegQualityDefault, size: Size? = nil) {
        self.format = format
        self.jpegQuality = jpegQuality
        self.size = size
    }

    /// Reads a request the model has already validated (Format's enum, FormatConfig's one key, the pixel bounds).
    init(request: Document) throws {
        let formatName = try request.string("Format") ?? ""
        guard let format = Format(rawValue: formatName) else {
            throw VideoError.invalidArgument("Format must be JPEG or PNG.")
        }
        self.format = format
        jpegQuality = ImageLimits.jpegQualityDefault
        if let quality = try request.stringMap("FormatConfig")?["JPEGQuality"] {
            guard let value = Int(quality), ImageLimits.jpegQualityRange.contains(value) else {
                throw VideoError.invalidArgument(
                    "The JPEGQuality value \(quality) is invalid; it must be an integer from 1 to 100.")
            }
            jpegQuality = value
        }
        switch (try request.integer("WidthPixels"), try request.integer("HeightPixels")) {
        case (nil, nil):
            size = nil
        case (let width?, let height?):
            size = .stretched(width: Int(width), height: Int(height))
        case (nil, let height?):
            size = .height(Int(height))
        case (.some, nil):
            throw VideoError.invalidArgument("HeightPixels must be specified when WidthPixels is specified.")
        }
    }

    /// The ffmpeg filter that resizes the picture, nil when it keeps its size.
    var scaleFilter: String? {
        switch size {
        case nil: nil
        case .stretched(let width, let height): "scale=\(width):\(height)"
        case .height(let height): "scale=-1:\(height)"
        }
    }

    /// ffmpeg's output options: `image2pipe` with the PNG or MJPEG encoder. JPEGQuality 1–100 maps linearly onto
    /// the MJPEG quantizer scale 31–1 (lower is better), so 100 is the finest quantizer and 1 the coarsest.
    var encoderArguments: [String] {
        switch format {
        case .png:
            return ["-f", "image2pipe", "-c:v", "png", "-pix_fmt", "rgb24"]
        case .jpeg:
            return ["-f", "image2pipe", "-c:v", "mjpeg", "-pix_fmt", "yuvj420p", "-qmin", "1", "-qmax", "31",
                    "-q:v", String(quantizerScale)]
        }
    }

    /// The MJPEG quantizer scale for `jpegQuality`.
    var quantizerScale: Int {
        1 + ((100 - jpegQuality) * 30 + 49) / 99
    }
}
