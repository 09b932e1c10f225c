/// Writes a `Document` as CBOR (RFC 8949) for `application/x-amz-cbor-1.1` answers to the AWS SDK for Java and KCL.
///
/// Choices, all of which `CBORDocumentDecoder` and Jackson's CBOR parser (inside the Java SDK) read back:
///
/// | Document        | CBOR                                                                                    |
/// |-----------------|-----------------------------------------------------------------------------------------|
/// | `.null`         | simple value 22 (`0xF6`)                                                                |
/// | `.bool`         | simple values 20 / 21 (`0xF4` / `0xF5`)                                                 |
/// | `.integer`      | major type 0 or 1 with the shortest head (argument in 0, 1, 2, 4 or 8 bytes)            |
/// | `.double`       | always float64 (`0xFB` + 8 bytes), NaN and infinities included: never lossy, and the    |
/// |                 | Java SDK reads any width, so shrinking to float32/16 would save bytes but not matter    |
/// | `.string`       | text string (major type 3), definite length                                             |
/// | `.blob`         | byte string (major type 2), definite length                                             |
/// | `.timestamp`    | tag 1 around an integer count of `CBORTimestampUnit` units (default milliseconds, as    |
/// |                 | the Java SDK writes and expects; rounded); float64 only when that count is not a whole  |
/// |                 | number that fits Int64 (fractional seconds, non-finite values)                          |
/// | `.array`        | array (major type 4), definite length                                                   |
/// | `.object`       | map (major type 5), definite length, members in dictionary order (not sorted)           |
///
/// Botocore's `smithy-rpc-v2-cbor` serializer also writes tag 1 around a whole number, but of seconds; pass
/// `.seconds` for that protocol.
public enum CBORDocumentEncoder {
    public static func encode(_ document: Document, timestampUnit: CBORTimestampUnit = .milliseconds) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(document, timestampUnit: timestampUnit, into: &output)
        return output
    }

    static func write(_ document: Document, timestampUnit: CBORTimestampUnit, into output: inout [UInt8]) {
        switch document {
        case .null: output.append(0xF6)
        case .bool(let value): output.append(value ? 0xF5 : 0xF4)
        case .integer(let value): writeInteger(value, into: &output)
        case .double(let value): writeDouble(value, into: &output)
        case .string(let value):
            writeHead(.textString, argument: UInt64(value.utf8.count), into: &output)
            output.append(contentsOf: value.utf8)
        case .blob(let bytes):
            writeHead(.byteString, argument: UInt64(bytes.count), into: &output)
            output.append(contentsOf: bytes)
        case .timestamp(let seconds):
            writeHead(.tag, argument: 1, into: &output)
            let count = seconds * timestampUnit.unitsPerSecond
            let rounded = timestampUnit == .milliseconds ? count.rounded() : count
            if let whole = Int64(exactly: rounded) {
                writeInteger(whole, into: &output)
            } else {
                writeDouble(count, into: &output)
            }
        case .array(let elements):
            writeHead(.array, argument: UInt64(elements.count), into: &output)
            for element in elements { write(element, timestampUnit: timestampUnit, into: &output) }
        case .object(let members):
            writeHead(.map, argument: UInt64(members.count), into: &output)
            for (key, value) in members {
                writeHead(.textString, argument: UInt64(key.utf8.count), into: &output)
                output.append(contentsOf: key.utf8)
                write(value, timestampUnit: timestampUnit, into: &output)
            }
        }
    }

    static func writeInteger(_ value: Int64, into output: inout [UInt8]) {
        if value >= 0 {
            writeHead(.unsignedInteger, argument: UInt64(value), into: &output)
        } else {
            // Major type 1 carries -1 - value, which is ~value and never overflows (Int64.min gives Int64.max).
            writeHead(.negativeInteger, argument: UInt64(~value), into: &output)
        }
    }

    static func writeDouble(_ value: Double, into output: inout [UInt8]) {
        output.append(CBORMajorType.simpleOrFloat.initialByte(additionalInformation: 27))
        appendBigEndian(value.bitPattern, size: 8, into: &output)
    }

    /// The shortest head for `argument` (RFC 8949 §4.2.1 preferred serialization).
    static func writeHead(_ majorType: CBORMajorType, argument: UInt64, into output: inout [UInt8]) {
        switch argument {
        case 0 ..< 24:
            output.append(majorType.initialByte(additionalInformation: UInt8(argument)))
        case 24 ... 0xFF:
            output.append(majorType.initialByte(additionalInformation: 24))
            output.append(UInt8(argument))
        case 0x100 ... 0xFFFF:
            output.append(majorType.initialByte(additionalInformation: 25))
            appendBigEndian(argument, size: 2, into: &output)
        case 0x1_0000 ... 0xFFFF_FFFF:
            output.append(majorType.initialByte(additionalInformation: 26))
            appendBigEndian(argument, size: 4, into: &output)
        default:
            output.append(majorType.initialByte(additionalInformation: 27))
            appendBigEndian(argument, size: 8, into: &output)
        }
    }

    private static func appendBigEndian(_ value: UInt64, size: Int, into output: inout [UInt8]) {
        for shift in stride(from: (size - 1) * 8, through: 0, by: -8) {
            output.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
