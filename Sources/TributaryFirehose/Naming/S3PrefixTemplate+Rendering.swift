import Foundation

/// Evaluating a prefix for one object, as Firehose does when it writes the object.
///
/// Every `!{timestamp:…}` instance prints the same instant: the approximate arrival time of the oldest record in
/// the object, in UTC unless a CustomTimeZone is given. Every `!{firehose:random-string}` instance gets a new
/// string. A prefix without any expression (including the empty one) gets AWS's default appended: `yyyy/MM/dd/HH/`,
/// preceded by `<error-output-type>/` when rendered for the error output, so `logs/` gives `logs/2024/05/01/13/` and,
/// for failed records, `logs/processing-failed/2024/05/01/13/`. The text is appended as is: `logs` gives
/// `logs2024/05/01/13/`.
extension S3PrefixTemplate {
    /// Evaluates the prefix, drawing each random string from `random`.
    ///
    /// - Parameters:
    ///   - errorOutputType: the reason when rendering for the error output, nil for delivered data.
    ///   - partitionKeysFromQuery: the record's keys from the MetadataExtraction query.
    ///   - partitionKeysFromLambda: the record's keys from the Lambda transform's `metadata.partitionKeys`.
    ///   - timeZone: the destination's CustomTimeZone; nil for UTC.
    /// - Throws: `NamingError.missingPartitionKey` when a key the prefix names has no value,
    ///   `NamingError.evaluatedPrefixTooLong` past 512 characters, and `NamingError.invalidPrefix` when the
    ///   template uses `!{firehose:error-output-type}` but `errorOutputType` is nil.
    public func render(arrival: Date, random: inout some RandomNumberGenerator, errorOutputType: ErrorOutputType?,
                       partitionKeysFromQuery: [String: String] = [:],
                       partitionKeysFromLambda: [String: String] = [:], timeZone: TimeZone? = nil) throws -> String {
        try evaluate(arrival: arrival, errorOutputType: errorOutputType?.rawValue,
                     partitionKeysFromQuery: partitionKeysFromQuery, partitionKeysFromLambda: partitionKeysFromLambda,
                     timeZone: timeZone) { ObjectNamer.randomString(using: &random) }
    }

    /// Evaluates the prefix with `randomString` for every `!{firehose:random-string}` instance; otherwise as
    /// `render(arrival:random:…)`. For callers that must know the string (tests, or a batch rendered more than once).
    public func render(arrival: Date, randomString: String, errorOutputType: String?,
                       partitionKeysFromQuery: [String: String], partitionKeysFromLambda: [String: String],
                       timeZone: TimeZone? = nil) throws -> String {
        try evaluate(arrival: arrival, errorOutputType: errorOutputType,
                     partitionKeysFromQuery: partitionKeysFromQuery, partitionKeysFromLambda: partitionKeysFromLambda,
                     timeZone: timeZone) { randomString }
    }

    private func evaluate(arrival: Date, errorOutputType: String?, partitionKeysFromQuery: [String: String],
                          partitionKeysFromLambda: [String: String], timeZone: TimeZone?,
                          nextRandomString: () -> String) throws -> String {
        let time = CivilTime(arrival, timeZone: timeZone)
        var output = ""
        for segment in segments {
            switch segment {
            case .literal(let text):
                output += text
            case .timestamp(let pattern):
                output += pattern.format(time)
            case .randomString:
                output += nextRandomString()
            case .errorOutputType:
                guard let errorOutputType else { throw NamingError.errorOutputTypeInPrefix }
                output += errorOutputType
            case .partitionKeyFromQuery(let key):
                guard let value = partitionKeysFromQuery[key] else {
                    throw NamingError.missingPartitionKey(namespace: "partitionKeyFromQuery", key: key)
                }
                output += value
            case .partitionKeyFromLambda(let key):
                guard let value = partitionKeysFromLambda[key] else {
                    throw NamingError.missingPartitionKey(namespace: "partitionKeyFromLambda", key: key)
                }
                output += value
            }
        }
        let lengthCharacters = output.unicodeScalars.count
        guard lengthCharacters <= NamingLimits.evaluatedPrefixLengthMax else {
            throw NamingError.evaluatedPrefixTooLong(field: field, lengthCharacters: lengthCharacters)
        }
        if hasExpressions { return output }
        if let errorOutputType { output += errorOutputType + "/" }
        return output + ObjectNamer.defaultPrefix(time)
    }
}
