import Foundation

/// A regular-expression constraint of an AWS model: `text` is what error messages quote, `matches` tests a whole
/// value (the pattern is anchored at both ends, as AWS applies it).
///
/// Patterns that are one ASCII character class repeated (`[a-zA-Z0-9_.-]+`, most AWS name patterns) are matched
/// with a byte table, since they are checked on every request; the rest go through NSRegularExpression.
public struct ConstraintPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once built and safe to share between threads.
    private let expression: NSRegularExpression
    /// For `[class]+` patterns: which ASCII bytes the class allows.
    private let allowedBytes: [Bool]?
    public let text: String

    public init(_ text: String) {
        self.text = text
        // The patterns are constants of this code base: a bad one is a programmer error.
        self.expression = try! NSRegularExpression(pattern: "\\A(?:\(text))\\z", options: [])
        self.allowedBytes = Self.simpleClass(text)
    }

    public func matches(_ value: String) -> Bool {
        if let allowedBytes {
            return !value.utf8.isEmpty && value.utf8.allSatisfy { $0 < 128 && allowedBytes[Int($0)] }
        }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, options: [], range: range) != nil
    }

    /// The byte table of a pattern `[...]+` made of ASCII letters, digits, ranges and the literal punctuation
    /// `_ . -` (a `-` last is literal); nil for anything else.
    private static func simpleClass(_ pattern: String) -> [Bool]? {
        let bytes = Array(pattern.utf8)
        guard bytes.count > 3, bytes.first == UInt8(ascii: "["), bytes.suffix(2) == [UInt8(ascii: "]"), UInt8(ascii: "+")]
        else { return nil }
        let body = Array(bytes[1..<(bytes.count - 2)])
        var table = [Bool](repeating: false, count: 128)
        var index = 0
        func isPlain(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        while index < body.count {
            let byte = body[index]
            if index + 2 < body.count, body[index + 1] == UInt8(ascii: "-"), isPlain(byte), isPlain(body[index + 2]) {
                guard byte <= body[index + 2] else { return nil }
                for allowed in byte...body[index + 2] { table[Int(allowed)] = true }
                index += 3
            } else if isPlain(byte) || (byte == UInt8(ascii: "-") && index == body.count - 1) {
                table[Int(byte)] = true
                index += 1
            } else {
                return nil
            }
        }
        return table
    }
}
