import Foundation

/// A ZIP entry's modification time in MS-DOS form: local date and time packed in two 16-bit fields, to 2 seconds.
///
/// It exists because ZIP headers carry no other mandatory time. Firehose's archives are stamped with UTC (the time
/// zone of its object names), so `unzip -l` shows the same hour as the object's key.
///
/// | field | bits 15...9         | bits 8...5 | bits 4...0   |
/// |-------|---------------------|------------|--------------|
/// | date  | year - 1980 (0...127) | month    | day          |
/// | time  | hour (bits 15...11) | minute (bits 10...5) | second / 2 |
struct DOSTimestamp: Equatable {
    let date: UInt16
    let time: UInt16

    /// `moment` in UTC, clamped to the years DOS time can hold (1980...2107).
    init(_ moment: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        let year = parts.year ?? 1980
        if year < 1980 {
            self.init(year: 1980, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        } else if year > 2107 {
            self.init(year: 2107, month: 12, day: 31, hour: 23, minute: 59, second: 58)
        } else {
            self.init(
                year: year, month: parts.month ?? 1, day: parts.day ?? 1,
                hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0
            )
        }
    }

    /// The packed form of a calendar time; `second` is rounded down to even.
    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        precondition((1980 ... 2107).contains(year), "DOS time holds the years 1980 to 2107")
        date = UInt16(year - 1980) << 9 | UInt16(month) << 5 | UInt16(day)
        time = UInt16(hour) << 11 | UInt16(minute) << 5 | UInt16(second / 2)
    }
}
