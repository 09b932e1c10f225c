import XCTest
@testable import TributaryFirehose

/// The queries Firehose users write for dynamic partitioning give the partition keys AWS's jq 1.6 gives (expected
/// values from running jq 1.6 over the same records).
final class JQPartitionQueryTests: XCTestCase {
    /// The record and query of AWS's "Understand partitioning keys" page.
    private static let documentedRecord = #"""
        {"type": {"device": "mobile", "event": "user_clicked_submit_button"}, "customer_id": "1234567890",
         "event_timestamp": 1565382027, "region": "sample_region"}
        """#

    private func keys(_ query: String, _ record: String) throws -> [(String, String?)] {
        let outputs = try JQProgram(query).run(json: Array(record.utf8))
        guard outputs.count == 1, case .object(let members) = outputs[0] else {
            XCTFail("\(query) gave \(outputs)")
            return []
        }
        return members.map { ($0.key, $0.value.partitionKeyText) }
    }

    func testDocumentedQueryGivesDocumentedKeys() throws {
        let query = #"{customer_id: .customer_id, device: .type.device, year: .event_timestamp| strftime("%Y"), "#
            + #"month: .event_timestamp| strftime("%m"), day: .event_timestamp| strftime("%d"), "#
            + #"hour: .event_timestamp| strftime("%H")}"#
        let found = try keys(query, Self.documentedRecord)
        XCTAssertEqual(found.map(\.0), ["customer_id", "device", "year", "month", "day", "hour"])
        XCTAssertEqual(found.map(\.1), ["1234567890", "mobile", "2019", "08", "09", "20"])
    }

    func testScalarKeysUseTheirJSONTextAndOthersHaveNone() throws {
        let record = #"{"id":12345678901234567890,"ok":true,"price":1.50,"ts":"2019-08-09T20:20:27Z","tags":null}"#
        let query = #"{id: .id, ok: .ok, price: .price, date: (.ts | fromdate | strftime("%Y/%m/%d")), tags: .tags}"#
        let found = try keys(query, record)
        XCTAssertEqual(found.map(\.0), ["id", "ok", "price", "date", "tags"])
        XCTAssertEqual(found.map(\.1), ["12345678901234567000", "true", "1.5", "2019/08/09", nil])
    }

    func testCommonShapesOfPartitionQueries() throws {
        XCTAssertEqual(try jqOutputs("{device: .device.id, type: .type | ascii_downcase}",
                                     #"{"device":{"id":"d-1"},"type":"SENSOR"}"#),
                       [#"{"device":"d-1","type":"sensor"}"#])
        XCTAssertEqual(try jqOutputs(#"{region: (.region // "unknown"), app: (.app | ltrimstr("svc-"))}"#,
                                     #"{"region":null,"app":"svc-billing"}"#),
                       [#"{"region":"unknown","app":"billing"}"#])
        XCTAssertEqual(try jqOutputs(#"{level: (if .status >= 500 then "error" elif .status >= 400 then "warn" "#
                                         + #"else "ok" end), day: (.time | strptime("%d/%b/%Y:%H:%M:%S %z") | "#
                                         + #"mktime | strftime("%F"))}"#,
                                     #"{"status":503,"time":"10/Oct/2000:13:55:36 -0700"}"#),
                       [#"{"level":"error","day":"2000-10-10"}"#])
        XCTAssertEqual(try jqOutputs(#"{host: (.url | split("/")[2]), kind: (.path | test("^/api/") | tostring)}"#,
                                     #"{"url":"https://example.com/x","path":"/api/v1"}"#),
                       [#"{"host":"example.com","kind":"true"}"#])
    }

    func testFailuresNameTheProblem() {
        XCTAssertThrowsError(try JQProgram(".a").run(json: Array("not json".utf8))) { error in
            guard case JQError.input(let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(message, "Invalid literal at line 1, column 4")
        }
        XCTAssertThrowsError(try JQProgram(".customer.id").run(json: Array(#"{"customer":"c"}"#.utf8))) { error in
            XCTAssertEqual(error as? JQError, .runtime(#"Cannot index string with string "id""#))
        }
        XCTAssertEqual(try jqOutputs(".a", ""), [])
    }

    /// A partition query over a small record spends a few dozen of the run's 10,000,000 steps (`JQLimits`).
    func testPartitionQueriesCostFewSteps() throws {
        let program = try JQProgram(#"{customer_id: .customer_id, device: .type.device, "#
            + #"year: .event_timestamp | strftime("%Y"), kind: (.type.event | ascii_downcase | split("_") | join("-"))}"#)
        let input = try JQJSONReader.values(Array(Self.documentedRecord.utf8))[0]
        let execution = JQExecution(now: 0, regexCache: program.regexCache)
        var outputs: [JQValue] = []
        try execution.evaluate(program.root, input, []) { outputs.append($0) }
        XCTAssertEqual(outputs.map(\.jsonText), [#"{"customer_id":"1234567890","device":"mobile","year":"2019","#
            + #""kind":"user-clicked-submit-button"}"#])
        XCTAssertLessThan(execution.stepsUsed, 100)
    }
}
