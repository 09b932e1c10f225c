import TributaryWire
import XCTest

/// Lists of scalars, maps, blobs, doubles and sensitive members in the Firehose model, reported as AWS reports them.
final class FirehoseShapeCollectionTests: XCTestCase {
    private var model: ShapeModel!

    override func setUpWithError() throws {
        model = try GeneratedModelSource.firehose()
    }

    /// A CreateDeliveryStream whose S3 destination converts JSON records with `serDe` as the OpenX SerDe and
    /// `orc` as the ORC SerDe.
    private func conversionRequest(serDe: String = "{}", orc: String = "{}") throws -> Document {
        try jsonRequest("""
        {"DeliveryStreamName": "s", "ExtendedS3DestinationConfiguration": {"RoleARN": "arn:aws:iam::123456789012:role/r",
          "BucketARN": "arn:aws:s3:::b", "DataFormatConversionConfiguration": {
            "InputFormatConfiguration": {"Deserializer": {"OpenXJsonSerDe": \(serDe)}},
            "OutputFormatConfiguration": {"Serializer": {"OrcSerDe": \(orc)}}}}}
        """)
    }

    func testScalarListIsCheckedAsAWholeWithEveryElementConstraint() throws {
        let request = try jsonRequest(#"{"DeliveryStreamName": "s", "TagKeys": ["team", "aws:owner", "x"]}"#)
        assertValidationMessage(model, "UntagDeliveryStream", request,
            "1 validation error detected: Value '[team, aws:owner, x]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$]")
    }

    func testEmptyScalarListBreaksItsMinimum() throws {
        assertValidationMessage(model, "UntagDeliveryStream", try jsonRequest(#"{"DeliveryStreamName": "s", "TagKeys": []}"#),
            "1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1")
    }

    func testMapKeysAndValuesAreReportedAtTheMapPath() throws {
        let request = try conversionRequest(serDe: #"{"ColumnToJsonKeyMappings": {"has space": "ok", "fine": " "}}"#)
        let path = "extendedS3DestinationConfiguration.dataFormatConversionConfiguration.inputFormatConfiguration.deserializer.openXJsonSerDe.columnToJsonKeyMappings"
        assertValidationMessage(model, "CreateDeliveryStream", request, "2 validation errors detected: "
            + "Value '{fine= , has space=ok}' at '\(path)' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^\\S+$]; "
            + "Value '{fine= , has space=ok}' at '\(path)' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^(?!\\s*$).+]")
    }

    func testDoubleValuesPrintAsJavaDoubles() throws {
        let request = try conversionRequest(orc: #"{"PaddingTolerance": 1.5, "DictionaryKeyThreshold": 2}"#)
        let path = "extendedS3DestinationConfiguration.dataFormatConversionConfiguration.outputFormatConfiguration.serializer.orcSerDe"
        assertValidationMessage(model, "CreateDeliveryStream", request, "2 validation errors detected: "
            + "Value '1.5' at '\(path).paddingTolerance' failed to satisfy constraint: Member must have value less than or equal to 1; "
            + "Value '2.0' at '\(path).dictionaryKeyThreshold' failed to satisfy constraint: Member must have value less than or equal to 1")
    }

    func testOversizedBlobPrintsAsAByteBuffer() throws {
        let data = Base64.encode([UInt8](repeating: 7, count: 1_024_001))
        assertValidationMessage(model, "PutRecord",
            try jsonRequest(#"{"DeliveryStreamName": "s", "Record": {"Data": "\#(data)"}}"#),
            "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1024001 cap=1024001]' at 'record.data' failed to satisfy constraint: Member must have length less than or equal to 1024000")
        let largest = Base64.encode([UInt8](repeating: 7, count: 1_024_000))
        XCTAssertNil(validationOutcome(model, "PutRecord",
            try jsonRequest(#"{"DeliveryStreamName": "s", "Record": {"Data": "\#(largest)"}}"#)).map { "\($0)" })
    }

    func testSensitiveValuesAreLeftOutOfTheMessage() throws {
        let request = try jsonRequest("""
        {"DeliveryStreamName": "s", "HttpEndpointDestinationConfiguration": {
          "EndpointConfiguration": {"Url": "http://user:secret@example.com"},
          "S3Configuration": {"RoleARN": "arn:aws:iam::123456789012:role/r", "BucketARN": "arn:aws:s3:::b"}}}
        """)
        assertValidationMessage(model, "CreateDeliveryStream", request,
            "1 validation error detected: Value at 'httpEndpointDestinationConfiguration.endpointConfiguration.url' failed to satisfy constraint: Member must satisfy regular expression pattern: https://.*")
    }

    func testNullListElementMustNotBeNull() throws {
        assertValidationMessage(model, "PutRecordBatch",
            try jsonRequest(#"{"DeliveryStreamName": "s", "Records": [{"Data": "AA=="}, null]}"#),
            "1 validation error detected: Value null at 'records.2.member' failed to satisfy constraint: Member must not be null")
    }

    func testUnknownMembersAndNullsAreIgnored() throws {
        let request = try jsonRequest(#"{"DeliveryStreamName": "s", "Limit": null, "Surprise": [1, {"x": 2}]}"#)
        XCTAssertNil(validationOutcome(model, "DeleteDeliveryStream", request).map { "\($0)" })
        XCTAssertNil(validationOutcome(model, "ListDeliveryStreams", .null).map { "\($0)" })
    }
}
