import TributaryWire
import XCTest

final class DocumentMemberErrorsTests: XCTestCase {
    private func message(_ read: () throws -> Any?) -> String? {
        do {
            _ = try read()
            return nil
        } catch let error as ServiceError {
            XCTAssertEqual(error.code, "SerializationException")
            XCTAssertEqual(error.status, 400)
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    private let request: Document = .object([
        "number": .integer(5), "fraction": .double(2.5), "text": .string("yes"), "flag": .bool(true),
        "list": .array([.string("a"), .integer(1)]), "map": .object(["k": .integer(1)]),
        "shortBase64": .string("aGVsbG8"), "badCharacter": .string("aGV*bG8="), "badPadding": .string("a=Vs"),
        "badLastCharacter": .string("aGVsbG9="), "nullValues": .object(["k": .null, "j": .string("v")]),
    ])

    func testScalarsOfTheWrongTypeUseAWSWording() {
        XCTAssertEqual(message { try self.request.string("number") },
                       "class java.math.BigDecimal can not be converted to an String")
        XCTAssertEqual(message { try self.request.string("flag") },
                       "class java.lang.Boolean can not be converted to an String")
        XCTAssertEqual(message { try self.request.integer("text") },
                       "class java.lang.String can not be converted to an Integer")
        XCTAssertEqual(message { try self.request.integer("fraction") },
                       "class java.math.BigDecimal can not be converted to an Integer")
        XCTAssertEqual(message { try self.request.double("flag") },
                       "class java.lang.Boolean can not be converted to an Double")
        XCTAssertEqual(message { try self.request.bool("number") },
                       "class java.math.BigDecimal can not be converted to an Boolean")
        XCTAssertEqual(message { try self.request.bool("text") }, "'YES' can not be converted to an Boolean")
        XCTAssertEqual(message { try self.request.blob("flag") }, "class java.lang.Boolean can not be converted to a Blob")
    }

    func testContainersOfTheWrongShapeUseAWSWording() {
        XCTAssertEqual(message { try self.request.string("list") }, "Start of list found where not expected")
        XCTAssertEqual(message { try self.request.integer("map") }, "Start of structure or map found where not expected.")
        XCTAssertEqual(message { try self.request.array("text") }, "Expected list or null")
        XCTAssertEqual(message { try self.request.array("map") }, "Start of structure or map found where not expected.")
        XCTAssertEqual(message { try self.request.stringMap("number") }, "Expected map or null")
        XCTAssertEqual(message { try self.request.stringMap("list") }, "Start of list found where not expected")
        XCTAssertEqual(message { try self.request.object("text") }, "Expected null")
        XCTAssertEqual(message { try self.request.object("list") }, "Start of list found where not expected")
    }

    func testElementsOfStringCollectionsAreChecked() throws {
        XCTAssertEqual(message { try self.request.stringList("list") },
                       "class java.math.BigDecimal can not be converted to an String")
        XCTAssertEqual(message { try self.request.stringMap("map") },
                       "class java.math.BigDecimal can not be converted to an String")
        XCTAssertEqual(try request.stringMap("nullValues"), ["j": "v"])
    }

    func testInvalidBase64BlobsAreExplained() {
        XCTAssertEqual(message { try self.request.blob("shortBase64") },
                       "'aGVsbG8' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 7")
        XCTAssertEqual(message { try self.request.blob("badCharacter") },
                       "'aGV*bG8=' can not be converted to a Blob: Invalid Base64 character: '*'")
        XCTAssertEqual(message { try self.request.blob("badPadding") },
                       "'a=Vs' can not be converted to a Blob: Invalid Base64 character: '='")
        XCTAssertEqual(message { try self.request.blob("badLastCharacter") },
                       "'aGVsbG9=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected")
    }

    func testAbsentNullAndNonObjectDocumentsReadAsNil() throws {
        let document: Document = .object(["present": .null])
        XCTAssertNil(try document.string("present"))
        XCTAssertNil(try document.integer("absent"))
        XCTAssertNil(try Document.array([]).string("anything"))
        XCTAssertNil(Document.string("x")["key"])
        XCTAssertEqual(Document.object(["key": .null])["key"], .null)
    }

    func testNumbersAndTimestampsConvertWhereAWSAllows() throws {
        let document: Document = .object([
            "integral": .double(2.0), "big": .double(1e19), "epoch": .integer(1_700_000_000),
            "cbor": .timestamp(1_700_000_000.25), "text": .string("1700000000.5"),
            "iso": .string("2023-11-14T22:13:20.250Z"), "bad": .string("yesterday"), "flag": .bool(false),
        ])
        XCTAssertEqual(try document.integer("integral"), 2)
        XCTAssertThrowsError(try document.integer("big"))
        XCTAssertEqual(try document.double("epoch"), 1_700_000_000)
        XCTAssertEqual(try document.timestamp("epoch"), 1_700_000_000)
        XCTAssertEqual(try document.timestamp("cbor"), 1_700_000_000.25)
        XCTAssertEqual(try document.timestamp("text"), 1_700_000_000.5)
        XCTAssertEqual(try document.timestamp("iso"), 1_700_000_000.25)
        XCTAssertThrowsError(try document.timestamp("bad"))
        XCTAssertThrowsError(try document.timestamp("flag"))
        XCTAssertEqual(try document.blob("missing"), nil)
        XCTAssertEqual(try Document.object(["b": .blob([1, 2])]).blob("b"), [1, 2])
    }
}
