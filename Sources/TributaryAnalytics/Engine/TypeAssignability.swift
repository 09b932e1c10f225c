import TributarySQL

/// Which query column types a pump may store into which stream column types: within a family (numbers,
/// character strings, binary, each datetime type, each interval kind, booleans), as SQL's assignment rule says;
/// a NULL literal fits anywhere. Conversions across families need an explicit CAST.
enum TypeAssignability {
    static func allows(_ source: SQLType, into target: SQLType) -> Bool {
        if source == .unknown { return true }
        if source.isNumeric { return target.isNumeric }
        if source.isCharacter { return target.isCharacter }
        switch (source, target) {
        case (.varbinary, .varbinary), (.boolean, .boolean), (.date, .date), (.time, .time),
             (.timestamp, .timestamp), (.intervalDayTime, .intervalDayTime),
             (.intervalYearMonth, .intervalYearMonth), (.date, .timestamp):
            return true
        default:
            return false
        }
    }
}
