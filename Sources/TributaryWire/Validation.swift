/// Collects constraint failures of one request and throws them as one ValidationException in AWS's words:
/// `1 validation error detected: Value 'a b' at 'streamName' failed to satisfy constraint: Member must satisfy
/// regular expression pattern: [a-zA-Z0-9_.-]+`; several failures are counted and joined with `; `.
///
/// Like AWS, it keeps the first `failuresListedMax` failures and drops the rest (the count then says 10 too).
public struct Validation: Sendable {
    /// AWS's front end stops after ten failures: a 501-record PutRecords with empty partition keys answers
    /// "10 validation errors detected" (one for the list, nine for records). It also bounds the message.
    public static let failuresListedMax = 10

    private var failures: [String] = []

    public init() {}

    public var isEmpty: Bool { failures.isEmpty }

    /// Whether further failures would be dropped; lets a caller skip rendering values no one will read.
    public var isFull: Bool { failures.count >= Self.failuresListedMax }

    /// Records a failure; a nil value renders as `null`, others quoted.
    public mutating func fail(value: String?, at path: String, constraint: String) {
        let rendered = value.map { "'\($0)'" } ?? "null"
        append("Value \(rendered) at '\(path)' failed to satisfy constraint: \(constraint)")
    }

    /// Records a failure of a sensitive member (a password, a token): AWS names the path but not the value,
    /// `Value at 'path' failed to satisfy constraint: ...`.
    public mutating func fail(hiddenValueAt path: String, constraint: String) {
        append("Value at '\(path)' failed to satisfy constraint: \(constraint)")
    }

    private mutating func append(_ failure: String) {
        guard !isFull else { return }
        failures.append(failure)
    }

    /// Records "must not be null" when the value is missing; returns it unchanged.
    public mutating func required<T>(_ value: T?, at path: String) -> T? {
        if value == nil { fail(value: nil, at: path, constraint: "Member must not be null") }
        return value
    }

    /// String length in characters (Unicode scalars), as AWS counts it.
    public mutating func length(_ value: String?, at path: String, min: Int?, max: Int?) {
        guard let value else { return }
        let count = value.unicodeScalars.count
        if let min, count < min {
            fail(value: value, at: path, constraint: "Member must have length greater than or equal to \(min)")
        } else if let max, count > max {
            fail(value: value, at: path, constraint: "Member must have length less than or equal to \(max)")
        }
    }

    public mutating func range(_ value: Int64?, at path: String, min: Int64?, max: Int64?) {
        guard let value else { return }
        if let min, value < min {
            fail(value: String(value), at: path, constraint: "Member must have value greater than or equal to \(min)")
        } else if let max, value > max {
            fail(value: String(value), at: path, constraint: "Member must have value less than or equal to \(max)")
        }
    }

    public mutating func pattern(_ value: String?, at path: String, pattern: ConstraintPattern) {
        guard let value, !pattern.matches(value) else { return }
        fail(value: value, at: path, constraint: "Member must satisfy regular expression pattern: \(pattern.text)")
    }

    public mutating func oneOf(_ value: String?, at path: String, allowed: [String]) {
        guard let value, !allowed.contains(value) else { return }
        fail(value: value, at: path,
             constraint: "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]")
    }

    /// Lists and maps: their element count against the model's bounds.
    public mutating func count(_ count: Int?, at path: String, min: Int?, max: Int?, renderedValue: String?) {
        guard let count else { return }
        let rendered = renderedValue ?? "[\(count) elements]"
        if let min, count < min {
            fail(value: rendered, at: path, constraint: "Member must have length greater than or equal to \(min)")
        } else if let max, count > max {
            fail(value: rendered, at: path, constraint: "Member must have length less than or equal to \(max)")
        }
    }

    /// The message AWS would send for the failures so far.
    public var message: String {
        let noun = failures.count == 1 ? "error" : "errors"
        return "\(failures.count) validation \(noun) detected: " + failures.joined(separator: "; ")
    }

    /// Throws ValidationException (HTTP 400) when any constraint failed.
    public func check() throws {
        guard !failures.isEmpty else { return }
        throw ServiceError(code: "ValidationException", message: message)
    }
}
