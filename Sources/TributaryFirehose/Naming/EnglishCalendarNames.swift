/// The English (en_US, CLDR) texts Java prints for text fields: months, days, quarters, eras and day periods.
///
/// It exists because Firehose's Java formatter runs in an English locale, and Foundation's formatters would follow
/// this machine's locale and ICU version instead.
enum EnglishCalendarNames {
    enum Width {
        case short
        case full
        case narrow

        /// Java's text width for a run of 3, 4 or 5 letters.
        init(letterCount: Int) {
            self = letterCount == 4 ? .full : (letterCount == 5 ? .narrow : .short)
        }
    }

    private static let monthsFull = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    private static let daysFull = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let quarterOrdinals = ["1st", "2nd", "3rd", "4th"]

    /// `month` is 1 for January.
    static func month(_ month: Int, width: Width) -> String {
        let name = monthsFull[month - 1]
        switch width {
        case .full: return name
        case .short: return String(name.prefix(3))
        case .narrow: return String(name.prefix(1))
        }
    }

    /// `isoDay` is 1 for Monday through 7 for Sunday.
    static func day(_ isoDay: Int, width: Width) -> String {
        let name = daysFull[isoDay - 1]
        switch width {
        case .full: return name
        case .short: return String(name.prefix(3))
        case .narrow: return String(name.prefix(1))
        }
    }

    /// `quarter` is 1 through 4.
    static func quarter(_ quarter: Int, width: Width) -> String {
        switch width {
        case .short: "Q\(quarter)"
        case .full: "\(quarterOrdinals[quarter - 1]) quarter"
        case .narrow: "\(quarter)"
        }
    }

    /// The era of a year from 1 on.
    static func era(width: Width) -> String {
        switch width {
        case .short: "AD"
        case .full: "Anno Domini"
        case .narrow: "A"
        }
    }

    /// CLDR's English day periods (pattern letter `B`): midnight and noon at those exact minutes, then morning from
    /// 06:00, afternoon from 12:00, evening from 18:00 and night from 21:00.
    static func dayPeriod(minuteOfDay: Int, width: Width) -> String {
        let narrow = width == .narrow
        switch minuteOfDay {
        case 0: return narrow ? "mi" : "midnight"
        case 720: return narrow ? "n" : "noon"
        case 360..<720: return "in the morning"
        case 720..<1080: return "in the afternoon"
        case 1080..<1260: return "in the evening"
        default: return "at night"
        }
    }
}
