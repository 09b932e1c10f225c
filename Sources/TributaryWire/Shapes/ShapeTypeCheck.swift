import Foundation

/// The first pass of validation: every present member must hold the JSON type its shape asks for, or the request
/// fails with AWS's SerializationException (the messages of `MemberType`, which are what AWS's deserializer says).
///
/// AWS deserializes a request before validating it, so a type error wins over any constraint failure. This pass
/// also proves what the second pass relies on: blobs in JSON are padded base64, timestamps parse, integers are
/// integral. Absent members and JSON nulls are skipped (required members are the second pass's concern).
struct ShapeTypeCheck {
    let model: ShapeModel

    /// Checks `value`, found in the member called `memberName` (used by the timestamp message), against a shape.
    func check(_ value: Document, shapeIndex: Int, memberName: String) throws {
        if value == .null { return }
        switch model.shapes[shapeIndex].kind {
        case .structure(let members):
            guard case .object(let fields) = value else { throw MemberType.structure.mismatch(value) }
            for member in members {
                guard let field = fields[member.name] else { continue }
                try check(field, shapeIndex: member.shapeIndex, memberName: member.name)
            }
        case .list(let elementIndex, _):
            guard case .array(let elements) = value else { throw MemberType.list.mismatch(value) }
            for element in elements {
                try check(element, shapeIndex: elementIndex, memberName: memberName)
            }
        case .map(_, let valueIndex, _):
            guard case .object(let entries) = value else { throw MemberType.map.mismatch(value) }
            for (_, entry) in entries {
                try check(entry, shapeIndex: valueIndex, memberName: memberName)
            }
        default:
            try checkScalar(value, kind: model.shapes[shapeIndex].kind, memberName: memberName)
        }
    }

    private func checkScalar(_ value: Document, kind: ShapeKind, memberName: String) throws {
        switch (kind, value) {
        case (.string, .string), (.boolean, .bool), (.blob, .blob), (.timestamp, .timestamp),
             (.double, .integer), (.double, .double), (.integer, .integer), (.long, .integer),
             (.timestamp, .integer), (.timestamp, .double):
            return
        case (.integer, .double(let number)), (.long, .double(let number)):
            if number.rounded() == number && number.magnitude < 9.2e18 { return }
            throw Self.integerMismatch(value, isLong: kind.isLong)
        case (.integer, _), (.long, _):
            throw Self.integerMismatch(value, isLong: kind.isLong)
        case (.blob, .string(let text)):
            guard PaddedBase64.isValid(text) else {
                throw ServiceError.serialization(Document.invalidBase64Message(text))
            }
        case (.timestamp, .string(let text)):
            if let seconds = Double(text), seconds.isFinite { return }
            if Document.parseISO8601(text) != nil { return }
            throw ServiceError.serialization("Unable to parse date string '\(text)' for member '\(memberName)'")
        case (.string, _): throw MemberType.string.mismatch(value)
        case (.boolean, _): throw MemberType.boolean.mismatch(value)
        case (.blob, _): throw MemberType.blob.mismatch(value)
        case (.timestamp, _): throw MemberType.timestamp.mismatch(value)
        case (.double, _): throw MemberType.double.mismatch(value)
        case (.structure, _), (.list, _), (.map, _): return
        }
    }

    /// `MemberType` knows Integer; a long member gets the same words with Java's class name `Long`.
    private static func integerMismatch(_ value: Document, isLong: Bool) -> ServiceError {
        let message = MemberType.integer.mismatchMessage(value)
        guard isLong, message.hasSuffix("an Integer") else { return .serialization(message) }
        return .serialization(message.dropLast("Integer".count) + "Long")
    }
}
