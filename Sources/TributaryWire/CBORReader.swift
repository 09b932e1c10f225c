/// The cursor of one CBOR parse: reads data items (RFC 8949) from `bytes` into `Document`s.
///
/// Positions are byte offsets into `bytes`. Every claimed length or count is checked against the bytes that remain
/// before anything is allocated or read, so a hostile head such as `0x5B FFFFFFFFFFFFFFFF` costs nothing. Arrays,
/// maps and tags each add one level of nesting, capped at `WireLimits.nestingDepthMax`, so recursion is bounded.
/// Data item layout (the head) is documented on `CBORMajorType`.
struct CBORReader {
    let bytes: UnsafeRawBufferPointer
    let timestampUnit: CBORTimestampUnit
    var index = 0

    init(bytes: UnsafeRawBufferPointer, timestampUnit: CBORTimestampUnit) {
        self.bytes = bytes
        self.timestampUnit = timestampUnit
    }

    var remainingCount: Int { bytes.count - index }

    func error(_ text: String) -> DocumentDecodingError {
        DocumentDecodingError("\(text) at offset \(index)")
    }

    // MARK: Heads

    private mutating func readByte() throws -> UInt8 {
        guard index < bytes.count else { throw error("Unexpected end of CBOR input") }
        defer { index += 1 }
        return bytes[index]
    }

    /// Reads the big-endian argument that `additionalInformation` (0-27) announces.
    private mutating func readArgument(additionalInformation: UInt8) throws -> UInt64 {
        switch additionalInformation {
        case 0 ..< CBORMajorType.oneByteArgument: return UInt64(additionalInformation)
        case 24 ... 27:
            let size = 1 << Int(additionalInformation - CBORMajorType.oneByteArgument)
            guard remainingCount >= size else { throw error("Unexpected end of CBOR input in an argument") }
            var argument: UInt64 = 0
            for offset in 0 ..< size { argument = argument << 8 | UInt64(bytes[index + offset]) }
            index += size
            return argument
        default:
            throw error("Reserved CBOR additional information \(additionalInformation)")
        }
    }

    /// A length or count from a head, after checking that `itemBytesMin` bytes per item still fit in the input.
    private func checkedCount(_ argument: UInt64, itemBytesMin: Int) throws -> Int {
        guard argument <= UInt64(remainingCount / itemBytesMin) else {
            throw error("CBOR length \(argument) exceeds the remaining \(remainingCount) bytes")
        }
        return Int(argument)
    }

    // MARK: Data items

    /// Reads one data item; `depth` is the number of arrays, maps and tags that enclose it.
    mutating func readValue(depth: Int) throws -> Document {
        let initialByte = try readByte()
        let majorType = CBORMajorType(initialByte: initialByte)
        let additionalInformation = initialByte & 0x1F
        if additionalInformation == CBORMajorType.indefiniteLength {
            return try readIndefinite(majorType, depth: depth)
        }
        let argument = try readArgument(additionalInformation: additionalInformation)
        switch majorType {
        case .unsignedInteger:
            return argument <= UInt64(Int64.max) ? .integer(Int64(argument)) : .double(Double(argument))
        case .negativeInteger:
            // The value is -1 - argument; ~argument is that in two's complement when it fits.
            return argument <= UInt64(Int64.max) ? .integer(~Int64(argument)) : .double(-1 - Double(argument))
        case .byteString:
            return .blob(try readBytes(count: checkedCount(argument, itemBytesMin: 1)))
        case .textString:
            return .string(try readText(count: checkedCount(argument, itemBytesMin: 1)))
        case .array:
            let inner = try nested(depth)
            let count = try checkedCount(argument, itemBytesMin: 1)
            var elements: [Document] = []
            elements.reserveCapacity(count)
            for _ in 0 ..< count { elements.append(try readValue(depth: inner)) }
            return .array(elements)
        case .map:
            let inner = try nested(depth)
            let count = try checkedCount(argument, itemBytesMin: 2)
            var members: [String: Document] = [:]
            members.reserveCapacity(count)
            for _ in 0 ..< count {
                let key = try readKey(depth: inner)
                members[key] = try readValue(depth: inner)
            }
            return .object(members)
        case .tag:
            return try readTagged(tag: argument, depth: nested(depth))
        case .simpleOrFloat:
            return try readSimpleOrFloat(additionalInformation: additionalInformation, argument: argument)
        }
    }

    /// The depth of the items inside a container at `depth`, refused past the limit.
    private func nested(_ depth: Int) throws -> Int {
        guard depth < WireLimits.nestingDepthMax else { throw error("CBOR nested too deeply") }
        return depth + 1
    }

    private mutating func readBytes(count: Int) throws -> [UInt8] {
        guard count <= remainingCount else { throw error("Unexpected end of CBOR input in a string") }
        defer { index += count }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[index ..< index + count]))
    }

    private mutating func readText(count: Int) throws -> String {
        guard count <= remainingCount else { throw error("Unexpected end of CBOR input in a string") }
        let run = UnsafeRawBufferPointer(rebasing: bytes[index ..< index + count])
        guard let text = String(validating: run, as: UTF8.self) else {
            throw error("Invalid UTF-8 in a CBOR text string")
        }
        index += count
        return text
    }

    /// A map key: AWS documents have text keys only, so any other item (even a tagged text) is refused.
    private mutating func readKey(depth: Int) throws -> String {
        guard index < bytes.count else { throw error("Unexpected end of CBOR input in a map") }
        guard CBORMajorType(initialByte: bytes[index]) == .textString,
              case .string(let key) = try readValue(depth: depth)
        else { throw error("CBOR map key is not a text string") }
        return key
    }

    /// Tag 1 becomes a timestamp; any other tag (bignums, URIs, self-describe 55799...) yields its content unchanged.
    private mutating func readTagged(tag: UInt64, depth: Int) throws -> Document {
        let content = try readValue(depth: depth)
        guard tag == 1 else { return content }
        switch content {
        case .integer(let count): return .timestamp(Double(count) / timestampUnit.unitsPerSecond)
        case .double(let count): return .timestamp(count / timestampUnit.unitsPerSecond)
        default: throw error("CBOR tag 1 (epoch time) does not hold a number")
        }
    }

    private func readSimpleOrFloat(additionalInformation: UInt8, argument: UInt64) throws -> Document {
        switch additionalInformation {
        case 20: return .bool(false)
        case 21: return .bool(true)
        case 22, 23: return .null  // null and undefined
        case 24:
            guard argument >= 32 else { throw error("Malformed CBOR simple value \(argument)") }
            throw error("Unsupported CBOR simple value \(argument)")
        case 25: return .double(Self.halfPrecision(UInt16(truncatingIfNeeded: argument)))
        case 26: return .double(Double(Float(bitPattern: UInt32(truncatingIfNeeded: argument))))
        case 27: return .double(Double(bitPattern: argument))
        default: throw error("Unsupported CBOR simple value \(additionalInformation)")
        }
    }

    /// IEEE 754 binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
    static func halfPrecision(_ bits: UInt16) -> Double {
        let exponent = Int(bits >> 10 & 0x1F)
        let fraction = Double(bits & 0x3FF)
        let magnitude: Double
        switch exponent {
        case 0: magnitude = Double(sign: .plus, exponent: -24, significand: fraction)
        case 31: magnitude = fraction == 0 ? .infinity : .nan
        default: magnitude = Double(sign: .plus, exponent: exponent - 25, significand: fraction + 1024)
        }
        return bits & 0x8000 == 0 ? magnitude : -magnitude
    }

    // MARK: Indefinite-length items

    /// Consumes a "break" byte if it is next; throws at the end of input, where a break was still owed.
    private mutating func consumeBreak() throws -> Bool {
        guard index < bytes.count else { throw error("Unexpected end of CBOR input before a break") }
        guard bytes[index] == CBORMajorType.breakByte else { return false }
        index += 1
        return true
    }

    private mutating func readIndefinite(_ majorType: CBORMajorType, depth: Int) throws -> Document {
        switch majorType {
        case .byteString, .textString:
            return try readChunks(majorType)
        case .array:
            let inner = try nested(depth)
            var elements: [Document] = []
            while try !consumeBreak() { elements.append(try readValue(depth: inner)) }
            return .array(elements)
        case .map:
            let inner = try nested(depth)
            var members: [String: Document] = [:]
            while try !consumeBreak() {
                let key = try readKey(depth: inner)
                guard index < bytes.count, bytes[index] != CBORMajorType.breakByte else {
                    throw error("CBOR map key without a value")
                }
                members[key] = try readValue(depth: inner)
            }
            return .object(members)
        case .simpleOrFloat:
            index -= 1
            throw error("CBOR break outside an indefinite-length item")
        case .unsignedInteger, .negativeInteger, .tag:
            index -= 1
            throw error("CBOR major type \(majorType.rawValue) cannot have an indefinite length")
        }
    }

    /// An indefinite-length string: definite-length chunks of the same major type up to a break. Each text chunk
    /// must be valid UTF-8 by itself (RFC 8949 §3.2.3: a character cannot span chunks).
    private mutating func readChunks(_ majorType: CBORMajorType) throws -> Document {
        var joined: [UInt8] = []
        var text = ""
        while try !consumeBreak() {
            let initialByte = try readByte()
            let additionalInformation = initialByte & 0x1F
            guard CBORMajorType(initialByte: initialByte) == majorType,
                  additionalInformation != CBORMajorType.indefiniteLength
            else {
                index -= 1
                throw error("Invalid chunk in an indefinite-length CBOR string")
            }
            // The argument is read first, so the count is checked against what remains after it.
            let argument = try readArgument(additionalInformation: additionalInformation)
            let count = try checkedCount(argument, itemBytesMin: 1)
            if majorType == .textString {
                text += try readText(count: count)
            } else {
                joined.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index ..< index + count]))
                index += count
            }
        }
        return majorType == .textString ? .string(text) : .blob(joined)
    }
}
