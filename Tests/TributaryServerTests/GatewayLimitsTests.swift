import HTTPTypes
@testable import TributaryServer
import XCTest

/// Each operation class gets its own body bound from the request head alone.
final class GatewayLimitsTests: XCTestCase {
    private func bound(target: String? = nil, path: String = "/") -> Int? {
        var fields = HTTPFields()
        if let target { fields[HTTPField.Name("X-Amz-Target")!] = target }
        return GatewayLimits.requestBodyBytesMax(
            for: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: path, headerFields: fields))
    }

    func testDataWritesGetTheLargestBound() {
        XCTAssertEqual(bound(target: "Kinesis_20131202.PutRecords"), 16 << 20)
        XCTAssertEqual(bound(target: "Kinesis_20131202.PutRecord"), 16 << 20)
    }

    func testFirehoseWritesGetTheirBatchBound() {
        XCTAssertEqual(bound(target: "Firehose_20150804.PutRecordBatch"), 8 << 20)
    }

    func testControlOperationsAndUnknownTargetsGetTheSmallBound() {
        XCTAssertEqual(bound(target: "Kinesis_20131202.CreateStream"), 1 << 20)
        XCTAssertEqual(bound(target: "KinesisAnalytics_20150814.CreateApplication"), 1 << 20)
        XCTAssertEqual(bound(target: "Nonsense.Operation"), 1 << 20)
        XCTAssertEqual(bound(path: "/getMedia"), 1 << 20)
    }

    func testPutMediaIsStreamedWithoutABound() {
        XCTAssertNil(bound(path: "/putMedia"))
        XCTAssertNil(bound(path: "/putMedia?x=1"))
    }
}
