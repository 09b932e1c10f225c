import Foundation

/// Text conversions behind the typed member accessors: AWS's base64 complaints and ISO-8601 dates.
extension Document {
    /// AWS's message for a blob member whose text is not base64, most specific complaint first.
    /// ("dectected" is AWS's spelling; clients compare these texts.)
    static func invalidBase64Message(_ text: String) -> String {
        let prefix = "'\(text)' can not be converted to a Blob: "
        let byteCount = text.utf8.count
        if byteCount % 4 != 0 {
            return prefix + "Base64 encoded length is expected a multiple of 4 bytes but found: \(byteCount)"
        }
        let scalars = Array(text.unicodeScalars)
        for (position, scalar) in scalars.enumerated() {
            let isAlphabet = scalar.isASCII
                && (("A" ... "Z").contains(scalar) || ("a" ... "z").contains(scalar) || ("0" ... "9").contains(scalar)
                    || scalar == "+" || scalar == "/")
            if scalar == "=" {
                if position + 1 < scalars.count, scalars[position + 1] != "=" {
                    return prefix + "Invalid Base64 character: '='"
                }
            } else if !isAlphabet {
                return prefix + "Invalid Base64 character: '\(scalar)'"
            }
        }
        return prefix + "Invalid last non-pad Base64 character dectected"
    }

    /// Seconds since the epoch of an RFC 3339 / ISO-8601 date-time, with or without fractional seconds.
    static func parseISO8601(_ text: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
