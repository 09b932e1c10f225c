import TributaryWire

/// Reads the HTTP `Date` header, which SigV4 accepts in place of `X-Amz-Date`: RFC 7231's IMF-fixdate
/// (`Sun, 30 Aug 2015 12:36:00 GMT`) and the RFC 2822 form botocore writes when a caller set `Date` itself
/// (`Sun, 30 Aug 2015 12:36:00 -0000`, Python's `email.utils.formatdate`).
enum HTTPDate {
    private static let utcZoneNames: Set<String> = ["GMT", "-0000", "+0000"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The time, or nil for any other shape; the weekday is not checked against the date.
    static func timestamp(_ text: String) -> SigV4Timestamp? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[0].count == 4, fields[0].hasSuffix(","), fields[1].utf8.count == 2,
              fields[3].utf8.count == 4, utcZoneNames.contains(String(fields[5])),
              let month = monthNames.firstIndex(of: String(fields[2]))
        else { return nil }
        let clock = fields[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.utf8.count == 2 }) else { return nil }
        let monthText = month < 9 ? "0\(month + 1)" : "\(month + 1)"
        return SigV4Timestamp(amzDate: "\(fields[3])\(monthText)\(fields[1])T\(clock.joined())Z")
    }
}
