/// Numbers printed as jq 1.6 prints them: the shortest digits that read back as the same double, laid out by jq's
/// `jvp_dtoa_fmt` rule.
///
/// With `digits` d1…dn and the decimal point after `point` digits (value = 0.d1…dn × 10^point):
///
/// | Condition                        | Layout                     | Examples                      |
/// |----------------------------------|----------------------------|-------------------------------|
/// | point <= -4 or point > n + 15    | d1.d2…dn e±XX (2+ digits)  | `1e-05`, `1e+17`, `1.5e+300`  |
/// | -4 < point <= 0                  | 0.000d1…dn                 | `0.0001`, `0.5`               |
/// | otherwise                        | digits, zero-padded, point | `1`, `1.5`, `1000000000000000`|
///
/// NaN prints as `null`; the infinities print as ±1.7976931348623157e+308 (jq clamps them to the largest double).
/// The shortest digits come from Swift's `description`, which like jq's dtoa (mode 0) yields the shortest string
/// that round-trips, choosing the closest when several do.
enum JQNumberText {
    static func text(_ number: Double) -> String {
        if number.isNaN { return "null" }
        let clamped = number.isInfinite ? (number < 0 ? -Double.greatestFiniteMagnitude : .greatestFiniteMagnitude)
            : number
        let sign = clamped.sign == .minus ? "-" : ""
        if clamped == 0 { return sign + "0" }
        // Integers below 10^16 always print as plain digits (point <= 16 <= digits + 15); the common case is fast.
        if clamped.magnitude < 1e16, clamped == clamped.rounded(.towardZero) {
            return String(Int64(clamped))
        }
        let (digits, point) = shortestDigits(clamped.magnitude)
        return sign + layout(digits: digits, point: point)
    }

    /// The significant digits of `magnitude` (no leading or trailing zeros) and the position of the decimal point.
    static func shortestDigits(_ magnitude: Double) -> (digits: [UInt8], point: Int) {
        let text = Array(magnitude.description.utf8)
        var mantissa = text[...]
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissa = text[..<marker]
            exponent = Int(String(decoding: text[(marker + 1)...], as: UTF8.self)) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for byte in mantissa {
            if byte == UInt8(ascii: ".") { seenPoint = true; continue }
            digits.append(byte)
            if !seenPoint { point += 1 }
        }
        point += exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, point)
    }

    private static func layout(digits: [UInt8], point: Int) -> String {
        var output: [UInt8] = []
        if point <= -4 || point > digits.count + 15 {
            output.append(digits[0])
            if digits.count > 1 {
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: digits[1...])
            }
            let exponent = point - 1
            output.append(UInt8(ascii: "e"))
            output.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let exponentDigits = Array(String(exponent.magnitude).utf8)
            if exponentDigits.count < 2 { output.append(UInt8(ascii: "0")) }
            output.append(contentsOf: exponentDigits)
        } else if point <= 0 {
            output.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -point))
            output.append(contentsOf: digits)
        } else if point >= digits.count {
            output.append(contentsOf: digits)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - digits.count))
        } else {
            output.append(contentsOf: digits[..<point])
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: digits[point...])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
