/// Java's `Double.toString`, which AWS uses to print double values.
extension JavaRendering {
    /// Shortest digits that read back as the same double; plain notation with at least one fraction digit for
    /// magnitudes in [0.001, 10^7) (`0.5`, `100.0`), otherwise `d.dddE<exponent>` (`1.0E7`, `1.5E-4`).
    static func double(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0.0" }
        let (digits, exponent) = decimalDigits(value.magnitude)
        if value.magnitude >= 1e-3, value.magnitude < 1e7 {
            if exponent < 0 {
                return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
            }
            let padded = digits.count > exponent ? digits : digits + String(repeating: "0", count: exponent + 1 - digits.count)
            let whole = padded.prefix(exponent + 1)
            let fraction = padded.dropFirst(exponent + 1)
            return sign + whole + "." + (fraction.isEmpty ? "0" : fraction)
        }
        let fraction = digits.dropFirst()
        return sign + digits.prefix(1) + "." + (fraction.isEmpty ? "0" : fraction) + "E\(exponent)"
    }

    /// The significant digits of a positive finite double (no leading or trailing zeros) and the decimal exponent
    /// of the first one: 1234.5 → ("12345", 3), 0.00012 → ("12", -4). Read from Swift's shortest description.
    private static func decimalDigits(_ value: Double) -> (digits: String, exponent: Int) {
        let description = "\(value)".lowercased()
        let parts = description.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? description
        let powerOfTen = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pointPosition = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        let allDigits = mantissa.filter { $0 != "." }
        let leadingZeros = allDigits.prefix { $0 == "0" }.count
        var significant = String(allDigits.dropFirst(leadingZeros))
        while significant.count > 1, significant.hasSuffix("0") { significant.removeLast() }
        return (significant.isEmpty ? "0" : significant, pointPosition - 1 - leadingZeros + powerOfTen)
    }
}
