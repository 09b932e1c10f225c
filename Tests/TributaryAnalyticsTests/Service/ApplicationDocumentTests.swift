import TributaryWire
@testable import TributaryAnalytics
import XCTest

/// The conversions between the API's documents and the descriptor's types, without a service.
final class ApplicationDocumentTests: XCTestCase {
    func testInAppStreamNamesCountInThreeDigits() {
        let input = ApplicationInput(
            id: "1.1", namePrefix: "SRC", parallelism: 12, source: .kinesisStream(arn: "arn:aws:kinesis:r:1:stream/s"),
            roleARN: "role", schema: InputSchema(format: .json(recordRowPath: "$"), columns: []))
        XCTAssertEqual(input.inAppStreamNames.first, "SRC_001")
        XCTAssertEqual(input.inAppStreamNames.last, "SRC_012")
        XCTAssertEqual(input.inAppStreamNames.count, 12)
    }

    func testMissingMappingParametersTakeAWSDefaultsAndDescribeShowsThem() throws {
        let schema = try SourceSchemaDocument.schema(.object([
            "RecordFormat": .object(["RecordFormatType": .string("CSV")]),
            "RecordColumns": .array([.object(["Name": .string("a"), "SqlType": .string("decimal(8,2)")])]),
        ]))
        XCTAssertEqual(schema, InputSchema(format: .csv(recordDelimiter: "\n", columnDelimiter: ","), encoding: "UTF-8",
                                           columns: [RecordColumn(name: "a", sqlType: "decimal(8,2)")]))
        XCTAssertEqual(SourceSchemaDocument.document(schema)["RecordFormat"], .object([
            "RecordFormatType": .string("CSV"),
            "MappingParameters": .object(["CSVMappingParameters": .object([
                "RecordRowDelimiter": .string("\n"), "RecordColumnDelimiter": .string(",")])]),
        ]))
    }

    func testColumnsMustBeUniqueAndTyped() {
        func refused(_ columns: [Document]) -> Bool {
            do {
                _ = try SourceSchemaDocument.columns(columns)
                return false
            } catch {
                return (error as? AnalyticsError).map { if case .invalidArgument = $0 { true } else { false } } ?? false
            }
        }
        XCTAssertTrue(refused([.object(["Name": .string("A"), "SqlType": .string("INTEGER")]),
                               .object(["Name": .string("A"), "SqlType": .string("BIGINT")])]))
        XCTAssertTrue(refused([.object(["Name": .string("A"), "SqlType": .string("STRING")])]))
        XCTAssertFalse(refused([.object(["Name": .string("A"), "SqlType": .string("TIMESTAMP")]),
                                .object(["Name": .string("B"), "SqlType": .string("VARCHAR(16)")])]))
    }

    func testAnOutputNeedsExactlyOneDestinationOfTheRightService() {
        let schema: Document = .object(["RecordFormatType": .string("JSON")])
        let lambda: Document = .object(["ResourceARN": .string("arn:aws:lambda:us-east-1:000000000000:function:f"),
                                        "RoleARN": .string("role")])
        XCTAssertNoThrow(try ConfigurationDocuments.output(
            .object(["Name": .string("O"), "LambdaOutput": lambda, "DestinationSchema": schema]), id: "1.1"))
        XCTAssertThrowsError(try ConfigurationDocuments.output(
            .object(["Name": .string("O"), "KinesisStreamsOutput": lambda, "DestinationSchema": schema]), id: "1.1"))
        XCTAssertThrowsError(try ConfigurationDocuments.output(
            .object(["Name": .string("O"), "DestinationSchema": schema]), id: "1.1"))
    }
}
