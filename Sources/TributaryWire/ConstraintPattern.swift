import Foundation

/// A regular-expression constraint of an AWS model: `text` is what error messages quote, `matches` tests a whole
/// value (the pattern is anchored at both ends, as AWS applies it).
public struct ConstraintPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once built and safe to share between threads.
    private let expression: NSRegularExpression
    public let text: String

    public init(_ text: String) {
        self.text = text
        // The patterns are constants of this code base: a bad one is a programmer error.
        self.expression = try! NSRegularExpression(pattern: "\\A(?:\(text))\\z", options: [])
    }

    public func matches(_ value: String) -> Bool {
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        return expression.firstMatch(in: value, options: [], range: range) != nil
    }
}
