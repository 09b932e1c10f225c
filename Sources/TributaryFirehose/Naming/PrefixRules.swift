import Foundation

/// AWS's rules for a destination's Prefix and ErrorOutputPrefix taken together, checked when a delivery stream is
/// created or its destination updated.
///
/// It exists so a configuration that Firehose would refuse is refused here with AWS's InvalidArgumentException
/// message (`NamingError.message`), and a configuration Firehose accepts always renders at delivery. The rules
/// (s3-prefixes.html, dynamic-partitioning.html), in the order they are checked:
/// 1. both texts parse (`S3PrefixTemplate`): well-formed expressions, known namespaces, accepted values;
/// 2. Prefix does not use `!{firehose:error-output-type}`;
/// 3. a Prefix with expressions needs a non-empty ErrorOutputPrefix;
/// 4. an ErrorOutputPrefix with expressions uses `!{firehose:error-output-type}`;
/// 5. ErrorOutputPrefix does not use the partition-key namespaces;
/// 6. Prefix uses the partition-key namespaces only when dynamic partitioning is enabled, and then must use them;
/// 7. neither evaluates to more than 512 characters (counted from a shortest evaluation: literal text, the
///    timestamp printed at a sample instant, 11 per random string, the shortest error type, one per partition key).
public enum PrefixRules {
    public static func validate(prefix: String?, errorOutputPrefix: String?,
                                dynamicPartitioningEnabled: Bool) throws {
        let prefixTemplate = try S3PrefixTemplate(parsing: prefix ?? "", field: .prefix)
        let errorText = errorOutputPrefix ?? ""
        let errorTemplate = try S3PrefixTemplate(parsing: errorText, field: .errorOutputPrefix)
        if prefixTemplate.usesErrorOutputType { throw NamingError.errorOutputTypeInPrefix }
        if prefixTemplate.hasExpressions && errorText.isEmpty { throw NamingError.errorOutputPrefixRequired }
        if errorTemplate.hasExpressions && !errorTemplate.usesErrorOutputType {
            throw NamingError.errorOutputTypeRequired
        }
        if errorTemplate.usesPartitionKeys { throw NamingError.partitionNamespaceInErrorPrefix }
        if prefixTemplate.usesPartitionKeys && !dynamicPartitioningEnabled {
            throw NamingError.partitionNamespaceWithoutDynamicPartitioning
        }
        if dynamicPartitioningEnabled && !prefixTemplate.usesPartitionKeys {
            throw NamingError.partitionNamespaceRequired
        }
        for template in [prefixTemplate, errorTemplate] {
            let lengthCharacters = shortestEvaluationLength(template)
            if lengthCharacters > NamingLimits.evaluatedPrefixLengthMax {
                throw NamingError.evaluatedPrefixTooLong(field: template.field, lengthCharacters: lengthCharacters)
            }
        }
    }

    /// The sample instant timestamps are printed at when measuring a prefix: 2000-01-01T00:00:00Z.
    private static let sampleInstant = Date(timeIntervalSince1970: 946_684_800)

    private static func shortestEvaluationLength(_ template: S3PrefixTemplate) -> Int {
        let time = CivilTime(sampleInstant, timeZone: nil)
        let shortestErrorType = ErrorOutputType.allCases.map(\.rawValue.unicodeScalars.count).min() ?? 0
        return template.segments.reduce(0) { total, segment in
            switch segment {
            case .literal(let text): total + text.unicodeScalars.count
            case .timestamp(let pattern): total + pattern.format(time).unicodeScalars.count
            case .randomString: total + NamingLimits.randomStringLength
            case .errorOutputType: total + shortestErrorType
            case .partitionKeyFromQuery, .partitionKeyFromLambda: total + 1
            }
        }
    }
}
