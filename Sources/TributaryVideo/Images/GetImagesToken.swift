import TributaryWire

/// GetImages' NextToken: the first sample time of the next page, in milliseconds, as base64 text (which the
/// model's `[a-zA-Z0-9+/]+={0,2}` pattern admits). The next request repeats the other parameters, as AWS's
/// clients do, so the time alone says where to go on.
struct GetImagesToken: Sendable, Equatable, CustomStringConvertible {
    let nextSampleMs: Int64

    init(nextSampleMs: Int64) {
        self.nextSampleMs = nextSampleMs
    }

    init?(_ text: String) {
        guard let bytes = Base64.decode(text), let milliseconds = Int64(String(decoding: bytes, as: UTF8.self))
        else { return nil }
        nextSampleMs = milliseconds
    }

    var description: String { Base64.encode(Array(String(nextSampleMs).utf8)) }
}
