/// Why a jq program could not be compiled or run.
///
/// Three stages fail differently: a query is refused once, when a delivery stream is configured (`syntax`); a record
/// that is not JSON is refused before the query sees it (`input`); a query that fails on one record (`runtime`)
/// fails that record only. Messages follow jq 1.6's wording where jq has one, so they read as AWS's would.
public enum JQError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The program is not in the supported subset of jq; the message ends with the position (line and column).
    case syntax(String)
    /// The input bytes are not JSON text.
    case input(String)
    /// The program raised an error on this input (`error`, a type mismatch, a limit of `JQLimits`).
    case runtime(String)

    public var description: String {
        switch self {
        case .syntax(let message): "jq syntax error: \(message)"
        case .input(let message): "jq input error: \(message)"
        case .runtime(let message): "jq error: \(message)"
        }
    }
}
