import Foundation

/// The shape of a numeric literal in text (`-12`, `+3.5`, `.5`, `1e10`, `2.5E-3`), checked before any conversion so
/// lenient Foundation parsers never accept trailing garbage such as `12abc`.
package struct SQLNumberSyntax {
    /// The text without surrounding whitespace.
    package let text: Substring
    /// Only an optional sign and digits: the integer fast path applies.
    let isPlainInteger: Bool

    package init?(_ raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let scalars = Array(trimmed.utf8)
        var index = 0
        if index < scalars.count, scalars[index] == UInt8(ascii: "+") || scalars[index] == UInt8(ascii: "-") {
            index += 1
        }
        var integerDigits = 0
        while index < scalars.count, Self.isDigit(scalars[index]) {
            index += 1
            integerDigits += 1
        }
        var fractionDigits = 0
        var hasPoint = false
        if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
            hasPoint = true
            index += 1
            while index < scalars.count, Self.isDigit(scalars[index]) {
                index += 1
                fractionDigits += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        var hasExponent = false
        if index < scalars.count, scalars[index] == UInt8(ascii: "e") || scalars[index] == UInt8(ascii: "E") {
            hasExponent = true
            index += 1
            if index < scalars.count, scalars[index] == UInt8(ascii: "+") || scalars[index] == UInt8(ascii: "-") {
                index += 1
            }
            var exponentDigits = 0
            while index < scalars.count, Self.isDigit(scalars[index]) {
                index += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == scalars.count else { return nil }
        text = Substring(trimmed)
        isPlainInteger = !hasPoint && !hasExponent
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The exact value, or nil when it is beyond Foundation's Decimal range.
    package var decimal: Decimal? {
        let source = text.hasPrefix("+") ? String(text.dropFirst()) : String(text)
        return Decimal(string: source, locale: Locale(identifier: "en_US_POSIX"))
    }
}
