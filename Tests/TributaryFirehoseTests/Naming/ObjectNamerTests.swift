import Foundation
import XCTest
@testable import TributaryFirehose

/// Object keys as Firehose writes them: `<prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><suffix>`.
final class ObjectNamerTests: XCTestCase {
    private let uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"

    private func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: "^" + pattern + "$", options: .regularExpression) != nil
    }

    func testEmptyPrefixGivesTheDefaultHourFolderAndTheDocumentedName() {
        var generator = SeededGenerator(seed: 42)
        let key = ObjectNamer.objectKey(prefix: "", deliveryStreamName: "my-stream", version: 3,
                                        arrival: NamingFixtures.august27, suffix: ".gz", random: &generator)
        XCTAssertTrue(matches(key, "2018/08/27/10/my-stream-3-2018-08-27-10-30-05-" + uuidPattern + "\\.gz"), key)
    }

    func testRenderedPrefixIsUsedVerbatim() {
        var generator = SeededGenerator(seed: 42)
        let key = ObjectNamer.objectKey(prefix: "customer_id=1/", deliveryStreamName: "s", version: 1,
                                        arrival: NamingFixtures.july6, suffix: "", random: &generator)
        XCTAssertTrue(matches(key, "customer_id=1/s-1-2018-07-06-23-59-00-" + uuidPattern), key)
    }

    func testNameUsesUTCAndCustomTimeZoneWhenGiven() throws {
        var generator = SeededGenerator(seed: 5)
        let utcName = ObjectNamer.objectName(deliveryStreamName: "s", version: 2, arrival: NamingFixtures.july6,
                                             suffix: ".zip", random: &generator)
        XCTAssertTrue(utcName.hasPrefix("s-2-2018-07-06-23-59-00-"), utcName)
        guard let tokyo = TimeZone(identifier: "Asia/Tokyo") else { throw XCTSkip("no tz database") }
        let tokyoName = ObjectNamer.objectName(deliveryStreamName: "s", version: 2, arrival: NamingFixtures.july6,
                                               suffix: ".zip", timeZone: tokyo, random: &generator)
        XCTAssertTrue(tokyoName.hasPrefix("s-2-2018-07-07-08-59-00-"), tokyoName)
    }

    func testDefaultPrefixesForDataAndErrors() {
        XCTAssertEqual(ObjectNamer.defaultPrefix(arrival: NamingFixtures.january5), "2018/01/05/00/")
        let errorPrefix = ObjectNamer.defaultErrorPrefix(errorOutputType: .processingFailed,
                                                         arrival: NamingFixtures.july6)
        XCTAssertEqual(errorPrefix, "processing-failed/2018/07/06/23/")
        XCTAssertEqual(ObjectNamer.defaultErrorPrefix(prefix: "logs/", errorOutputType: .httpEndpointFailed,
                                                      arrival: NamingFixtures.july6),
                       "logs/http-endpoint-failed/2018/07/06/23/")
    }

    func testUUIDsAreVersion4AndDeterministicForASeed() {
        var first = SeededGenerator(seed: 9)
        var second = SeededGenerator(seed: 9)
        let uuid = ObjectNamer.uuidString(using: &first)
        XCTAssertTrue(matches(uuid, uuidPattern), uuid)
        XCTAssertEqual(uuid, ObjectNamer.uuidString(using: &second))
        XCTAssertNotEqual(uuid, ObjectNamer.uuidString(using: &first))
    }

    func testRandomStringHasElevenCharactersOfTheDocumentedForm() {
        var generator = SeededGenerator(seed: 3)
        var seen = Set<String>()
        for _ in 0..<200 {
            let value = ObjectNamer.randomString(using: &generator)
            XCTAssertEqual(value.count, 11)
            XCTAssertTrue(matches(value, "[0-9a-f]{8}-[0-9a-f]{2}"), value)
            seen.insert(value)
        }
        XCTAssertEqual(seen.count, 200)
    }

    func testErrorOutputTypeNamesAreAWSs() {
        XCTAssertEqual(ErrorOutputType.processingFailed.rawValue, "processing-failed")
        XCTAssertEqual(ErrorOutputType.httpEndpointFailed.rawValue, "http-endpoint-failed")
        XCTAssertEqual(ErrorOutputType.openSearchServiceFailed.rawValue, "AmazonOpenSearchService-failed")
        XCTAssertEqual(ErrorOutputType.formatConversionFailed.rawValue, "format-conversion-failed")
        XCTAssertEqual(ErrorOutputType.splunkFailed.rawValue, "splunk-failed")
    }
}
