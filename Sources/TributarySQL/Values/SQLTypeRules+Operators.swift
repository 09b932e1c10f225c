/// Result types of the binary and unary operators, with Calcite's "Cannot apply" messages for operands they reject.
extension SQLTypeRules {
    /// The type of `left op right`, or an error naming the supported forms.
    ///
    /// Arithmetic follows `arithmeticType` for numbers; `TIMESTAMP|DATE|TIME ± INTERVAL` keeps the datetime type
    /// (`INTERVAL + datetime` too), `datetime - datetime` of one type is a day-time interval, intervals of one kind
    /// add and subtract, and an interval multiplied or divided by a number stays an interval. `||` joins strings
    /// into a VARCHAR of the summed length (CHAR when both are CHAR). Comparisons need comparable types and give
    /// BOOLEAN; AND and OR need BOOLEAN. A NULL literal takes the other operand's type.
    package static func binaryResultType(_ op: BinaryOperator, _ left: SQLType,
                                        _ right: SQLType) throws(SQLTypeError) -> SQLType {
        switch op {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard isComparable(left, right) else { throw cannotApply(op, left, right) }
            return .boolean
        case .and, .or:
            guard (left == .boolean || left == .unknown) && (right == .boolean || right == .unknown) else {
                throw cannotApply(op, left, right)
            }
            return .boolean
        case .concatenate:
            return try concatenationType(left, right)
        case .add, .subtract, .multiply, .divide:
            if left == .unknown && right == .unknown { return .unknown }
            if left == .unknown { return try binaryResultType(op, right, right) }
            if right == .unknown { return try binaryResultType(op, left, left) }
            guard let type = arithmeticResultType(op, left, right) else { throw cannotApply(op, left, right) }
            return type
        }
    }

    /// The type of `op operand`: `-` and `+` keep a numeric or interval type, NOT needs BOOLEAN.
    package static func unaryResultType(_ op: UnaryOperator, _ operand: SQLType) throws(SQLTypeError) -> SQLType {
        switch op {
        case .negate, .plus:
            guard operand.isNumeric || operand.isInterval || operand == .unknown else {
                let symbol = op == .negate ? "-" : "+"
                throw SQLTypeError(
                    "Cannot apply '\(symbol)' to arguments of type '\(symbol)<\(operand.sqlText)>'. "
                        + "Supported form(s): '\(symbol)<NUMERIC>'\n'\(symbol)<DATETIME_INTERVAL>'")
            }
            return operand
        case .not:
            guard operand == .boolean || operand == .unknown else {
                throw SQLTypeError(
                    "Cannot apply 'NOT' to arguments of type 'NOT<\(operand.sqlText)>'. "
                        + "Supported form(s): 'NOT<BOOLEAN>'")
            }
            return .boolean
        }
    }

    /// The operator as SQL writes it.
    package static func symbol(of op: BinaryOperator) -> String {
        switch op {
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        case .divide: "/"
        case .concatenate: "||"
        case .equal: "="
        case .notEqual: "<>"
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .and: "AND"
        case .or: "OR"
        }
    }

    private static func arithmeticResultType(_ op: BinaryOperator, _ left: SQLType, _ right: SQLType) -> SQLType? {
        if left.isNumeric && right.isNumeric {
            return arithmeticType(op, left, right)
        }
        switch op {
        case .add:
            if left.isDatetime && right.isInterval && datetime(left, accepts: right) { return left }
            if left.isInterval && right.isDatetime && datetime(right, accepts: left) { return right }
            if left.isInterval && left == right { return left }
        case .subtract:
            if left.isDatetime && right.isInterval && datetime(left, accepts: right) { return left }
            if left.isDatetime && left == right { return .intervalDayTime }
            if left.isInterval && left == right { return left }
        case .multiply:
            if left.isInterval && right.isNumeric { return left }
            if left.isNumeric && right.isInterval { return right }
        case .divide:
            if left.isInterval && right.isNumeric { return left }
        default:
            break
        }
        return nil
    }

    /// TIME only moves by day-time intervals; DATE and TIMESTAMP by both kinds.
    private static func datetime(_ type: SQLType, accepts interval: SQLType) -> Bool {
        type != .time || interval == .intervalDayTime
    }

    private static func concatenationType(_ left: SQLType, _ right: SQLType) throws(SQLTypeError) -> SQLType {
        let leftType = left == .unknown ? (right == .unknown ? .varchar(length: 0) : right) : left
        let rightType = right == .unknown ? leftType : right
        switch (leftType, rightType) {
        case (.char(let a), .char(let b)):
            return .char(length: a + b)
        case (.char(let a), .varchar(let b)), (.varchar(let a), .char(let b)), (.varchar(let a), .varchar(let b)):
            return .varchar(length: a + b)
        default:
            throw cannotApply(.concatenate, left, right)
        }
    }

    static func cannotApply(_ op: BinaryOperator, _ left: SQLType, _ right: SQLType) -> SQLTypeError {
        let symbol = symbol(of: op)
        let forms: [String]
        switch op {
        case .add:
            forms = ["<NUMERIC> + <NUMERIC>", "<DATETIME_INTERVAL> + <DATETIME_INTERVAL>",
                     "<DATETIME> + <DATETIME_INTERVAL>", "<DATETIME_INTERVAL> + <DATETIME>"]
        case .subtract:
            forms = ["<NUMERIC> - <NUMERIC>", "<DATETIME_INTERVAL> - <DATETIME_INTERVAL>",
                     "<DATETIME> - <DATETIME_INTERVAL>"]
        case .multiply:
            forms = ["<NUMERIC> * <NUMERIC>", "<DATETIME_INTERVAL> * <NUMERIC>", "<NUMERIC> * <DATETIME_INTERVAL>"]
        case .divide:
            forms = ["<NUMERIC> / <NUMERIC>", "<DATETIME_INTERVAL> / <NUMERIC>"]
        case .concatenate:
            forms = ["<STRING> || <STRING>"]
        case .and, .or:
            forms = ["<BOOLEAN> \(symbol) <BOOLEAN>"]
        default:
            forms = ["<COMPARABLE_TYPE> \(symbol) <COMPARABLE_TYPE>"]
        }
        let supported = forms.map { "'\($0)'" }.joined(separator: "\n")
        return SQLTypeError(
            "Cannot apply '\(symbol)' to arguments of type '<\(left.sqlText)> \(symbol) <\(right.sqlText)>'. "
                + "Supported form(s): \(supported)")
    }
}
