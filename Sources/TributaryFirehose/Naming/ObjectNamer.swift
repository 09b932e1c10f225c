import Foundation

/// Names S3 objects as Firehose does:
/// `<evaluated prefix><stream name>-<version>-<yyyy>-<MM>-<dd>-<HH>-<mm>-<ss>-<uuid><suffix>`.
///
/// It exists so every writer (delivered data, source backup, error output) produces keys users' tools already
/// parse. The time is the approximate arrival time of the oldest record in the object, in UTC unless a
/// CustomTimeZone is given; the UUID is a random version-4 UUID in lowercase; the suffix is the compression's
/// (`.gz`, `.zip`, `.snappy`) or the configured FileExtension, passed by the caller.
public enum ObjectNamer {
    /// The full key. An empty `prefix` gets AWS's default `yyyy/MM/dd/HH/`; any other is used as given (it is the
    /// already evaluated prefix).
    public static func objectKey(prefix: String, deliveryStreamName: String, version: Int, arrival: Date,
                                 suffix: String, timeZone: TimeZone? = nil,
                                 random: inout some RandomNumberGenerator) -> String {
        let time = CivilTime(arrival, timeZone: timeZone)
        let resolvedPrefix = prefix.isEmpty ? defaultPrefix(time) : prefix
        return resolvedPrefix + objectName(deliveryStreamName: deliveryStreamName, version: version, time: time,
                                           suffix: suffix, random: &random)
    }

    /// The name after the prefix: `<stream name>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><suffix>`.
    public static func objectName(deliveryStreamName: String, version: Int, arrival: Date, suffix: String,
                                  timeZone: TimeZone? = nil, random: inout some RandomNumberGenerator) -> String {
        objectName(deliveryStreamName: deliveryStreamName, version: version,
                   time: CivilTime(arrival, timeZone: timeZone), suffix: suffix, random: &random)
    }

    /// AWS's prefix when Prefix is empty: `yyyy/MM/dd/HH/` of the arrival time.
    public static func defaultPrefix(arrival: Date, timeZone: TimeZone? = nil) -> String {
        defaultPrefix(CivilTime(arrival, timeZone: timeZone))
    }

    /// AWS's error output prefix when ErrorOutputPrefix is not set (allowed only when Prefix has no expressions):
    /// `<prefix><error-output-type>/yyyy/MM/dd/HH/`, for example `processing-failed/2024/05/01/13/`.
    public static func defaultErrorPrefix(prefix: String = "", errorOutputType: ErrorOutputType, arrival: Date,
                                          timeZone: TimeZone? = nil) -> String {
        prefix + errorOutputType.rawValue + "/" + defaultPrefix(arrival: arrival, timeZone: timeZone)
    }

    /// A value for `!{firehose:random-string}`: 11 characters, the start of a random lowercase UUID (eight hex
    /// digits, a hyphen, two hex digits), the form AWS's documentation shows (`046b6c7f-0b`).
    public static func randomString(using random: inout some RandomNumberGenerator) -> String {
        String(uuidString(using: &random).prefix(NamingLimits.randomStringLength))
    }

    /// A random version-4 UUID in lowercase, as in Firehose object names.
    public static func uuidString(using random: inout some RandomNumberGenerator) -> String {
        var bytes = (0..<2).flatMap { _ in withUnsafeBytes(of: random.next().littleEndian, Array.init) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16)
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }

    static func defaultPrefix(_ time: CivilTime) -> String {
        "\(pad(time.year, 4))/\(pad(time.month, 2))/\(pad(time.day, 2))/\(pad(time.hour, 2))/"
    }

    private static func objectName(deliveryStreamName: String, version: Int, time: CivilTime, suffix: String,
                                   random: inout some RandomNumberGenerator) -> String {
        let stamp = [pad(time.year, 4), pad(time.month, 2), pad(time.day, 2), pad(time.hour, 2), pad(time.minute, 2),
                     pad(time.second, 2)].joined(separator: "-")
        return "\(deliveryStreamName)-\(version)-\(stamp)-\(uuidString(using: &random))\(suffix)"
    }

    private static func pad(_ value: Int, _ width: Int) -> String { TimestampPattern.number(value, width: width) }
}
