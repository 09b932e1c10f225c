/// A call that cannot be bound: an unknown function, arguments of the wrong types or the wrong number of
/// arguments. The binder reports it as a SQL error of the application code, with Calcite-like wording
/// (`No match found for function signature FOO(<NUMERIC>)`).
package struct SQLFunctionError: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }

    /// `No match found for function signature NAME(<FAMILY>, ...)`.
    static func noMatch(_ name: String, _ arguments: [FunctionArgument]) -> SQLFunctionError {
        let signature = arguments.map(\.signatureText).joined(separator: ", ")
        return SQLFunctionError("No match found for function signature \(name)(\(signature))")
    }

    /// `Invalid number of arguments to function 'NAME'. Was expecting N arguments`.
    static func invalidCount(_ name: String, expecting count: Int) -> SQLFunctionError {
        SQLFunctionError("Invalid number of arguments to function '\(name)'. Was expecting \(count) arguments")
    }
}

extension FunctionArgument {
    /// The argument as Calcite prints it in a signature: the type family in angle brackets.
    var signatureText: String {
        switch self {
        case .keyword:
            return "<SYMBOL>"
        case .value(let type):
            switch type {
            case .boolean: return "<BOOLEAN>"
            case .tinyint, .smallint, .integer, .bigint, .decimal, .real, .double: return "<NUMERIC>"
            case .char, .varchar: return "<CHARACTER>"
            case .varbinary: return "<BINARY>"
            case .date: return "<DATE>"
            case .time: return "<TIME>"
            case .timestamp: return "<TIMESTAMP>"
            case .intervalDayTime: return "<INTERVAL_DAY_TIME>"
            case .intervalYearMonth: return "<INTERVAL_YEAR_MONTH>"
            case .unknown: return "<NULL>"
            }
        }
    }
}
