/// The identity of a stored fragment, as clients see it: a string of digits that grows with every fragment of a
/// stream (AWS's are about 47 digits long; clients treat them as opaque and compare them only for equality).
///
/// It exists so that storage positions (the offset of the fragment's first record in the stream's data log) never
/// leak to clients as such, and so that parsing a client's string is done, and refused, in one place.
public struct FragmentNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The data-log offset of the fragment's first record.
    public let offset: UInt64

    /// Digits put in front of the zero-padded offset, so numbers look like AWS's and have a fixed length.
    static let prefix = "9134385233318"
    static let offsetDigits = 20

    public init(offset: UInt64) {
        self.offset = offset
    }

    /// Parses a number this server handed out; nil for anything else (wrong length, prefix or characters).
    public init?(_ text: String) {
        let digits = Array(text.utf8)
        guard digits.count == Self.prefix.utf8.count + Self.offsetDigits,
              text.hasPrefix(Self.prefix),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let offset = UInt64(text.dropFirst(Self.prefix.utf8.count)) else { return nil }
        self.offset = offset
    }

    public var description: String {
        let digits = String(offset)
        return Self.prefix + String(repeating: "0", count: Self.offsetDigits - digits.count) + digits
    }

    public static func < (lhs: FragmentNumber, rhs: FragmentNumber) -> Bool {
        lhs.offset < rhs.offset
    }
}
