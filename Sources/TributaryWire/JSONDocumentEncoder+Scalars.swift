/// Writing JSON numbers, timestamps and strings; formats are listed on `JSONDocumentEncoder`.
extension JSONDocumentEncoder {
    /// Decimal digits of `value`, written without an intermediate `String`.
    static func writeInteger(_ value: Int64, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // UInt64.max has 20 digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = 20
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position ..< 20]))
        }
    }

    static func writeDouble(_ value: Double, into output: inout [UInt8]) {
        guard value.isFinite else { output.append(contentsOf: "null".utf8); return }
        output.append(contentsOf: value.description.utf8)
    }

    /// Epoch seconds rounded to milliseconds: `1700000000`, `1700000000.5`, `1700000000.123` (trailing zeros of
    /// the fraction dropped). Values beyond what milliseconds in `Int64` can hold are written as plain doubles.
    static func writeTimestamp(_ seconds: Double, into output: inout [UInt8]) {
        guard seconds.isFinite else { output.append(contentsOf: "null".utf8); return }
        let milliseconds = (seconds * 1000).rounded()
        guard milliseconds.magnitude < 9e15 else { writeDouble(seconds, into: &output); return }
        let total = Int64(milliseconds)
        if total < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = total.magnitude
        writeInteger(Int64(magnitude / 1000), into: &output)
        var fraction = Int(magnitude % 1000)
        guard fraction != 0 else { return }
        output.append(UInt8(ascii: "."))
        var divisor = 100
        while fraction != 0 {
            output.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// A quoted, escaped string.
    static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let isWritten = value.utf8.withContiguousStorageIfAvailable { writeEscaped($0, into: &output) } != nil
        if !isWritten {
            var contiguous = value
            contiguous.withUTF8 { writeEscaped($0, into: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Copies runs of bytes that need no escape in one piece; escapes the others.
    private static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var runStart = 0
        for position in 0 ..< utf8.count {
            let byte = utf8[position]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< position]))
            runStart = position + 1
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            default:
                output.append(contentsOf: "u00".utf8)
                output.append(hexDigits.utf8Start[Int(byte >> 4)])
                output.append(hexDigits.utf8Start[Int(byte & 0x0F)])
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< utf8.count]))
    }
}
