import TributaryWire
import XCTest

/// A member of the wrong JSON type is a SerializationException in AWS's words, and wins over constraint failures.
final class ShapeTypeCheckTests: XCTestCase {
    private var model: ShapeModel!

    override func setUpWithError() throws {
        model = try GeneratedModelSource.firehose()
    }

    private func assertSerialization(_ operation: String, _ body: String, _ message: String,
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let outcome = validationOutcome(model, operation, try jsonRequest(body))
        XCTAssertEqual(outcome?.code, "SerializationException", file: file, line: line)
        XCTAssertEqual(outcome?.message, message, file: file, line: line)
    }

    func testScalarOfTheWrongType() throws {
        try assertSerialization("DeleteDeliveryStream", #"{"DeliveryStreamName": 5}"#,
                                "class java.math.BigDecimal can not be converted to an String")
        try assertSerialization("DeleteDeliveryStream", #"{"DeliveryStreamName": "s", "AllowForceDelete": "yes"}"#,
                                "'YES' can not be converted to an Boolean")
        try assertSerialization("ListDeliveryStreams", #"{"Limit": "ten"}"#,
                                "class java.lang.String can not be converted to an Integer")
        try assertSerialization("ListDeliveryStreams", #"{"Limit": 1.5}"#,
                                "class java.math.BigDecimal can not be converted to an Integer")
    }

    func testContainersOfTheWrongType() throws {
        try assertSerialization("PutRecordBatch", #"{"DeliveryStreamName": "s", "Records": {"Data": "AA=="}}"#,
                                "Start of structure or map found where not expected.")
        try assertSerialization("PutRecord", #"{"DeliveryStreamName": "s", "Record": "AA=="}"#, "Expected null")
        try assertSerialization("PutRecord", #"{"DeliveryStreamName": "s", "Record": [1]}"#,
                                "Start of list found where not expected")
        try assertSerialization("UntagDeliveryStream", #"{"DeliveryStreamName": "s", "TagKeys": [1]}"#,
                                "class java.math.BigDecimal can not be converted to an String")
    }

    func testBlobMustBePaddedBase64() throws {
        try assertSerialization("PutRecord", #"{"DeliveryStreamName": "s", "Record": {"Data": "abc"}}"#,
            "'abc' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3")
    }

    func testTypeErrorWinsOverConstraintFailures() throws {
        try assertSerialization("PutRecordBatch", #"{"DeliveryStreamName": "a b", "Records": [{"Data": true}]}"#,
                                "class java.lang.Boolean can not be converted to a Blob")
    }

    func testTimestampMustParse() throws {
        let body = """
        {"DeliveryStreamName": "s", "MSKSourceConfiguration": {"MSKClusterARN": "arn:aws:kafka:us-east-1:123456789012:cluster/c/1",
          "TopicName": "t", "AuthenticationConfiguration": {"RoleARN": "arn:aws:iam::123456789012:role/r", "Connectivity": "PUBLIC"},
          "ReadFromTimestamp": "yesterday"}}
        """
        try assertSerialization("CreateDeliveryStream", body, "Unable to parse date string 'yesterday' for member 'ReadFromTimestamp'")
        let valid = body.replacingOccurrences(of: "yesterday", with: "2024-05-01T10:00:00Z")
        XCTAssertNil(validationOutcome(model, "CreateDeliveryStream", try jsonRequest(valid)).map { "\($0)" })
    }

    func testUnknownOperationIsRefused() throws {
        XCTAssertEqual(validationOutcome(model, "PutRecords", .object([:]))?.code, "UnknownOperationException")
    }
}
