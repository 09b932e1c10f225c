import TributaryWire
import XCTest

final class DocumentMembersTests: XCTestCase {
    let document: Document = .object([
        "s": .string("x"), "i": .integer(3), "d": .double(2.0), "f": .double(2.5), "b": .bool(true),
        "data": .string("aGVsbG8="), "bad": .string("!!"), "n": .null, "t": .double(1_700_000_000.5),
        "iso": .string("2023-11-14T22:13:20Z"), "m": .object(["k": .string("v")]), "l": .array([.string("a")]),
    ])

    func testTypedAccessorsReadTheirTypes() throws {
        XCTAssertEqual(try document.string("s"), "x")
        XCTAssertEqual(try document.integer("i"), 3)
        XCTAssertEqual(try document.integer("d"), 2)
        XCTAssertEqual(try document.bool("b"), true)
        XCTAssertEqual(try document.blob("data"), Array("hello".utf8))
        XCTAssertEqual(try document.timestamp("t"), 1_700_000_000.5)
        XCTAssertEqual(try document.timestamp("iso"), 1_700_000_000)
        XCTAssertEqual(try document.stringMap("m"), ["k": "v"])
        XCTAssertEqual(try document.stringList("l"), ["a"])
        XCTAssertNil(try document.string("n"))
        XCTAssertNil(try document.string("missing"))
    }

    func testWrongTypesAreSerializationErrors() {
        for check in [{ try self.document.string("i") as Any }, { try self.document.integer("f") as Any },
                      { try self.document.integer("s") as Any }, { try self.document.blob("bad") as Any },
                      { try self.document.bool("s") as Any }, { try self.document.array("m") as Any }] {
            XCTAssertThrowsError(try check()) { error in
                XCTAssertEqual((error as? ServiceError)?.code, "SerializationException")
            }
        }
    }

    func testErrorBodyHasAWSShape() throws {
        let body = ServiceError(code: "ResourceNotFoundException", message: "gone").jsonBody()
        XCTAssertEqual(try JSONDocumentDecoder.decode(body),
                       .object(["__type": .string("ResourceNotFoundException"), "message": .string("gone")]))
        XCTAssertEqual(try JSONDocumentDecoder.decode(ServiceError.unknownOperation().jsonBody()),
                       .object(["__type": .string("UnknownOperationException")]))
    }

    func testARNsParseAndPrint() {
        let arn = ARN(parsing: "arn:aws:kinesis:us-east-1:000000000000:stream/a:b")
        XCTAssertEqual(arn?.service, "kinesis")
        XCTAssertEqual(arn?.resource, "stream/a:b")
        XCTAssertEqual(arn?.description, "arn:aws:kinesis:us-east-1:000000000000:stream/a:b")
        XCTAssertNil(ARN(parsing: "arn:aws:kinesis"))
    }
}
