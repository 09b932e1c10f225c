/// The binary operators of the subset, with jq 1.6's precedence (higher binds tighter) and associativity.
///
/// | Precedence | Operators                  | Associativity |
/// |------------|----------------------------|---------------|
/// | 1          | `//`                       | right         |
/// | 2          | `or`                       | left          |
/// | 3          | `and`                      | left          |
/// | 4          | `== != < <= > >=`          | none          |
/// | 5          | `+ -`                      | left          |
/// | 6          | `* / %`                    | left          |
///
/// `|` and `,` bind looser still and are parsed apart (`JQParser.parsePipe`, `parseComma`).
enum JQBinaryOperator {
    case alternative, or, and
    case comparison(JQComparisonOperator)
    case arithmetic(JQArithmeticOperator)

    static let lowestPrecedence = 1
    /// The precedence of the multiplicative operators, which is also where the operand of unary minus stops.
    static let multiplicativePrecedence = 6

    init?(_ token: JQToken) {
        switch token {
        case .symbol("//"): self = .alternative
        case .identifier("or"): self = .or
        case .identifier("and"): self = .and
        case .symbol(let text):
            if let comparison = JQComparisonOperator(rawValue: text) {
                self = .comparison(comparison)
            } else if let arithmetic = JQArithmeticOperator(rawValue: text) {
                self = .arithmetic(arithmetic)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    var precedence: Int {
        switch self {
        case .alternative: 1
        case .or: 2
        case .and: 3
        case .comparison: 4
        case .arithmetic(.add), .arithmetic(.subtract): 5
        case .arithmetic: Self.multiplicativePrecedence
        }
    }

    var isRightAssociative: Bool {
        if case .alternative = self { return true }
        return false
    }

    var isNonAssociative: Bool {
        if case .comparison = self { return true }
        return false
    }
}
