/// Text of approximate numbers the way Java's `Double.toString` / `Float.toString` write them, which is what the
/// Java engine behind Kinesis Data Analytics prints for DOUBLE and REAL: plain notation with at least one fractional
/// digit for magnitudes in [10^-3, 10^7) (`12.5`, `100.0`, `0.001`), otherwise computerized scientific notation with
/// an unsigned or negative exponent (`1.0E10`, `1.2345E-5`). Digits are the shortest that read back as the same value.
package enum SQLDoubleText {
    package static func javaText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return format(shortest: "\(value.magnitude)", negative: value.sign == .minus)
    }

    /// REAL text: the shortest digits that identify the Float (not the Double it widens to).
    package static func javaText(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return format(shortest: "\(value.magnitude)", negative: value.sign == .minus)
    }

    /// Reformats Swift's shortest round-trip text of a non-negative finite number into Java's layout.
    private static func format(shortest text: String, negative: Bool) -> String {
        let sign = negative ? "-" : ""
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        var digits: [Character] = []
        var pointPosition: Int?
        for character in mantissa {
            if character == "." {
                pointPosition = digits.count
            } else {
                digits.append(character)
            }
        }
        // value = 0.d1d2d3... × 10^decimalExponent
        var decimalExponent = (pointPosition ?? digits.count) + exponent
        while let first = digits.first, first == "0" {
            digits.removeFirst()
            decimalExponent -= 1
        }
        while let last = digits.last, last == "0" {
            digits.removeLast()
        }
        if digits.isEmpty {
            return sign + "0.0"
        }
        if decimalExponent >= -2 && decimalExponent <= 7 {
            var integerPart = ""
            var fractionPart = ""
            if decimalExponent <= 0 {
                integerPart = "0"
                fractionPart = String(repeating: "0", count: -decimalExponent) + String(digits)
            } else if decimalExponent >= digits.count {
                integerPart = String(digits) + String(repeating: "0", count: decimalExponent - digits.count)
            } else {
                integerPart = String(digits[..<decimalExponent])
                fractionPart = String(digits[decimalExponent...])
            }
            return sign + integerPart + "." + (fractionPart.isEmpty ? "0" : fractionPart)
        }
        let fraction = digits.count > 1 ? String(digits[1...]) : "0"
        return sign + String(digits[0]) + "." + fraction + "E" + String(decimalExponent - 1)
    }
}
