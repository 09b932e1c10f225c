/// What the binder knows about one argument of a scalar function call when it resolves the call: either a bare
/// keyword of a normalized special syntax (a time unit such as `MINUTE`, a TRIM side such as `LEADING`) or the
/// static type of a value expression. `ScalarFunctionLibrary.resolve` picks an implementation from these.
package enum FunctionArgument: Equatable, Sendable {
    case keyword(String)
    case value(SQLType)
}
