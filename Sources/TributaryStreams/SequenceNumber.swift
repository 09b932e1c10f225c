/// The decimal sequence numbers Kinesis hands out, encoding where a record lives.
///
/// Format, 56 decimal digits, each field zero-padded so that numeric order equals string order:
///
/// | digits | size | field |
/// |-------:|-----:|-------|
/// | 0      | 1    | format version, always `4` |
/// | 1      | 13   | stream incarnation (creation time in ms): a number from a deleted stream of the same name is refused |
/// | 14     | 7    | shard index, so the shard is known from the number alone |
/// | 21     | 20   | offset of the record in the shard's log |
/// | 41     | 15   | check digits: FNV-1a of digits 0..<41 modulo 10^15, so a mistyped number is refused |
///
/// Within a shard numbers grow with the offset; a child shard (higher index) numbers above its parents, as on AWS.
public struct SequenceNumber: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let incarnation: Int64
    public let shardIndex: Int
    public let offset: UInt64

    public static let digitCount = 56
    static let shardIndexMax = 9_999_999

    public init(incarnation: Int64, shardIndex: Int, offset: UInt64) {
        precondition(incarnation >= 0 && incarnation < 10_000_000_000_000)
        precondition(shardIndex >= 0 && shardIndex <= Self.shardIndexMax)
        self.incarnation = incarnation
        self.shardIndex = shardIndex
        self.offset = offset
    }

    public var description: String {
        let prefix = "4" + Self.padded(UInt64(incarnation), width: 13) + Self.padded(UInt64(shardIndex), width: 7)
            + Self.padded(offset, width: 20)
        return prefix + Self.padded(Self.check(prefix), width: 15)
    }

    /// Parses a number this server issued; nil for anything else (wrong length, version or check digits).
    public init?(parsing text: String) {
        let digits = Array(text.utf8)
        guard digits.count == Self.digitCount, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), digits[0] == 52 else {
            return nil
        }
        func number(_ range: Range<Int>) -> UInt64? {
            var value: UInt64 = 0
            for digit in digits[range] {
                let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = shifted.addingReportingOverflow(UInt64(digit - 48))
                if o1 || o2 { return nil }
                value = sum
            }
            return value
        }
        let prefix = String(decoding: digits[0..<41], as: UTF8.self)
        guard let incarnation = number(1..<14), let shard = number(14..<21), let offset = number(21..<41),
              let check = number(41..<56), check == Self.check(prefix)
        else { return nil }
        self.init(incarnation: Int64(incarnation), shardIndex: Int(shard), offset: offset)
    }

    private static func padded(_ value: UInt64, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func check(_ prefix: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in prefix.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash % 1_000_000_000_000_000
    }
}
