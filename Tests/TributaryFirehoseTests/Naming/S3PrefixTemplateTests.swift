import Foundation
import XCTest
@testable import TributaryFirehose

/// Parsing and evaluating prefixes, including the examples of AWS's s3-prefixes and dynamic-partitioning pages
/// (same inputs, own values).
final class S3PrefixTemplateTests: XCTestCase {
    private func rendered(_ text: String, at date: Date = NamingFixtures.august27, random: String = "a1b2c3d4-e5",
                          errorOutputType: String? = nil, query: [String: String] = [:],
                          lambda: [String: String] = [:]) throws -> String {
        try S3PrefixTemplate(parsing: text).render(arrival: date, randomString: random,
                                                   errorOutputType: errorOutputType, partitionKeysFromQuery: query,
                                                   partitionKeysFromLambda: lambda)
    }

    func testEmptyPrefixEvaluatesToTheHourFolderInUTC() throws {
        XCTAssertEqual(try rendered(""), "2018/08/27/10/")
        XCTAssertEqual(try rendered("", at: NamingFixtures.july6), "2018/07/06/23/")
    }

    func testPrefixWithoutExpressionsGetsTheHourFolderAppendedAsIs() throws {
        XCTAssertEqual(try rendered("myFirehosePrefix/"), "myFirehosePrefix/2018/08/27/10/")
        XCTAssertEqual(try rendered("myFirehosePrefix"), "myFirehosePrefix2018/08/27/10/")
    }

    func testPrefixWithoutExpressionsForErrorsGetsTheTypeFolderFirst() throws {
        XCTAssertEqual(try rendered("myFirehosePrefix/", errorOutputType: "processing-failed"),
                       "myFirehosePrefix/processing-failed/2018/08/27/10/")
        XCTAssertEqual(try rendered("", errorOutputType: "http-endpoint-failed"), "http-endpoint-failed/2018/08/27/10/")
    }

    func testErrorOutputTypeFolderExample() throws {
        XCTAssertEqual(try rendered("myFirehoseFailures/!{firehose:error-output-type}/",
                                    errorOutputType: "processing-failed"),
                       "myFirehoseFailures/processing-failed/")
    }

    func testTimestampAndRandomStringExample() throws {
        let prefix = "myFirehose/DeliveredYear=!{timestamp:yyyy}/anyMonth/rand=!{firehose:random-string}"
        XCTAssertEqual(try rendered(prefix, random: "0f1e2d3c-4b"),
                       "myFirehose/DeliveredYear=2018/anyMonth/rand=0f1e2d3c-4b")
        let errorPrefix = "myFirehoseFailures/!{firehose:error-output-type}/!{timestamp:yyyy}/anyMonth/!{timestamp:dd}"
        XCTAssertEqual(try rendered(errorPrefix, errorOutputType: "processing-failed"),
                       "myFirehoseFailures/processing-failed/2018/anyMonth/27")
    }

    func testHiveStylePrefixesWithSeparateAndQuotedTimestamps() throws {
        let prefix = "myPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/"
        XCTAssertEqual(try rendered(prefix, at: NamingFixtures.july6), "myPrefix/year=2018/month=07/day=06/hour=23/")
        let errorPrefix = "myErrorPrefix/!{timestamp:'year='yyyy'/month='MM'/day='dd'/hour='HH}/"
            + "!{firehose:error-output-type}"
        XCTAssertEqual(try rendered(errorPrefix, at: NamingFixtures.july6, errorOutputType: "processing-failed"),
                       "myErrorPrefix/year=2018/month=07/day=06/hour=23/processing-failed")
    }

    func testDynamicPartitioningExampleUsesTheRecordsKeysAndAppendsNoTime() throws {
        let prefix = "customer_id=!{partitionKeyFromQuery:customer_id}/device=!{partitionKeyFromQuery:device}/"
            + "year=!{partitionKeyFromLambda:year}/"
        let keysFromQuery = ["customer_id": "4711", "device": "tablet"]
        XCTAssertEqual(try rendered(prefix, query: keysFromQuery, lambda: ["year": "2021"]),
                       "customer_id=4711/device=tablet/year=2021/")
    }

    func testMissingPartitionKeyIsReported() {
        XCTAssertThrowsError(try rendered("a=!{partitionKeyFromLambda:a}/", query: ["a": "1"])) { error in
            XCTAssertEqual(error as? NamingError, .missingPartitionKey(namespace: "partitionKeyFromLambda", key: "a"))
        }
    }

    func testErrorOutputTypeWithoutAReasonIsRefused() {
        XCTAssertThrowsError(try rendered("!{firehose:error-output-type}/")) { error in
            XCTAssertEqual((error as? NamingError)?.message,
                           "Prefix must not contain any occurrence of !{firehose:error-output-type}")
        }
    }

    func testEveryRandomStringInstanceIsNewAndEveryTimestampTheSameInstant() throws {
        let template = try S3PrefixTemplate(parsing: "!{firehose:random-string}/!{firehose:random-string}/"
            + "!{timestamp:HHmmss}/!{timestamp:HHmmss}")
        var generator = SeededGenerator(seed: 7)
        let parts = try template.render(arrival: NamingFixtures.august27, random: &generator, errorOutputType: nil)
            .split(separator: "/").map(String.init)
        XCTAssertEqual(parts.count, 4)
        XCTAssertNotEqual(parts[0], parts[1])
        XCTAssertEqual(parts[0].count, 11)
        XCTAssertEqual(parts[2], "103005")
        XCTAssertEqual(parts[3], "103005")
    }

    func testEvaluatedPrefixLongerThan512IsRefusedAtRender() {
        let prefix = "k=!{partitionKeyFromQuery:k}/"
        XCTAssertThrowsError(try rendered(prefix, query: ["k": String(repeating: "v", count: 600)])) { error in
            XCTAssertEqual((error as? NamingError)?.message, "Length of evaluated prefix cannot be greater than 512")
        }
    }

    func testUsageFlagsAndKeyNames() throws {
        let template = try S3PrefixTemplate(parsing: "!{partitionKeyFromQuery:a}/!{partitionKeyFromLambda:b}/"
            + "!{partitionKeyFromQuery:a}/!{timestamp:yyyy}/")
        XCTAssertTrue(template.hasExpressions)
        XCTAssertTrue(template.usesPartitionKeys)
        XCTAssertTrue(template.usesTimestamp)
        XCTAssertFalse(template.usesErrorOutputType)
        XCTAssertFalse(template.usesRandomString)
        XCTAssertEqual(template.partitionKeysFromQuery, ["a"])
        XCTAssertEqual(template.partitionKeysFromLambda, ["b"])
        let literal = try S3PrefixTemplate(parsing: "plain/{braces}!/")
        XCTAssertFalse(literal.hasExpressions)
        XCTAssertFalse(literal.usesTimestamp)
    }

    func testLoneBangAndBracesAreLiteral() throws {
        XCTAssertEqual(try rendered("a!b{c}d!/!{timestamp:yyyy}"), "a!b{c}d!/2018")
    }

    func testMalformedExpressionsAreRefusedWithAWSMessages() {
        let cases: [(String, String)] = [
            ("logs/!{timestamp:yyyy", "Invalid expression usage"),
            ("logs/!{timestamp}", "Invalid expression usage"),
            ("logs/!{:yyyy}", "Invalid expression usage"),
            ("logs/!{time stamp:yyyy}", "Invalid expression usage"),
            ("logs/!{timestamp:{yyyy}", "Invalid expression usage"),
            ("logs/!{", "Invalid expression usage"),
            ("logs/!{date:yyyy}", "Namespace to the left of colon (date) is an invalid keyword!"),
            ("logs/!{Timestamp:yyyy}", "Namespace to the left of colon (Timestamp) is an invalid keyword!"),
            ("logs/!{firehose:random}", "Invalid conversion character used in the value of the expression in Prefix"),
            ("logs/!{timestamp:yyyy-T}", "Invalid conversion character used in the value of the expression in Prefix"),
            ("logs/!{timestamp:'yyyy}", "Invalid conversion character used in the value of the expression in Prefix"),
            ("logs/!{partitionKeyFromQuery:}",
             "Invalid conversion character used in the value of the expression in Prefix"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try S3PrefixTemplate(parsing: text), text) { error in
                XCTAssertEqual(error as? NamingError, .invalidPrefix(message), text)
            }
        }
    }

    func testConversionErrorNamesTheField() {
        XCTAssertThrowsError(try S3PrefixTemplate(parsing: "!{firehose:x}", field: .errorOutputPrefix)) { error in
            XCTAssertEqual((error as? NamingError)?.message,
                           "Invalid conversion character used in the value of the expression in ErrorOutputPrefix")
        }
    }

    func testCustomTimeZoneShiftsTheTimestampAndTheDefaultFolder() throws {
        guard let tokyo = TimeZone(identifier: "Asia/Tokyo") else { throw XCTSkip("no tz database") }
        let template = try S3PrefixTemplate(parsing: "")
        var generator = SeededGenerator(seed: 1)
        XCTAssertEqual(try template.render(arrival: NamingFixtures.july6, random: &generator, errorOutputType: nil,
                                           timeZone: tokyo), "2018/07/07/08/")
    }
}
