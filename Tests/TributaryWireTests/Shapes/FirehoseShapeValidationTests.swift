import TributaryWire
import XCTest

/// The generated Firehose model rejects what AWS rejects, with AWS's words, paths and counts.
final class FirehoseShapeValidationTests: XCTestCase {
    private var model: ShapeModel!

    override func setUpWithError() throws {
        model = try GeneratedModelSource.firehose()
    }

    /// A CreateDeliveryStream for an S3 destination with `extra` spliced into the destination object.
    private func createRequest(name: String = "my-stream", destination extra: String = "",
                               top: String = "") throws -> Document {
        try jsonRequest("""
        {"DeliveryStreamName": "\(name)", "DeliveryStreamType": "DirectPut", \(top)
         "ExtendedS3DestinationConfiguration": {"RoleARN": "arn:aws:iam::123456789012:role/firehose",
           "BucketARN": "arn:aws:s3:::my-bucket", "Prefix": "data/!{timestamp:yyyy}/", \(extra)
           "CompressionFormat": "GZIP",
           "ProcessingConfiguration": {"Enabled": true, "Processors": [{"Type": "AppendDelimiterToRecord",
             "Parameters": [{"ParameterName": "Delimiter", "ParameterValue": "\\\\n"}]}]}},
         "Tags": [{"Key": "team", "Value": "data"}]}
        """)
    }

    func testValidCreateDeliveryStreamPasses() throws {
        let request = try createRequest(destination: #""BufferingHints": {"SizeInMBs": 5, "IntervalInSeconds": 300},"#)
        XCTAssertNil(validationOutcome(model, "CreateDeliveryStream", request).map { "\($0)" })
    }

    func testDeliveryStreamNamePatternIsAWSMessage() throws {
        assertValidationMessage(model, "CreateDeliveryStream", try createRequest(name: "a b"),
            "1 validation error detected: Value 'a b' at 'deliveryStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
    }

    func testMissingNestedRequiredMemberNamesItsFullPath() throws {
        let request = try jsonRequest("""
        {"DeliveryStreamName": "s", "ExtendedS3DestinationConfiguration": {"RoleARN": "arn:aws:iam::123456789012:role/r"}}
        """)
        assertValidationMessage(model, "CreateDeliveryStream", request,
            "1 validation error detected: Value null at 'extendedS3DestinationConfiguration.bucketARN' failed to satisfy constraint: Member must not be null")
    }

    func testSizeInMBsBelowAndAboveItsRange() throws {
        assertValidationMessage(model, "CreateDeliveryStream",
            try createRequest(destination: #""BufferingHints": {"SizeInMBs": 0},"#),
            "1 validation error detected: Value '0' at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to satisfy constraint: Member must have value greater than or equal to 1")
        assertValidationMessage(model, "CreateDeliveryStream",
            try createRequest(destination: #""BufferingHints": {"SizeInMBs": 200},"#),
            "1 validation error detected: Value '200' at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to satisfy constraint: Member must have value less than or equal to 128")
    }

    func testEnumViolationListsTheSetInModelOrder() throws {
        let request = try jsonRequest("""
        {"DeliveryStreamName": "s", "ExtendedS3DestinationConfiguration": {"RoleARN": "arn:aws:iam::123456789012:role/r",
          "BucketARN": "arn:aws:s3:::b", "ProcessingConfiguration": {"Processors": [{"Type": "NotLambda"}]}}}
        """)
        assertValidationMessage(model, "CreateDeliveryStream", request,
            "1 validation error detected: Value 'NotLambda' at 'extendedS3DestinationConfiguration.processingConfiguration.processors.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [RecordDeAggregation, Decompression, CloudWatchLogProcessing, Lambda, MetadataExtraction, AppendDelimiterToRecord]")
    }

    func testPutRecordBatchOf501RecordsBreaksTheListMaximum() throws {
        let records = Array(repeating: #"{"Data": "AA=="}"#, count: 501).joined(separator: ",")
        let request = try jsonRequest(#"{"DeliveryStreamName": "s", "Records": [\#(records)]}"#)
        guard let outcome = validationOutcome(model, "PutRecordBatch", request), let message = outcome.message else {
            return XCTFail("501 records passed")
        }
        XCTAssertEqual(outcome.code, "ValidationException")
        // Each record prints as AWS's Java object: the class and its hashCode over the one zero byte of Data.
        let element = "com.amazonaws.firehose.v20150804.Record@\(Self.recordHash(data: [0]))"
        let listed = "[" + Array(repeating: element, count: 501).joined(separator: ", ") + "]"
        XCTAssertEqual(message, "1 validation error detected: Value '\(listed)' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500")
        let fiveHundred = Array(repeating: #"{"Data": "AA=="}"#, count: 500).joined(separator: ",")
        XCTAssertNil(validationOutcome(model, "PutRecordBatch",
                                       try jsonRequest(#"{"DeliveryStreamName": "s", "Records": [\#(fiveHundred)]}"#)).map { "\($0)" })
    }

    /// Java's `Arrays.hashCode({31 + "…Record".hashCode(), ByteBuffer.hashCode()})`, computed independently.
    private static func recordHash(data: [UInt8]) -> String {
        var nameHash: Int32 = 0
        for unit in "com.amazonaws.firehose.v20150804.Record".utf16 { nameHash = 31 &* nameHash &+ Int32(unit) }
        var bufferHash: Int32 = 1
        for byte in data.reversed() { bufferHash = 31 &* bufferHash &+ Int32(Int8(bitPattern: byte)) }
        let hash = 31 &* (31 &* 1 &+ (31 &+ nameHash)) &+ bufferHash
        return String(UInt32(bitPattern: hash), radix: 16)
    }

    func testSeveralFailuresAreCountedInMemberOrder() throws {
        let request = try jsonRequest("""
        {"DeliveryStreamName": "", "DeliveryStreamType": "Sideways",
         "ExtendedS3DestinationConfiguration": {"BucketARN": "bucket", "BufferingHints": {"SizeInMBs": 0, "IntervalInSeconds": 901}}}
        """)
        assertValidationMessage(model, "CreateDeliveryStream", request, "7 validation errors detected: "
            + "Value '' at 'deliveryStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
            + "Value '' at 'deliveryStreamName' failed to satisfy constraint: Member must have length greater than or equal to 1; "
            + "Value 'Sideways' at 'deliveryStreamType' failed to satisfy constraint: Member must satisfy enum value set: [DirectPut, KinesisStreamAsSource, MSKAsSource, DatabaseAsSource]; "
            + "Value null at 'extendedS3DestinationConfiguration.roleARN' failed to satisfy constraint: Member must not be null; "
            + "Value 'bucket' at 'extendedS3DestinationConfiguration.bucketARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:.*:s3:::[\\w\\.\\-]{1,255}; "
            + "Value '0' at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to satisfy constraint: Member must have value greater than or equal to 1; "
            + "Value '901' at 'extendedS3DestinationConfiguration.bufferingHints.intervalInSeconds' failed to satisfy constraint: Member must have value less than or equal to 900")
    }

    func testFailuresStopAtTenAsAWSDoes() throws {
        let records = Array(repeating: #"{}"#, count: 12).joined(separator: ",")
        let request = try jsonRequest(#"{"Records": [\#(records)]}"#)
        guard let message = validationOutcome(model, "PutRecordBatch", request)?.message else {
            return XCTFail("empty records passed")
        }
        XCTAssertTrue(message.hasPrefix("10 validation errors detected: Value null at 'deliveryStreamName' failed"), message)
        XCTAssertTrue(message.hasSuffix("Value null at 'records.9.member.data' failed to satisfy constraint: Member must not be null"), message)
        XCTAssertFalse(message.contains("records.10.member"), message)
    }
}
