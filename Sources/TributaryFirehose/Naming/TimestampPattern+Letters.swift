/// Which pattern letters Java's DateTimeFormatter accepts, and how many of each in a run.
///
/// Letters outside this table are refused as Java refuses them ("Unknown pattern letter"). AWS measured over all
/// 52 ASCII letters as single-letter patterns: C I J P R T U V b f i j l o p r t are refused, the rest accepted,
/// which is exactly Java's table (`V` needs two letters, `p` a following letter).
extension TimestampPattern {
    static func checkCount(letter: Unicode.Scalar, count: Int) throws(Invalid) {
        let tooMany = Invalid(reason: "Too many pattern letters: \(letter)")
        switch letter {
        case "G", "E", "M", "L", "Q", "q":
            if count > 5 { throw tooMany }
        case "e":
            if count > 5 { throw tooMany }
        case "c":
            if count == 2 { throw Invalid(reason: "Invalid pattern \"cc\"") }
            if count > 5 { throw tooMany }
        case "a", "F", "W":
            if count > 1 { throw tooMany }
        case "H", "k", "K", "h", "m", "s", "d", "w":
            if count > 2 { throw tooMany }
        case "D":
            if count > 3 { throw tooMany }
        case "y", "u", "Y", "g", "A", "n", "N":
            if count > NamingLimits.numberWidthMax {
                throw Invalid(reason: "The minimum width must be from 1 to 19 inclusive but was \(count)")
            }
        case "S":
            if count > NamingLimits.fractionDigitsMax {
                throw Invalid(reason: "Minimum width must be from 0 to 9 inclusive but was \(count)")
            }
        case "z":
            if count > 4 { throw tooMany }
        case "Z", "X", "x":
            if count > 5 { throw tooMany }
        case "V":
            if count != 2 { throw Invalid(reason: "Pattern letter count must be 2: V") }
        case "v":
            if count != 1 && count != 4 { throw Invalid(reason: "Wrong number of pattern letters: v") }
        case "O":
            if count != 1 && count != 4 { throw Invalid(reason: "Pattern letter count must be 1 or 4: O") }
        case "B":
            if count != 1 && count != 4 && count != 5 {
                throw Invalid(reason: "Wrong number of pattern letters: B")
            }
        default:
            throw Invalid(reason: "Unknown pattern letter: \(letter)")
        }
    }
}
