/// The signed headers of a request in SigV4's canonical form: names in lower case and sorted, values trimmed with
/// inner runs of white space collapsed to one space, repeated headers joined with `,` in the order they came.
///
/// `text` is one `name:value\n` line per header; `signedHeaders` is the names joined with `;`, as the canonical
/// request and the `Authorization` header carry them.
public struct SigV4CanonicalHeaders: Sendable, Equatable {
    public let text: String
    public let signedHeaders: String
    /// The canonical names, sorted, without duplicates.
    public let names: [String]

    /// Canonicalizes `headers`; when `onlyNames` is given (a verifier passing the request's SignedHeaders), headers
    /// whose lower-case name is not in it are left out.
    public init(_ headers: [(name: String, value: String)], onlyNames: Set<String>? = nil) {
        var valuesByName: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            if let onlyNames, !onlyNames.contains(name) { continue }
            valuesByName[name, default: []].append(Self.trimmed(header.value))
        }
        let names = valuesByName.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.names = names
        self.text = names.map { "\($0):\(valuesByName[$0, default: []].joined(separator: ","))\n" }.joined()
        self.signedHeaders = names.joined(separator: ";")
    }

    /// Drops leading and trailing white space and turns every inner run of it into one space.
    static func trimmed(_ value: String) -> String {
        var output = String.UnicodeScalarView()
        var spacePending = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}":
                spacePending = !output.isEmpty
            default:
                if spacePending { output.append(" ") }
                spacePending = false
                output.append(scalar)
            }
        }
        return String(output)
    }
}
