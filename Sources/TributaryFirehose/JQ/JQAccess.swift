/// Indexing, slicing and iterating values, with jq 1.6's results and error messages.
///
/// | Input  | Key                  | Result                                                        |
/// |--------|----------------------|---------------------------------------------------------------|
/// | null   | string, number, obj. | null                                                          |
/// | object | string               | the member, or null                                           |
/// | array  | number               | the element, negative from the end; null out of range or fractional |
/// | array  | array                | the indices where the key occurs as a run of elements          |
/// | other  | any                  | error "Cannot index T with string \"k\"" / "Cannot index T with K" |
enum JQAccess {
    static func index(_ value: JQValue, _ key: JQValue) throws(JQFailure) -> JQValue {
        switch (value, key) {
        case (.null, .string), (.null, .number), (.null, .object):
            return .null
        case (.object(let object), .string(let name)):
            return object[name] ?? .null
        case (.array(let array), .number(let number)):
            guard let position = integerIndex(number, count: array.count) else { return .null }
            return array[position]
        case (.array(let array), .array(let pattern)):
            return .array(JQArray(occurrences(of: pattern.elements, in: array.elements).map { .number(Double($0)) }))
        case (.array, .object):
            throw JQFailure(message: "Start and end indices of an array slice must be numbers")
        case (_, .string(let name)) where name.utf8.count < 30:
            throw JQFailure(message: "Cannot index \(value.typeName) with string \"\(name)\"")
        default:
            throw JQFailure(message: "Cannot index \(value.typeName) with \(key.typeName)")
        }
    }

    /// The element position for a jq array index: integers only, negative from the end, nil when out of range.
    private static func integerIndex(_ number: Double, count: Int) -> Int? {
        guard number.isFinite, number == number.rounded(.towardZero), number.magnitude < 1e15 else { return nil }
        var position = Int(number)
        if position < 0 { position += count }
        return position >= 0 && position < count ? position : nil
    }

    private static func occurrences(of pattern: [JQValue], in elements: [JQValue]) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= elements.count else { return [] }
        return (0 ... elements.count - pattern.count).filter { start in
            zip(elements[start...], pattern).allSatisfy { $0 == $1 }
        }
    }

    /// `value[from:to]` for arrays and strings (by code points); null bounds mean the ends; bounds are clamped and a
    /// fractional end rounds up, as jq 1.6's `parse_slice`.
    static func slice(_ value: JQValue, _ from: JQValue, _ to: JQValue) throws(JQFailure) -> JQValue {
        let count: Int
        switch value {
        case .null: return .null
        case .array(let array): count = array.count
        case .string(let text): count = text.unicodeScalars.count
        default: throw JQFailure(message: "Cannot index \(value.typeName) with object")
        }
        guard let (start, end) = bounds(from, to, count: count) else {
            throw JQFailure(message: "Start and end indices of an array slice must be numbers")
        }
        switch value {
        case .array(let array):
            return .array(JQArray(Array(array.elements[start ..< end])))
        case .string(let text):
            let scalars = text.unicodeScalars
            let lower = scalars.index(scalars.startIndex, offsetBy: start)
            let upper = scalars.index(lower, offsetBy: end - start)
            return .string(String(scalars[lower ..< upper]))
        default:
            return .null
        }
    }

    private static func bounds(_ from: JQValue, _ to: JQValue, count: Int) -> (Int, Int)? {
        let length = Double(count)
        var start: Double, end: Double
        switch from {
        case .null: start = 0
        case .number(let number): start = number.isNaN ? 0 : number
        default: return nil
        }
        switch to {
        case .null: end = length
        case .number(let number): end = number.isNaN ? 0 : number
        default: return nil
        }
        if start < 0 { start += length }
        if end < 0 { end += length }
        start = min(max(start, 0), length)
        end = max(min(end, length), start)
        return (Int(start), Int(end.rounded(.up)))
    }

    /// The elements of an array or the member values of an object, in order.
    static func iterate(_ value: JQValue) throws(JQFailure) -> [JQValue] {
        switch value {
        case .array(let array): return array.elements
        case .object(let object): return object.entries.map(\.value)
        default: throw JQFailure(message: "Cannot iterate over \(value.typeName) (\(value.truncatedJSONText))")
        }
    }
}
