import Foundation

/// The zone and offset letters (`V z v O X x Z`), printed for the configured zone.
///
/// With no CustomTimeZone the zone is taken to be Java's `ZoneId.of("UTC")`: `VV` prints `UTC`, `X` prints `Z`,
/// `Z` prints `+0000`, `O` prints `GMT`. Names of other zones come from Foundation in English and may differ from
/// Java's in rare cases; offsets are exact.
extension TimestampPattern {
    static func zoneText(letter: Unicode.Scalar, count: Int, time: CivilTime) -> String {
        let offset = time.offsetSeconds
        switch letter {
        case "V":
            return time.timeZone?.identifier ?? "UTC"
        case "z":
            return zoneName(time, style: count == 4 ? .standard : .shortStandard)
        case "v":
            return zoneName(time, style: count == 4 ? .generic : .shortGeneric)
        case "O":
            return localizedOffset(offset, full: count == 4)
        case "Z":
            if count == 4 { return localizedOffset(offset, full: true) }
            if count == 5 {
                return offset == 0 ? "Z" : isoOffset(offset, colon: true, minutesOptional: false, withSeconds: true)
            }
            return isoOffset(offset, colon: false, minutesOptional: false, withSeconds: false)
        case "X", "x":
            if offset == 0 {
                if letter == "X" { return "Z" }
                return count == 1 ? "+00" : (count % 2 == 0 ? "+0000" : "+00:00")
            }
            return isoOffset(offset, colon: count == 3 || count == 5, minutesOptional: count == 1,
                             withSeconds: count >= 4)
        default:
            return ""
        }
    }

    private static func zoneName(_ time: CivilTime, style: NSTimeZone.NameStyle) -> String {
        guard let zone = time.timeZone else {
            return style == .standard || style == .generic ? "Coordinated Universal Time" : "UTC"
        }
        let daylight = zone.isDaylightSavingTime(for: time.instant)
        let resolved: NSTimeZone.NameStyle = switch style {
        case .standard: daylight ? .daylightSaving : .standard
        case .shortStandard: daylight ? .shortDaylightSaving : .shortStandard
        default: style
        }
        if style == .shortStandard, let abbreviation = zone.abbreviation(for: time.instant) { return abbreviation }
        return zone.localizedName(for: resolved, locale: Locale(identifier: "en_US")) ?? zone.identifier
    }

    /// `+HH`, `+HHMM`, `+HH:MM`, with seconds appended when non-zero and `withSeconds`; minutes dropped when zero
    /// and `minutesOptional` (Java's `+HHmm`).
    private static func isoOffset(_ offset: Int, colon: Bool, minutesOptional: Bool, withSeconds: Bool) -> String {
        let magnitude = abs(offset)
        let (hours, minutes, seconds) = (magnitude / 3600, magnitude / 60 % 60, magnitude % 60)
        var text = (offset < 0 ? "-" : "+") + number(hours, width: 2)
        if minutesOptional && minutes == 0 && seconds == 0 { return text }
        text += (colon ? ":" : "") + number(minutes, width: 2)
        if withSeconds && seconds != 0 { text += (colon ? ":" : "") + number(seconds, width: 2) }
        return text
    }

    /// Java's localized offset: `GMT` at zero, else `GMT+9` / `GMT+5:30` (short) or `GMT+09:00` (full).
    private static func localizedOffset(_ offset: Int, full: Bool) -> String {
        if offset == 0 { return "GMT" }
        let magnitude = abs(offset)
        let (hours, minutes, seconds) = (magnitude / 3600, magnitude / 60 % 60, magnitude % 60)
        var text = "GMT" + (offset < 0 ? "-" : "+")
        if full {
            text += number(hours, width: 2) + ":" + number(minutes, width: 2)
            if seconds != 0 { text += ":" + number(seconds, width: 2) }
        } else {
            text += String(hours)
            if minutes != 0 || seconds != 0 { text += ":" + number(minutes, width: 2) }
            if seconds != 0 { text += ":" + number(seconds, width: 2) }
        }
        return text
    }
}
