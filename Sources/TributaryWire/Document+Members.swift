import Foundation

/// Typed reading of request members. Each accessor answers nil when the member is absent or null and throws
/// SerializationException when it holds the wrong kind of value, as AWS's deserializer does.
extension Document {
    public func string(_ key: String) throws -> String? {
        switch member(key) {
        case nil: return nil
        case .string(let value): return value
        case let other?: throw Self.typeMismatch(other, expected: "a String", key: key)
        }
    }

    /// Integers; integral doubles such as 2.0 are accepted, fractional ones refused.
    public func integer(_ key: String) throws -> Int64? {
        switch member(key) {
        case nil: return nil
        case .integer(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9.2e18: return Int64(value)
        case let other?: throw Self.typeMismatch(other, expected: "an Integer", key: key)
        }
    }

    public func double(_ key: String) throws -> Double? {
        switch member(key) {
        case nil: return nil
        case .integer(let value): return Double(value)
        case .double(let value): return value
        case let other?: throw Self.typeMismatch(other, expected: "a Double", key: key)
        }
    }

    public func bool(_ key: String) throws -> Bool? {
        switch member(key) {
        case nil: return nil
        case .bool(let value): return value
        case let other?: throw Self.typeMismatch(other, expected: "a Boolean", key: key)
        }
    }

    /// Binary members: base64 text in JSON, bytes in CBOR.
    public func blob(_ key: String) throws -> [UInt8]? {
        switch member(key) {
        case nil: return nil
        case .blob(let bytes): return bytes
        case .string(let text):
            guard let bytes = Base64.decode(text) else {
                throw ServiceError.serialization("Base64 encoded value of '\(key)' is not valid base64")
            }
            return bytes
        case let other?: throw Self.typeMismatch(other, expected: "a ByteBuffer", key: key)
        }
    }

    /// Timestamps: epoch seconds as a number, a CBOR timestamp, or ISO-8601 / numeric text.
    public func timestamp(_ key: String) throws -> Double? {
        switch member(key) {
        case nil: return nil
        case .timestamp(let seconds): return seconds
        case .integer(let value): return Double(value)
        case .double(let value): return value
        case .string(let text):
            if let seconds = Double(text) { return seconds }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
            formatter.formatOptions = [.withInternetDateTime]
            if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
            throw ServiceError.serialization("Unable to parse '\(key)' as a timestamp: \(text)")
        case let other?: throw Self.typeMismatch(other, expected: "a Date", key: key)
        }
    }

    public func array(_ key: String) throws -> [Document]? {
        switch member(key) {
        case nil: return nil
        case .array(let elements): return elements
        case let other?: throw Self.typeMismatch(other, expected: "a List", key: key)
        }
    }

    /// An object member, returned as the `.object` document itself.
    public func object(_ key: String) throws -> Document? {
        switch member(key) {
        case nil: return nil
        case .object(let members): return .object(members)
        case let other?: throw Self.typeMismatch(other, expected: "a Structure", key: key)
        }
    }

    public func stringMap(_ key: String) throws -> [String: String]? {
        guard let object = try object(key), case .object(let members) = object else { return nil }
        var map: [String: String] = [:]
        for (name, value) in members {
            guard case .string(let text) = value else { throw Self.typeMismatch(value, expected: "a String", key: name) }
            map[name] = text
        }
        return map
    }

    public func stringList(_ key: String) throws -> [String]? {
        guard let elements = try array(key) else { return nil }
        return try elements.map { element in
            guard case .string(let text) = element else { throw Self.typeMismatch(element, expected: "a String", key: key) }
            return text
        }
    }

    /// The member, treating JSON null as absent.
    private func member(_ key: String) -> Document? {
        guard let value = self[key], value != .null else { return nil }
        return value
    }

    /// The token name AWS's Jackson-based deserializer reports for a value.
    private static func tokenName(_ value: Document) -> String {
        switch value {
        case .null: "VALUE_NULL"
        case .bool(let flag): flag ? "VALUE_TRUE" : "VALUE_FALSE"
        case .integer: "VALUE_NUMBER_INT"
        case .double, .timestamp: "VALUE_NUMBER_FLOAT"
        case .string, .blob: "VALUE_STRING"
        case .array: "START_ARRAY"
        case .object: "START_OBJECT"
        }
    }

    private static func typeMismatch(_ value: Document, expected: String, key: String) -> ServiceError {
        .serialization("\(tokenName(value)) can not be converted to \(expected) (member '\(key)')")
    }
}
