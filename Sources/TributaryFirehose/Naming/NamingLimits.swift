/// Every bound of S3 object naming, with its reason.
enum NamingLimits {
    /// AWS's API model: Prefix and ErrorOutputPrefix are at most 1,024 characters as written (checked by request
    /// validation, which answers ValidationException).
    static let prefixLengthMax = 1024
    /// AWS (s3-prefixes.html, semantic rules): neither prefix may exceed 512 characters once evaluated.
    static let evaluatedPrefixLengthMax = 512
    /// AWS: `!{firehose:random-string}` evaluates to 11 characters.
    static let randomStringLength = 11
    /// Java's DateTimeFormatter prints a number in at most 19 digits, so a run of more than 19 letters of a numeric
    /// field (`yyyyyyyyyyyyyyyyyyyy`) is refused, as Java refuses it.
    static let numberWidthMax = 19
    /// Java's fraction-of-second field (`S`) has nanosecond precision: at most 9 letters.
    static let fractionDigitsMax = 9
    /// Arrival times are clamped to years 1 through 9999 before formatting, the range every pattern can print
    /// without Java's sign rules for years of more than four digits; arrivals outside it only come from a broken clock.
    static let epochSecondsMin: Double = -62_135_596_800
    static let epochSecondsMax: Double = 253_402_300_799
}
