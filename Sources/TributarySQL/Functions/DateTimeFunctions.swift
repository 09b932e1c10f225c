import Foundation
import TributaryWire

/// The date and time functions: the clock functions (CURRENT_ROW_TIMESTAMP, CURRENT_TIMESTAMP, LOCALTIMESTAMP,
/// CURRENT_DATE, CURRENT_TIME, LOCALTIME), TSDIFF, EXTRACT, FLOOR / CEIL to a time unit, STEP by an interval,
/// UNIX_TIMESTAMP and TO_TIMESTAMP. Everything is UTC, in milliseconds.
enum DateTimeFunctions {
    static let entries: [String: ScalarFunctionLibrary.Entry] = [
        "CURRENT_ROW_TIMESTAMP": clock(.timestamp) { .timestamp(milliseconds: $0.rowTimeMs) },
        "CURRENT_TIMESTAMP": clock(.timestamp) { .timestamp(milliseconds: $0.nowMs) },
        "LOCALTIMESTAMP": clock(.timestamp) { .timestamp(milliseconds: $0.nowMs) },
        "CURRENT_DATE": clock(.date) {
            .date(days: SQLCalendar.split(milliseconds: $0.nowMs).days)
        },
        "CURRENT_TIME": clock(.time) {
            .time(milliseconds: SQLCalendar.split(milliseconds: $0.nowMs).millisecondOfDay)
        },
        "LOCALTIME": clock(.time) {
            .time(milliseconds: SQLCalendar.split(milliseconds: $0.nowMs).millisecondOfDay)
        },
        "TSDIFF": .init(arity: 2...2, resolve: tsdiff),
        "EXTRACT": .init(arity: 2...2, resolve: extract),
        "UNIX_TIMESTAMP": .init(arity: 1...1, resolve: unixTimestamp),
        "TO_TIMESTAMP": .init(arity: 1...1, resolve: toTimestamp),
    ]

    /// The time units of FLOOR, CEIL and EXTRACT in the reference.
    enum TimeUnit: String, CaseIterable {
        case year = "YEAR", month = "MONTH", day = "DAY", hour = "HOUR", minute = "MINUTE", second = "SECOND"

        var milliseconds: Int64? {
            switch self {
            case .year, .month: return nil
            case .day: return SQLCalendar.millisecondsPerDay
            case .hour: return 3_600_000
            case .minute: return 60_000
            case .second: return 1000
            }
        }
    }

    private static func clock(_ type: SQLType,
                              _ read: @escaping @Sendable (EvaluationContext) -> SQLValue)
        -> ScalarFunctionLibrary.Entry {
        .init(arity: 0...0) { _ in ScalarFunction(resultType: type) { _, context in read(context) } }
    }

    // MARK: TSDIFF, UNIX_TIMESTAMP, TO_TIMESTAMP

    private static func acceptsInstant(_ argument: FunctionArgument) -> Bool {
        guard case .value(let type) = argument else { return false }
        return type == .timestamp || type.isInteger || type == .unknown
    }

    /// TSDIFF(t1, t2): t1 − t2 in milliseconds; each argument a TIMESTAMP or BIGINT milliseconds.
    private static func tsdiff(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard arguments.allSatisfy(acceptsInstant) else { return nil }
        return .nullPropagating(.bigint) { values, _ in
            let (difference, overflow) = try values[0].timestampOperand("TSDIFF")
                .subtractingReportingOverflow(try values[1].timestampOperand("TSDIFF"))
            guard !overflow else { throw SQLEvaluationError("TSDIFF: BIGINT overflow") }
            return .integer(difference)
        }
    }

    private static func unixTimestamp(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let type) = arguments[0], type == .timestamp || type == .unknown else { return nil }
        return .nullPropagating(.bigint) { values, _ in
            .integer(try values[0].timestampOperand("UNIX_TIMESTAMP"))
        }
    }

    private static func toTimestamp(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .value(let type) = arguments[0], type.acceptsInteger else { return nil }
        return .nullPropagating(.timestamp) { values, _ in
            .timestamp(milliseconds: try values[0].integerOperand("TO_TIMESTAMP"))
        }
    }

    // MARK: FLOOR and CEIL to a unit

    /// FLOOR(e TO unit) / CEIL(e TO unit), normalized to (e, keyword unit), for TIMESTAMP, DATE and TIME.
    static func truncation(_ arguments: [FunctionArgument], up: Bool) -> ScalarFunction? {
        guard case .value(let type) = arguments[0], type.isDatetime || type == .unknown,
              case .keyword(let name) = arguments[1],
              let unit = TimeUnit(rawValue: name.uppercased()) else { return nil }
        if type == .time, unit.milliseconds == nil || unit == .day { return nil }
        return .nullPropagating(type == .unknown ? .timestamp : type) { values, _ in
            switch values[0] {
            case .timestamp(let milliseconds):
                return .timestamp(milliseconds: try round(milliseconds, to: unit, up: up))
            case .date(let days):
                let milliseconds = try round(days * SQLCalendar.millisecondsPerDay, to: unit, up: up)
                return .date(days: SQLCalendar.split(milliseconds: milliseconds).days)
            case .time(let milliseconds):
                let rounded = try round(milliseconds, to: unit, up: up)
                return .time(milliseconds: SQLCalendar.split(milliseconds: rounded).millisecondOfDay)
            default:
                throw SQLEvaluationError("\(up ? "CEIL" : "FLOOR"): expected a datetime argument")
            }
        }
    }

    /// The instant rounded down (or up) to a whole `unit`.
    static func round(_ milliseconds: Int64, to unit: TimeUnit, up: Bool) throws(SQLEvaluationError) -> Int64 {
        if let width = unit.milliseconds {
            let floor = try NumericFunctions.floorToMultiple(milliseconds, width)
            return up && floor != milliseconds ? floor + width : floor
        }
        let civil = CivilDateTime(epochMilliseconds: milliseconds)
        var floor = CivilDateTime(year: civil.year, month: unit == .year ? 1 : civil.month, day: 1)
        guard up, floor.epochMilliseconds != milliseconds else { return floor.epochMilliseconds }
        if unit == .year {
            floor.year += 1
        } else if floor.month == 12 {
            floor.year += 1
            floor.month = 1
        } else {
            floor.month += 1
        }
        return floor.epochMilliseconds
    }

    // MARK: EXTRACT

    private static func extract(_ arguments: [FunctionArgument]) -> ScalarFunction? {
        guard case .keyword(let name) = arguments[0], let unit = TimeUnit(rawValue: name.uppercased()),
              case .value(let type) = arguments[1] else { return nil }
        let allowed: [TimeUnit]
        switch type {
        case .timestamp, .unknown: allowed = TimeUnit.allCases
        case .date: allowed = [.year, .month, .day]
        case .time: allowed = [.hour, .minute, .second]
        case .intervalDayTime: allowed = [.day, .hour, .minute, .second]
        case .intervalYearMonth: allowed = [.year, .month]
        default: return nil
        }
        guard allowed.contains(unit) else { return nil }
        let resultType: SQLType = unit == .second ? .decimal(precision: 5, scale: 3) : .bigint
        return .nullPropagating(resultType) { values, _ in try extract(unit, from: values[1]) }
    }

    static func extract(_ unit: TimeUnit, from value: SQLValue) throws(SQLEvaluationError) -> SQLValue {
        switch value {
        case .timestamp(let milliseconds), .time(let milliseconds):
            return field(unit, CivilDateTime(epochMilliseconds: milliseconds))
        case .date(let days):
            return field(unit, CivilDateTime(epochMilliseconds: days * SQLCalendar.millisecondsPerDay))
        case .intervalDayTime(let milliseconds):
            switch unit {
            case .day: return .integer(milliseconds / SQLCalendar.millisecondsPerDay)
            case .hour: return .integer(milliseconds % SQLCalendar.millisecondsPerDay / 3_600_000)
            case .minute: return .integer(milliseconds % 3_600_000 / 60_000)
            default: return seconds(milliseconds % 60_000)
            }
        case .intervalYearMonth(let months):
            return .integer(unit == .year ? months / 12 : months % 12)
        default:
            throw SQLEvaluationError("EXTRACT: expected a datetime or interval argument")
        }
    }

    private static func field(_ unit: TimeUnit, _ civil: CivilDateTime) -> SQLValue {
        switch unit {
        case .year: return .integer(civil.year)
        case .month: return .integer(civil.month)
        case .day: return .integer(civil.day)
        case .hour: return .integer(civil.hour)
        case .minute: return .integer(civil.minute)
        case .second: return seconds(civil.second * 1000 + civil.millisecond)
        }
    }

    /// Seconds with milliseconds, as DECIMAL(5,3).
    private static func seconds(_ milliseconds: Int64) -> SQLValue {
        .decimal(Decimal(milliseconds) / 1000)
    }

    // MARK: STEP

    /// STEP(e BY interval) for a TIMESTAMP, DATE or TIME: the start of the interval-wide bucket, counted from
    /// 1970-01-01 00:00:00, that contains e.
    static func step(_ type: SQLType, _ width: SQLType) -> ScalarFunction? {
        guard type.isDatetime || type == .unknown, width.isInterval || width == .unknown else { return nil }
        if type == .time, width == .intervalYearMonth { return nil }
        return .nullPropagating(type == .unknown ? .timestamp : type) { values, _ in
            switch values[1] {
            case .intervalDayTime(let width):
                guard width > 0 else { throw SQLEvaluationError("STEP: interval must be positive") }
                switch values[0] {
                case .timestamp(let milliseconds):
                    return .timestamp(milliseconds: try NumericFunctions.floorToMultiple(milliseconds, width))
                case .time(let milliseconds):
                    return .time(milliseconds: try NumericFunctions.floorToMultiple(milliseconds, width))
                case .date(let days):
                    let start = try NumericFunctions.floorToMultiple(days * SQLCalendar.millisecondsPerDay, width)
                    return .date(days: SQLCalendar.split(milliseconds: start).days)
                default: throw SQLEvaluationError("STEP: expected a datetime argument")
                }
            case .intervalYearMonth(let width):
                guard width > 0 else { throw SQLEvaluationError("STEP: interval must be positive") }
                let milliseconds: Int64
                switch values[0] {
                case .timestamp(let value): milliseconds = value
                case .date(let days): milliseconds = days * SQLCalendar.millisecondsPerDay
                default: throw SQLEvaluationError("STEP: expected a TIMESTAMP or DATE argument")
                }
                let civil = CivilDateTime(epochMilliseconds: milliseconds)
                let months = try NumericFunctions.floorToMultiple((civil.year - 1970) * 12 + civil.month - 1, width)
                let start = CivilDateTime(year: 1970 + CivilCalendar.floorDivide(months, 12),
                                          month: CivilCalendar.floorModulo(months, 12) + 1, day: 1)
                if case .date = values[0] { return .date(days: start.epochDays) }
                return .timestamp(milliseconds: start.epochMilliseconds)
            default:
                throw SQLEvaluationError("STEP: expected an interval width")
            }
        }
    }
}
