import TributaryWire
import XCTest

final class ServiceErrorTests: XCTestCase {
    func testFactoriesCarryAWSCodesAndStatuses() {
        XCTAssertEqual(ServiceError.serialization("bad"), ServiceError(code: "SerializationException", message: "bad", status: 400))
        XCTAssertEqual(ServiceError.unknownOperation(), ServiceError(code: "UnknownOperationException", message: nil, status: 400))
        XCTAssertEqual(ServiceError.internalFailure(), ServiceError(code: "InternalFailure", message: nil, status: 500))
    }

    func testJSONBodyCarriesTypeAndMessage() throws {
        let error = ServiceError(code: "LimitExceededException", message: "Rate \"exceeded\"\n")
        XCTAssertEqual(try JSONDocumentDecoder.decode(error.jsonBody()),
                       .object(["__type": .string("LimitExceededException"), "message": .string("Rate \"exceeded\"\n")]))
    }

    func testJSONBodyOmitsAMissingMessage() {
        XCTAssertEqual(String(decoding: ServiceError.internalFailure().jsonBody(), as: UTF8.self), #"{"__type":"InternalFailure"}"#)
    }

    func testModuleErrorsConvertThroughTheProtocol() {
        struct MissingStream: ServiceErrorConvertible {
            var serviceError: ServiceError { ServiceError(code: "ResourceNotFoundException", message: "gone") }
        }
        let error: any Error = MissingStream()
        XCTAssertEqual((error as? any ServiceErrorConvertible)?.serviceError.code, "ResourceNotFoundException")
    }

    func testRequestIdentifiersAreLowercaseVersion4UUIDs() {
        let identifiers = (0 ..< 100).map { _ in RequestIdentifier.make() }
        XCTAssertEqual(Set(identifiers).count, 100)
        for identifier in identifiers {
            XCTAssertEqual(identifier.count, 36)
            XCTAssertEqual(identifier, identifier.lowercased())
            XCTAssertEqual(Array(identifier)[14], "4")
            XCTAssertEqual(identifier.split(separator: "-").map(\.count), [8, 4, 4, 4, 12])
        }
    }
}
