/// The built-in scalar functions of the Kinesis Data Analytics SQL dialect (string, numeric, datetime, conversion
/// and null-handling functions). The binder asks it whether a name is a scalar function and resolves each call
/// from its argument types into a `ScalarFunction` with a result type and an evaluator. Aggregates and window
/// functions live elsewhere.
package enum ScalarFunctionLibrary {
    /// One function name: how many arguments it takes and how to pick an implementation for argument types
    /// (nil when the types do not fit).
    struct Entry: Sendable {
        let arity: ClosedRange<Int>
        let resolve: @Sendable ([FunctionArgument]) -> ScalarFunction?
    }

    static let entries: [String: Entry] = {
        var all: [String: Entry] = [:]
        for group in [StringFunctions.entries, NumericFunctions.entries, DateTimeFunctions.entries,
                      DateTimeConversionFunctions.entries, NullFunctions.entries] {
            all.merge(group) { first, _ in first }
        }
        return all
    }()

    /// Picks the implementation of `name` for `arguments`, or explains why the call is invalid.
    package static func resolve(name: String,
                               arguments: [FunctionArgument]) throws(SQLFunctionError) -> ScalarFunction {
        guard let entry = entries[name.uppercased()] else {
            throw SQLFunctionError.noMatch(name, arguments)
        }
        if arguments.count < entry.arity.lowerBound {
            throw SQLFunctionError.invalidCount(name, expecting: entry.arity.lowerBound)
        }
        if arguments.count > entry.arity.upperBound {
            throw SQLFunctionError.invalidCount(name, expecting: entry.arity.upperBound)
        }
        guard let function = entry.resolve(arguments) else {
            throw SQLFunctionError.noMatch(name, arguments)
        }
        return function
    }

    /// Whether `name` (any case) is one of the built-in scalar functions.
    package static func isScalarFunction(_ name: String) -> Bool {
        entries[name.uppercased()] != nil
    }
}
