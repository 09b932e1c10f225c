@testable import TributaryServer
import TributaryWire
import XCTest

final class WireProtocolTests: XCTestCase {
    func testContentTypePicksTheBodyFormat() {
        XCTAssertEqual(WireProtocol(contentType: "application/x-amz-cbor-1.1").contentType, "application/x-amz-cbor-1.1")
        XCTAssertEqual(WireProtocol(contentType: "application/x-amz-json-1.1; charset=utf-8").contentType,
                       "application/x-amz-json-1.1")
        XCTAssertEqual(WireProtocol(contentType: "application/x-amz-json-1.0").contentType, "application/x-amz-json-1.0")
        XCTAssertEqual(WireProtocol(contentType: nil).contentType, "application/x-amz-json-1.1")
    }

    func testErrorsRenderInTheRequestFormat() throws {
        let error = ServiceError(code: "ResourceNotFoundException", message: "gone")
        let expected: Document = .object(["__type": .string("ResourceNotFoundException"), "message": .string("gone")])
        XCTAssertEqual(try JSONDocumentDecoder.decode(WireProtocol(contentType: nil).errorBody(error)), expected)
        XCTAssertEqual(try CBORDocumentDecoder.decode(WireProtocol.cbor.errorBody(error)), expected)
    }

    func testMalformedBodiesAreSerializationExceptions() {
        for wire in [WireProtocol.json(contentType: "application/x-amz-json-1.1"), .cbor] {
            XCTAssertThrowsError(try [UInt8]([0xFF, 0x7B]).withUnsafeBytes { try wire.decode($0) }) { error in
                XCTAssertEqual((error as? ServiceError)?.code, "SerializationException")
            }
        }
    }
}
