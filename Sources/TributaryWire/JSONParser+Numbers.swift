/// Reading JSON numbers (RFC 8259 §6): `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
///
/// Integers of up to 18 digits, which always fit `Int64`, are accumulated directly from the digits; longer ones,
/// and every number with a fraction or exponent, go through the standard library's correctly rounded conversions.
extension JSONParser {
    @inline(__always)
    private func isDigit(at offset: Int) -> Bool {
        offset < count && byte(at: offset) &- UInt8(ascii: "0") < 10
    }

    private mutating func skipDigits() {
        while isDigit(at: index) { index += 1 }
    }

    /// Reads a number starting at `index` (a minus sign or a digit).
    mutating func parseNumber() throws -> Document {
        let numberStart = index
        let isNegative = byte(at: index) == UInt8(ascii: "-")
        if isNegative { index += 1 }
        guard isDigit(at: index) else { throw error("Invalid number") }
        var magnitude: UInt64 = 0
        let digitsStart = index
        if byte(at: index) == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(at: index) {
                magnitude = magnitude &* 10 &+ UInt64(byte(at: index) &- UInt8(ascii: "0"))
                index += 1
            }
        }
        let digitCount = index - digitsStart
        var isInteger = true
        if index < count, byte(at: index) == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard isDigit(at: index) else { throw error("Invalid number: expected a digit after '.'") }
            skipDigits()
        }
        if index < count, byte(at: index) | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < count, byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-") { index += 1 }
            guard isDigit(at: index) else { throw error("Invalid number: expected a digit in the exponent") }
            skipDigits()
        }
        if isInteger, digitCount <= 18 {
            let value = Int64(magnitude)
            return .integer(isNegative ? -value : value)
        }
        let text = String(decoding: UnsafeRawBufferPointer(start: start + numberStart, count: index - numberStart),
                          as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else { throw error("Number out of range") }
        return .double(value)
    }
}
