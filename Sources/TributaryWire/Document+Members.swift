import Foundation

/// Typed reading of request members, with AWS's type errors.
///
/// Each accessor answers nil when the member is absent or JSON null (AWS treats both as "not set"), the value
/// when it has the modelled type, and throws `ServiceError.serialization` in AWS's words (see `MemberType`) when
/// it holds another kind of value. Accessors on a document that is not an object answer nil.
extension Document {
    public func string(_ key: String) throws -> String? {
        guard let value = member(key) else { return nil }
        guard case .string(let text) = value else { throw MemberType.string.mismatch(value) }
        return text
    }

    /// Integers; integral doubles such as 2.0 are accepted, fractional or out-of-range ones refused.
    public func integer(_ key: String) throws -> Int64? {
        guard let value = member(key) else { return nil }
        switch value {
        case .integer(let number): return number
        case .double(let number) where number.rounded() == number && number.magnitude < 9.2e18: return Int64(number)
        default: throw MemberType.integer.mismatch(value)
        }
    }

    public func double(_ key: String) throws -> Double? {
        guard let value = member(key) else { return nil }
        switch value {
        case .integer(let number): return Double(number)
        case .double(let number): return number
        default: throw MemberType.double.mismatch(value)
        }
    }

    public func bool(_ key: String) throws -> Bool? {
        guard let value = member(key) else { return nil }
        guard case .bool(let flag) = value else { throw MemberType.boolean.mismatch(value) }
        return flag
    }

    /// Binary members: base64 text in JSON (padded, as AWS requires), bytes in CBOR.
    public func blob(_ key: String) throws -> [UInt8]? {
        guard let value = member(key) else { return nil }
        switch value {
        case .blob(let bytes): return bytes
        case .string(let text):
            if let bytes = Base64.decode(text), text.utf8.count % 4 == 0 { return bytes }
            throw ServiceError.serialization(Self.invalidBase64Message(text))
        default: throw MemberType.blob.mismatch(value)
        }
    }

    /// Timestamps: epoch seconds as a number, a CBOR timestamp, or text holding either epoch seconds or an
    /// ISO-8601 date-time (`2023-11-14T22:13:20Z`, fractional seconds allowed).
    public func timestamp(_ key: String) throws -> Double? {
        guard let value = member(key) else { return nil }
        switch value {
        case .timestamp(let seconds): return seconds
        case .integer(let number): return Double(number)
        case .double(let number): return number
        case .string(let text):
            if let seconds = Double(text), seconds.isFinite { return seconds }
            if let seconds = Self.parseISO8601(text) { return seconds }
            throw ServiceError.serialization("Unable to parse date string '\(text)' for member '\(key)'")
        default: throw MemberType.timestamp.mismatch(value)
        }
    }

    public func array(_ key: String) throws -> [Document]? {
        guard let value = member(key) else { return nil }
        guard case .array(let elements) = value else { throw MemberType.list.mismatch(value) }
        return elements
    }

    /// A structure member, returned as the `.object` document itself so its own members can be read the same way.
    public func object(_ key: String) throws -> Document? {
        guard let value = member(key) else { return nil }
        guard case .object = value else { throw MemberType.structure.mismatch(value) }
        return value
    }

    /// A map of strings (tags, for example). Null values are dropped, as AWS does.
    public func stringMap(_ key: String) throws -> [String: String]? {
        guard let value = member(key) else { return nil }
        guard case .object(let members) = value else { throw MemberType.map.mismatch(value) }
        var map: [String: String] = [:]
        map.reserveCapacity(members.count)
        for (name, element) in members {
            switch element {
            case .null: continue
            case .string(let text): map[name] = text
            default: throw MemberType.string.mismatch(element)
            }
        }
        return map
    }

    /// A list of strings. A null element is refused: no AWS list of strings may hold one.
    public func stringList(_ key: String) throws -> [String]? {
        guard let elements = try array(key) else { return nil }
        return try elements.map { element in
            guard case .string(let text) = element else { throw MemberType.string.mismatch(element) }
            return text
        }
    }

    /// The member `key`, with JSON null treated as absent.
    public func member(_ key: String) -> Document? {
        guard case .object(let members) = self, let value = members[key] else { return nil }
        if case .null = value { return nil }
        return value
    }
}
