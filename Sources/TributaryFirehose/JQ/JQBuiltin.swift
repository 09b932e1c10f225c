/// The builtin functions of the subset, each as `name/arity` (jq names a function by both).
///
/// Arguments are expressions run against the call's input. Most builtins take their values (with several
/// outputs, every combination is tried, the first argument varying slowest); `map`, `select` and the replacement of
/// `sub`/`gsub` run their argument as a filter instead (`argumentIsFilter`).
enum JQBuiltin: String, Sendable, CaseIterable {
    case empty = "empty/0", error = "error/0", errorWithMessage = "error/1", not = "not/0"
    case length = "length/0", utf8ByteLength = "utf8bytelength/0", keys = "keys/0", keysUnsorted = "keys_unsorted/0"
    case has = "has/1", inside = "in/1", map = "map/1", select = "select/1", type = "type/0"
    case toString = "tostring/0", toNumber = "tonumber/0", toJSON = "tojson/0", fromJSON = "fromjson/0"
    case asciiDowncase = "ascii_downcase/0", asciiUpcase = "ascii_upcase/0"
    case trimPrefix = "ltrimstr/1", trimSuffix = "rtrimstr/1", startsWith = "startswith/1", endsWith = "endswith/1"
    case split = "split/1", join = "join/1", contains = "contains/1"
    case test = "test/1", testWithFlags = "test/2", substitute = "sub/2", substituteWithFlags = "sub/3"
    case substituteAll = "gsub/2", substituteAllWithFlags = "gsub/3"
    case add = "add/0", first = "first/0", last = "last/0", minimum = "min/0", maximum = "max/0"
    case sort = "sort/0", unique = "unique/0", reverse = "reverse/0", toEntries = "to_entries/0"
    case floor = "floor/0", ceil = "ceil/0", round = "round/0", squareRoot = "sqrt/0"
    case now = "now/0", toDate = "todate/0", fromDate = "fromdate/0", fromDateISO8601 = "fromdateiso8601/0"
    case toDateISO8601 = "todateiso8601/0", formatTime = "strftime/1", parseTime = "strptime/1"
    case makeTime = "mktime/0", breakDownTime = "gmtime/0"

    private static let byName: [String: JQBuiltin] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    init?(name: String, arity: Int) {
        guard let builtin = Self.byName["\(name)/\(arity)"] else { return nil }
        self = builtin
    }

    /// Whether argument `index` is run as a filter per input rather than evaluated to values first.
    func argumentIsFilter(_ index: Int) -> Bool {
        switch self {
        case .map, .select: true
        case .substitute, .substituteWithFlags, .substituteAll, .substituteAllWithFlags: index == 1
        default: false
        }
    }
}
