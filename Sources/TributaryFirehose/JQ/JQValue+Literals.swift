/// Literal syntax for values, so code and tests can write `["a": 1, "b": [true, .null]]`.
///
/// Not `ExpressibleByNilLiteral`: `nil` would then mean both "no value" and jq's null wherever a `JQValue?` appears.
extension JQValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JQValue...) { self = .array(JQArray(elements)) }
    public init(dictionaryLiteral elements: (String, JQValue)...) { self = .object(JQObject(elements)) }
}
