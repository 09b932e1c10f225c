import TributaryWire
import XCTest

/// Runs a model's validation and answers what a client would see: nil when the request passes, else the AWS
/// error code and message.
func validationOutcome(_ model: ShapeModel, _ operation: String, _ request: Document) -> (code: String, message: String?)? {
    do {
        try model.validate(request, operation: operation)
        return nil
    } catch let error as ServiceError {
        return (error.code, error.message)
    } catch {
        return ("unexpected \(error)", nil)
    }
}

/// Asserts the request fails with exactly `message` as a ValidationException.
func assertValidationMessage(_ model: ShapeModel, _ operation: String, _ request: Document, _ message: String,
                             file: StaticString = #filePath, line: UInt = #line) {
    guard let outcome = validationOutcome(model, operation, request) else {
        return XCTFail("request passed validation", file: file, line: line)
    }
    XCTAssertEqual(outcome.code, "ValidationException", file: file, line: line)
    XCTAssertEqual(outcome.message, message, file: file, line: line)
}

/// A request body as the gateway decodes it from the wire.
func jsonRequest(_ text: String) throws -> Document {
    try JSONDocumentDecoder.decode(Array(text.utf8))
}
