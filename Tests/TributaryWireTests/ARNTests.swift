import TributaryWire
import XCTest

final class ARNTests: XCTestCase {
    func testStreamARNParsesIntoItsParts() throws {
        let arn = try XCTUnwrap(ARN(parsing: "arn:aws:kinesis:us-east-1:000000000000:stream/orders"))
        XCTAssertEqual(arn, ARN(service: "kinesis", region: "us-east-1", account: "000000000000", resource: "stream/orders"))
        XCTAssertEqual(arn.partition, "aws")
    }

    func testFormattingAndParsingAreInverse() {
        let arns = [
            ARN(service: "kinesis", region: "eu-west-1", account: "123456789012",
                resource: "stream/s/consumer/c:1700000000"),
            ARN(partition: "aws-cn", service: "firehose", region: "cn-north-1", account: "1", resource: "deliverystream/d"),
            ARN(service: "iam", region: "", account: "123456789012", resource: "role/r"),
        ]
        for arn in arns {
            XCTAssertEqual(ARN(parsing: arn.description), arn)
        }
        XCTAssertEqual(arns[0].description, "arn:aws:kinesis:eu-west-1:123456789012:stream/s/consumer/c:1700000000")
    }

    func testMalformedARNsAreRefused() {
        for text in ["", "arn:aws:kinesis", "arn:aws:kinesis:us-east-1:1", "urn:aws:kinesis:r:a:stream/s",
                     "arn::kinesis:r:a:stream/s", "arn:aws::r:a:stream/s", "arn:aws:kinesis:r:a:"] {
            XCTAssertNil(ARN(parsing: text), "should refuse \(text)")
        }
    }
}
