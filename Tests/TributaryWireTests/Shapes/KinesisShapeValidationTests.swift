import TributaryWire
import XCTest

/// The same model-driven validation, on a Kinesis model generated into this folder, gives the messages real AWS
/// gives (the ones IntegrationTests/streams/test_validation.py holds, and ones AWS recorded for Kinesis).
final class KinesisShapeValidationTests: XCTestCase {
    private let model = KinesisTestShapes.model

    func testStreamNamePatternMatchesTheIntegrationSuite() throws {
        assertValidationMessage(model, "CreateStream", try jsonRequest(#"{"StreamName": "a b", "ShardCount": 1}"#),
            "1 validation error detected: Value 'a b' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
    }

    func testLengthRangeAndRequiredMessages() throws {
        let name = String(repeating: "n", count: 129)
        assertValidationMessage(model, "CreateStream", try jsonRequest(#"{"StreamName": "\#(name)", "ShardCount": 1}"#),
            "1 validation error detected: Value '\(name)' at 'streamName' failed to satisfy constraint: Member must have length less than or equal to 128")
        assertValidationMessage(model, "CreateStream", try jsonRequest(#"{"StreamName": "s", "ShardCount": 0}"#),
            "1 validation error detected: Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1")
        assertValidationMessage(model, "CreateStream", try jsonRequest(#"{"ShardCount": 1}"#),
            "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null")
        assertValidationMessage(model, "ListStreams", try jsonRequest(#"{"Limit": 10001}"#),
            "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000")
    }

    func testEmptyPartitionKey() throws {
        assertValidationMessage(model, "PutRecord",
            try jsonRequest(#"{"StreamName": "s", "Data": "eA==", "PartitionKey": ""}"#),
            "1 validation error detected: Value '' at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1")
    }

    func testTooManyRecordsPrintEachEntryAsAWSDid() throws {
        // AWS answered this request with `com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310` for
        // every entry, then nine partition-key failures: ten in all, the rest dropped.
        let records = Array(repeating: #"{"PartitionKey": "", "Data": ""}"#, count: 501).joined(separator: ",")
        guard let message = validationOutcome(model, "PutRecords",
                                              try jsonRequest(#"{"StreamName": "", "Records": [\#(records)]}"#))?.message
        else { return XCTFail("501 records passed") }
        let entries = Array(repeating: "com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@c965e310", count: 501)
        let expectedStart = "10 validation errors detected: Value '[" + entries.joined(separator: ", ")
            + "]' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500; "
            + "Value '' at 'records.1.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1; "
        XCTAssertTrue(message.hasPrefix(expectedStart), String(message.suffix(400)))
        XCTAssertTrue(message.hasSuffix("Value '' at 'records.9.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1"))
    }

    func testEmptyStreamNameBreaksPatternThenLength() throws {
        assertValidationMessage(model, "DeleteStream", try jsonRequest(#"{"StreamName": ""}"#),
            "2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1")
    }

    func testIteratorTypeEnum() throws {
        guard let message = validationOutcome(model, "GetShardIterator", try jsonRequest(
            #"{"StreamName": "x", "ShardId": "shardId-000000000000", "ShardIteratorType": "NOPE"}"#))?.message
        else { return XCTFail("NOPE passed") }
        XCTAssertTrue(message.hasPrefix("1 validation error detected: Value 'NOPE' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP"), message)
    }

    func testWrongJSONTypeIsSerializationException() throws {
        XCTAssertEqual(validationOutcome(model, "CreateStream",
                                         try jsonRequest(#"{"StreamName": "s", "ShardCount": "three"}"#))?.code,
                       "SerializationException")
    }
}
