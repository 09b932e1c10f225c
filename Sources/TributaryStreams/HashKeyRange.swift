/// The inclusive range of hash keys a shard owns.
public struct HashKeyRange: Sendable, Equatable, Codable {
    public var start: UInt128
    public var end: UInt128

    public init(start: UInt128, end: UInt128) {
        precondition(start <= end, "a hash-key range must not be empty")
        self.start = start
        self.end = end
    }

    public func contains(_ hashKey: UInt128) -> Bool { hashKey >= start && hashKey <= end }

    /// Splits the whole key space into `count` ranges as AWS does: each of size floor(2^128 / count), the last one
    /// running to 2^128 - 1.
    public static func evenSplit(count: Int) -> [HashKeyRange] {
        precondition(count >= 1)
        if count == 1 { return [HashKeyRange(start: 0, end: .max)] }
        // floor(2^128 / n) computed as floor((2^128 - 1) / n), corrected when n divides 2^128 exactly.
        var size = UInt128.max / UInt128(count)
        if (UInt128.max % UInt128(count)) == UInt128(count) - 1 { size += 1 }
        return (0..<count).map { index in
            let start = size * UInt128(index)
            let end = index == count - 1 ? UInt128.max : size * UInt128(index + 1) - 1
            return HashKeyRange(start: start, end: end)
        }
    }

    // Codable as decimal strings: JSON numbers cannot hold 128 bits.
    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let start = HashKey.parse(decimal: try container.decode(String.self, forKey: .start)),
              let end = HashKey.parse(decimal: try container.decode(String.self, forKey: .end)), start <= end
        else { throw DecodingError.dataCorruptedError(forKey: .start, in: container, debugDescription: "bad hash range") }
        self.start = start
        self.end = end
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(start), forKey: .start)
        try container.encode(String(end), forKey: .end)
    }
}
