/// An error raised by jq code (`error`, a type mismatch): the value that `try … catch` hands to its handler.
///
/// Distinct from `JQError`, which leaves a run for good: limits of `JQLimits` throw `JQError.runtime` directly so
/// that `try` and `?` cannot swallow them and loop on.
struct JQFailure: Error {
    let value: JQValue

    init(_ value: JQValue) { self.value = value }

    init(message: String) { value = .string(message) }

    /// The message a caller sees: the string itself, or the value's JSON text marked "(not a string)" as jq does.
    var message: String {
        if case .string(let text) = value { return text }
        return "\(value.jsonText) (not a string)"
    }

    /// `type (value) message`, as jq's `type_error`: `number (1) has no keys`.
    static func type(_ value: JQValue, _ message: String) -> JQFailure {
        JQFailure(message: "\(value.typeName) (\(value.truncatedJSONText)) \(message)")
    }

    /// `type (value) and type (value) message`, as jq's `type_error2`: `string ("a") and number (1) cannot be added`.
    static func types(_ left: JQValue, _ right: JQValue, _ message: String) -> JQFailure {
        JQFailure(message: "\(left.typeName) (\(left.truncatedJSONText)) and \(right.typeName) "
            + "(\(right.truncatedJSONText)) \(message)")
    }
}
