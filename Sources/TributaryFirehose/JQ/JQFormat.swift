/// The `@name` string formats of the subset.
enum JQFormat: String, Sendable {
    /// `tostring`: strings as they are, other values as JSON text.
    case text
    /// `tojson`.
    case json
    /// Base64 (RFC 4648, padded) of the `tostring` text's UTF-8 bytes.
    case base64
    /// The reverse of `base64`, leniently as jq 1.6: decoding stops at the first `=`, and bytes that are not UTF-8
    /// become U+FFFD.
    case base64d
}
