import XCTest
@testable import TributaryFirehose

/// Each of AWS's rules on Prefix and ErrorOutputPrefix, with the message CreateDeliveryStream answers.
final class PrefixRulesTests: XCTestCase {
    private func message(prefix: String?, errorOutputPrefix: String?, dynamicPartitioning: Bool = false) -> String? {
        do {
            try PrefixRules.validate(prefix: prefix, errorOutputPrefix: errorOutputPrefix,
                                     dynamicPartitioningEnabled: dynamicPartitioning)
            return nil
        } catch let error as NamingError {
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    func testAcceptedConfigurations() {
        XCTAssertNil(message(prefix: nil, errorOutputPrefix: nil))
        XCTAssertNil(message(prefix: "", errorOutputPrefix: ""))
        XCTAssertNil(message(prefix: "logs/", errorOutputPrefix: nil))
        XCTAssertNil(message(prefix: "logs/", errorOutputPrefix: "failed/"))
        XCTAssertNil(message(prefix: nil, errorOutputPrefix: "myFirehoseFailures/!{firehose:error-output-type}/"))
        XCTAssertNil(message(prefix: "data/!{timestamp:yyyy/MM/dd}/!{firehose:random-string}/",
                             errorOutputPrefix: "errors/!{firehose:error-output-type}/!{timestamp:yyyy}/"))
        XCTAssertNil(message(prefix: "c=!{partitionKeyFromQuery:c}/!{timestamp:yyyy}/",
                             errorOutputPrefix: "errors/!{firehose:error-output-type}/", dynamicPartitioning: true))
    }

    func testPrefixWithExpressionsNeedsAnErrorOutputPrefix() {
        let expected = "ErrorOutputPrefix cannot be null or empty when Prefix contains expressions"
        XCTAssertEqual(message(prefix: "!{timestamp:yyyy/MM/dd}", errorOutputPrefix: nil), expected)
        XCTAssertEqual(message(prefix: "!{timestamp:yyyy/MM/dd}", errorOutputPrefix: ""), expected)
    }

    func testErrorOutputPrefixWithExpressionsNeedsTheErrorType() {
        XCTAssertEqual(message(prefix: "!{timestamp:yyyy}/", errorOutputPrefix: "errors/!{timestamp:yyyy}/"),
                       "ErrorOutputPrefix must contain at least one occurrence of !{firehose:error-output-type}")
    }

    func testPrefixCannotUseTheErrorType() {
        XCTAssertEqual(message(prefix: "!{firehose:error-output-type}/",
                               errorOutputPrefix: "e/!{firehose:error-output-type}/"),
                       "Prefix must not contain any occurrence of !{firehose:error-output-type}")
    }

    func testErrorOutputPrefixCannotUsePartitionKeys() {
        XCTAssertEqual(message(prefix: "c=!{partitionKeyFromQuery:c}/",
                               errorOutputPrefix: "e/!{firehose:error-output-type}/!{partitionKeyFromLambda:c}/",
                               dynamicPartitioning: true),
                       "Dynamic Partitioning Namespaces can't be part of an error prefix expression")
    }

    func testPartitionKeysNeedDynamicPartitioning() {
        XCTAssertEqual(message(prefix: "c=!{partitionKeyFromQuery:c}/",
                               errorOutputPrefix: "e/!{firehose:error-output-type}/"),
                       "Dynamic Partitioning Namespaces can only be part of a prefix expression when Dynamic "
                           + "Partitioning is enabled.")
    }

    func testDynamicPartitioningNeedsPartitionKeysInThePrefix() {
        let expected = "S3 Prefix should contain Dynamic Partitioning namespaces when Dynamic Partitioning is enabled"
        XCTAssertEqual(message(prefix: "", errorOutputPrefix: nil, dynamicPartitioning: true), expected)
        XCTAssertEqual(message(prefix: "!{timestamp:yyyy}/", errorOutputPrefix: "e/!{firehose:error-output-type}",
                               dynamicPartitioning: true), expected)
    }

    func testSyntaxErrorsOfEitherFieldAreReported() {
        XCTAssertEqual(message(prefix: "a/!{oops", errorOutputPrefix: nil), "Invalid expression usage")
        XCTAssertEqual(message(prefix: nil, errorOutputPrefix: "e/!{firehose:error-output-type}/!{timestamp:bb}"),
                       "Invalid conversion character used in the value of the expression in ErrorOutputPrefix")
        XCTAssertEqual(message(prefix: "!{hive:x}", errorOutputPrefix: "e/!{firehose:error-output-type}"),
                       "Namespace to the left of colon (hive) is an invalid keyword!")
    }

    func testEvaluatedLengthIsLimitedTo512() {
        let literal512 = String(repeating: "a", count: 512)
        XCTAssertNil(message(prefix: literal512, errorOutputPrefix: nil))
        XCTAssertEqual(message(prefix: literal512 + "b", errorOutputPrefix: nil),
                       "Length of evaluated prefix cannot be greater than 512")
        // 500 literal characters plus a four-digit year and an 11-character random string.
        let prefix = String(repeating: "a", count: 500) + "!{timestamp:yyyy}!{firehose:random-string}"
        XCTAssertEqual(message(prefix: prefix, errorOutputPrefix: "e/!{firehose:error-output-type}"),
                       "Length of evaluated prefix cannot be greater than 512")
        XCTAssertEqual(message(prefix: nil, errorOutputPrefix: String(repeating: "e", count: 500)
                                   + "!{firehose:error-output-type}"),
                       "Length of evaluated ErrorOutputPrefix cannot be greater than 512")
    }
}
