import Foundation

/// The null-handling functions COALESCE and NULLIF, with the common-type rule COALESCE needs to give its
/// arguments one result type.
enum NullFunctions {
    static let entries: [String: ScalarFunctionLibrary.Entry] = [
        "COALESCE": .init(arity: 1...Int.max, resolve: coalesce),
        "NULLIF": .init(arity: 2...2, resolve: nullIf),
    ]

    private static func valueTypes(_ arguments: [FunctionArgument]) -> [SQLType]? {
        var types: [SQLType] = []
        for argument in arguments {
            guard case .value(let type) = argument else { return nil }
            types.append(type)
        }
        return types
    }

    private static func coalesce(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard let types = valueTypes(arguments), let resultType = commonType(types) else { return nil }
        return ScalarFunction(resultType: resultType) { values, _ in
            guard let first = values.first(where: { !$0.isNull }) else { return .null }
            return convert(first, to: resultType)
        }
    }

    private static func nullIf(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard let types = valueTypes(arguments), commonType(types) != nil else { return nil }
        return ScalarFunction(resultType: types[0] == .unknown ? types[1] : types[0]) { values, _ in
            if values[0].isNull || values[1].isNull { return values[0] }
            return equal(values[0], values[1]) ? .null : values[0]
        }
    }

    /// The type all `types` convert to: the widest numeric, the longest character type, or the one shared datetime,
    /// interval or boolean type. NULL-typed arguments fit anything. Nil when the families differ.
    static func commonType(_ types: [SQLType]) -> SQLType? {
        let typed = types.filter { $0 != .unknown }
        guard let first = typed.first else { return .unknown }
        if typed.allSatisfy(\.isNumeric) { return numericCommonType(typed) }
        if typed.allSatisfy(\.isCharacter) {
            let length = typed.map(\.characterLength).max() ?? 1
            let allChar = typed.allSatisfy { if case .char = $0 { true } else { false } }
            return allChar ? .char(length: length) : .varchar(length: length)
        }
        if case .varbinary = first {
            var length = 0
            for type in typed {
                guard case .varbinary(let typeLength) = type else { return nil }
                length = max(length, typeLength)
            }
            return .varbinary(length: length)
        }
        return typed.allSatisfy { $0 == first } ? first : nil
    }

    private static func numericCommonType(_ types: [SQLType]) -> SQLType {
        if types.contains(.double) { return .double }
        if types.contains(.real) { return types.allSatisfy { $0 == .real } ? .real : .double }
        var integerDigits = 0
        var scale = 0
        var hasDecimal = false
        for type in types {
            switch type {
            case .tinyint: integerDigits = max(integerDigits, 3)
            case .smallint: integerDigits = max(integerDigits, 5)
            case .integer: integerDigits = max(integerDigits, 10)
            case .bigint: integerDigits = max(integerDigits, 19)
            case .decimal(let precision, let typeScale):
                hasDecimal = true
                integerDigits = max(integerDigits, precision - typeScale)
                scale = max(scale, typeScale)
            default: break
            }
        }
        if hasDecimal { return .decimal(precision: min(integerDigits + scale, 38), scale: scale) }
        let widest = types.map(rank).max() ?? 4
        return [SQLType.tinyint, .smallint, .integer, .bigint][widest - 1]
    }

    private static func rank(_ type: SQLType) -> Int {
        switch type {
        case .tinyint: return 1
        case .smallint: return 2
        case .integer: return 3
        default: return 4
        }
    }

    /// A value in the representation of `type` (integers become decimals or doubles when the common type is).
    static func convert(_ value: SQLValue, to type: SQLType) -> SQLValue {
        switch (value, type) {
        case (.integer(let integer), .decimal): return .decimal(Decimal(integer))
        case (.integer(let integer), .real), (.integer(let integer), .double): return .double(Double(integer))
        case (.decimal(let decimal), .real), (.decimal(let decimal), .double):
            return .double(NSDecimalNumber(decimal: decimal).doubleValue)
        default: return value
        }
    }

    /// SQL equality of two non-null values of comparable types: numbers by value whatever their representation,
    /// strings ignoring trailing spaces (CHAR padding).
    static func equal(_ left: SQLValue, _ right: SQLValue) -> Bool {
        switch (left, right) {
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer(let a), .decimal(let b)), (.decimal(let b), .integer(let a)): return Decimal(a) == b
        case (.decimal(let a), .decimal(let b)): return a == b
        case (.double(let a), _):
            return (try? right.doubleOperand("NULLIF")).map { a == $0 } ?? false
        case (_, .double(let b)):
            return (try? left.doubleOperand("NULLIF")).map { $0 == b } ?? false
        case (.string(let a), .string(let b)):
            return a.trimmingTrailingSpaces() == b.trimmingTrailingSpaces()
        default: return left == right
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> Substring {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
