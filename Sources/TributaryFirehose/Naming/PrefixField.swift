/// Which of a destination's two prefixes a template was written for.
///
/// It exists because AWS names the field in some of its messages ("... in ErrorOutputPrefix") and because an
/// ErrorOutputPrefix without expressions evaluates differently from a Prefix without expressions.
public enum PrefixField: String, Sendable, Equatable {
    case prefix
    case errorOutputPrefix

    /// The API member name, as AWS writes it in messages.
    public var name: String {
        switch self {
        case .prefix: "Prefix"
        case .errorOutputPrefix: "ErrorOutputPrefix"
        }
    }

    /// AWS's length message says "evaluated prefix" for Prefix and "evaluated ErrorOutputPrefix" for the other.
    var lengthMessageName: String {
        switch self {
        case .prefix: "prefix"
        case .errorOutputPrefix: "ErrorOutputPrefix"
        }
    }
}
