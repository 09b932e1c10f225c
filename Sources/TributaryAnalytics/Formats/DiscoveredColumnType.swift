import TributarySQL

/// The SQL type schema discovery infers for one column from every sampled value of it.
///
/// Integers are INTEGER (BIGINT past 32 bits), other numbers REAL (what discovery gives the stock-ticker demo's
/// PRICE and CHANGE), JSON booleans BOOLEAN, and anything else, or a mix of kinds, VARCHAR(n) with n the longest
/// value's length rounded up to a power of two, at least 4 (`AK` → VARCHAR(4), `ShortTons` → VARCHAR(16), as
/// AWS's own discovery examples show). Strings that look like dates stay VARCHAR, as AWS leaves them. A column
/// seen only as null or empty is VARCHAR(4).
struct DiscoveredColumnType {
    private enum Kind: Int {
        case none, boolean, integer, bigint, real, text
    }

    private var kind = Kind.none
    private var longestText = 0

    /// Accounts for one JSON value of the column (nil or null: nothing to learn).
    mutating func add(_ value: RecordJSONValue?) {
        guard let value, let text = value.fieldText else { return }
        longestText = max(longestText, text.count)
        switch value {
        case .bool: merge(.boolean)
        case .number(let digits): merge(Self.numberKind(digits))
        default: merge(.text)
        }
    }

    /// Accounts for one CSV field of the column (an empty field: nothing to learn).
    mutating func add(field: String) {
        guard !field.isEmpty else { return }
        longestText = max(longestText, field.count)
        if let syntax = SQLNumberSyntax(field), syntax.text.count == field.count {
            merge(Self.numberKind(String(syntax.text)))
        } else {
            merge(.text)
        }
    }

    var sqlType: SQLType {
        switch kind {
        case .boolean: .boolean
        case .integer: .integer
        case .bigint: .bigint
        case .real: .real
        case .none, .text: .varchar(length: Self.roundedLength(longestText))
        }
    }

    private mutating func merge(_ other: Kind) {
        switch (kind, other) {
        case (.none, _): kind = other
        case (_, _) where kind == other: break
        case (.integer, .bigint), (.bigint, .integer): kind = .bigint
        case (.integer, .real), (.bigint, .real), (.real, .integer), (.real, .bigint): kind = .real
        default: kind = .text
        }
    }

    private static func numberKind(_ text: String) -> Kind {
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard let value = Int64(digits) else { return .real }
        return Int64(Int32.min) ... Int64(Int32.max) ~= value ? .integer : .bigint
    }

    private static func roundedLength(_ length: Int) -> Int {
        var rounded = 4
        while rounded < length { rounded *= 2 }
        return rounded
    }
}
