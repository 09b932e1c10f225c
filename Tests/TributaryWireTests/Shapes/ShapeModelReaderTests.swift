import TributaryWire
import XCTest

/// A model text is read completely or refused with the reason; members keep model order and AWS's path names.
final class ShapeModelReaderTests: XCTestCase {
    private func model(shapes: String, operations: String = #"{"Op":"Input"}"#) throws -> ShapeModel {
        try ShapeModel(parsing: """
        {"metadata":{"service":"demo","apiVersion":"2020-01-01","protocol":"json","targetPrefix":"Demo","javaPackage":"com.amazonaws.demo.v20200101"},
        "operations":\(operations),"shapes":\(shapes)}
        """)
    }

    func testMembersKeepModelOrderAndLowerFirstLetterOnly() throws {
        let demo = try model(shapes: """
        {"Input":{"type":"structure","required":["RoleARN"],"members":[["SizeInMBs","N"],["RoleARN","S"],["DeliveryStreamName","S","header","x-name"]]},
         "N":{"type":"integer"},"S":{"type":"string"}}
        """)
        let members = try XCTUnwrap(demo.inputShape(of: "Op")).members
        XCTAssertEqual(members.map(\.pathName), ["sizeInMBs", "roleARN", "deliveryStreamName"])
        XCTAssertEqual(members.map(\.isRequired), [false, true, false])
        XCTAssertEqual(members[2].location, "header")
        XCTAssertEqual(members[2].locationName, "x-name")
        XCTAssertEqual(demo.operationNames, ["Op"])
        XCTAssertEqual(demo.javaPackage, "com.amazonaws.demo.v20200101")
    }

    func testOperationWithoutInputAcceptsAnything() throws {
        let demo = try model(shapes: "{}", operations: #"{"Op":null}"#)
        XCTAssertNoThrow(try demo.validate(.string("whatever"), operation: "Op"))
    }

    func testBrokenModelsAreRefusedWithTheReason() {
        XCTAssertThrowsError(try model(shapes: #"{"Input":{"type":"structure","members":[["A","Missing"]]}}"#)) { error in
            XCTAssertEqual("\(error)", "shape Input member A names unknown shape Missing")
        }
        XCTAssertThrowsError(try model(shapes: #"{"Input":{"type":"document"}}"#)) { error in
            XCTAssertEqual("\(error)", "shape Input has type document, which ShapeModel does not know")
        }
        XCTAssertThrowsError(try model(shapes: #"{"Input":{"type":"string","pattern":"[a-"}}"#))
        XCTAssertThrowsError(try model(shapes: #"{"Input":{"type":"integer","min":"one"}}"#))
        XCTAssertThrowsError(try ShapeModel(parsing: "[]"))
    }
}
