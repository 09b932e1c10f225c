/// jq 1.6's arithmetic on every pair of types.
///
/// | Operator | Operands                 | Result                                                            |
/// |----------|--------------------------|-------------------------------------------------------------------|
/// | `+`      | null and x, x and null   | x                                                                 |
/// | `+`      | numbers / strings / arrays | sum / concatenation / concatenation                             |
/// | `+`      | objects                  | members of both, the right one winning on a shared key            |
/// | `-`      | numbers / arrays         | difference / the left elements not equal to any right element     |
/// | `*`      | numbers                  | product                                                           |
/// | `*`      | string and number        | the string repeated (count n: n ≤ 0 gives null, fractions as jq 1.6) |
/// | `*`      | objects                  | recursive merge: shared keys holding objects on both sides merge  |
/// | `/`      | numbers / strings        | quotient (zero divisor is an error) / `split` by the right string |
/// | `%`      | numbers                  | remainder of both truncated to 64-bit integers (zero divisor is an error) |
///
/// Any other pair fails as jq's does: `string ("a") and number (1) cannot be added`. Copying costs are charged to
/// the run; string results are checked against `JQLimits.stringBytesMax` before they are built.
enum JQArithmetic {
    static func apply(_ operation: JQArithmeticOperator, _ left: JQValue, _ right: JQValue,
                      _ execution: JQExecution) throws -> JQValue {
        switch operation {
        case .add: try add(left, right, execution)
        case .subtract: try subtract(left, right, execution)
        case .multiply: try multiply(left, right, execution)
        case .divide: try divide(left, right, execution)
        case .remainder: try remainder(left, right)
        }
    }

    static func add(_ left: JQValue, _ right: JQValue, _ execution: JQExecution) throws -> JQValue {
        switch (left, right) {
        case (.null, _): return right
        case (_, .null): return left
        case (.number(let a), .number(let b)): return .number(a + b)
        case (.string(let a), .string(let b)):
            try execution.checkStringLength(a.utf8.count + b.utf8.count)
            return .string(a + b)
        case (.array(let a), .array(let b)):
            try execution.charge(a.count + b.count)
            return .array(JQArray(a.elements + b.elements))
        case (.object(var a), .object(let b)):
            try execution.charge(a.count + b.count)
            for (key, value) in b { a[key] = value }
            return .object(a)
        default:
            throw JQFailure.types(left, right, "cannot be added")
        }
    }

    static func subtract(_ left: JQValue, _ right: JQValue, _ execution: JQExecution) throws -> JQValue {
        switch (left, right) {
        case (.number(let a), .number(let b)): return .number(a - b)
        case (.array(let a), .array(let b)):
            try execution.charge(a.count * max(b.count, 1) + min(a.weight, b.weight))
            return .array(JQArray(a.elements.filter { element in !b.elements.contains { $0 == element } }))
        default:
            throw JQFailure.types(left, right, "cannot be subtracted")
        }
    }

    static func multiply(_ left: JQValue, _ right: JQValue, _ execution: JQExecution) throws -> JQValue {
        switch (left, right) {
        case (.number(let a), .number(let b)): return .number(a * b)
        case (.string(let text), .number(let count)), (.number(let count), .string(let text)):
            return try repeated(text, count, execution)
        case (.object(let a), .object(let b)):
            return .object(try deepMerge(a, b, execution))
        default:
            throw JQFailure.types(left, right, "cannot be multiplied")
        }
    }

    /// jq 1.6 appends the string `(int)(count - 1)` times to itself, and gives null when that is negative.
    private static func repeated(_ text: String, _ count: Double, _ execution: JQExecution) throws -> JQValue {
        let extra = count - 1
        guard !extra.isNaN, extra > -1 else { return .null }
        let extraCopies = extra >= Double(JQLimits.stringBytesMax) ? JQLimits.stringBytesMax : Int(extra)
        let byteCount = text.utf8.count
        if byteCount > 0 { try execution.checkStringLength(byteCount * (extraCopies + 1)) }
        guard byteCount > 0 else { return .string(text) }
        return .string(String(repeating: text, count: extraCopies + 1))
    }

    private static func deepMerge(_ left: JQObject, _ right: JQObject, _ execution: JQExecution) throws -> JQObject {
        try execution.charge(left.count + right.count)
        var merged = left
        for (key, value) in right {
            if case .object(let inner)? = merged[key], case .object(let other) = value {
                merged[key] = .object(try deepMerge(inner, other, execution))
            } else {
                merged[key] = value
            }
        }
        return merged
    }

    static func divide(_ left: JQValue, _ right: JQValue, _ execution: JQExecution) throws -> JQValue {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            guard b != 0 else { throw JQFailure.types(left, right, "cannot be divided because the divisor is zero") }
            return .number(a / b)
        case (.string(let text), .string(let separator)):
            try execution.charge(1 + text.utf8.count / 16)
            return .array(JQArray(JQStrings.split(text, by: separator).map { .string($0) }))
        default:
            throw JQFailure.types(left, right, "cannot be divided")
        }
    }

    static func remainder(_ left: JQValue, _ right: JQValue) throws -> JQValue {
        guard case .number(let a) = left, case .number(let b) = right else {
            throw JQFailure.types(left, right, "cannot be divided (remainder)")
        }
        let dividend = truncatedInteger(a), divisor = truncatedInteger(b)
        guard divisor != 0 else {
            throw JQFailure.types(left, right, "cannot be divided (remainder) because the divisor is zero")
        }
        if divisor == -1 { return .number(0) }
        return .number(Double(dividend % divisor))
    }

    /// C's conversion of a double to a 64-bit integer on x86-64, which jq 1.6 relies on: truncation toward zero, and
    /// `Int64.min` for NaN and for values out of range.
    static func truncatedInteger(_ number: Double) -> Int64 {
        guard number.isFinite, number >= -9.223372036854775808e18, number < 9.223372036854775808e18 else {
            return Int64.min
        }
        return Int64(number.rounded(.towardZero))
    }
}
