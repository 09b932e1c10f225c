/// The `Authorization` header split as AWS splits it: the algorithm up to the first space, then `key=value` pairs
/// separated by commas and white space, each cut at its first `=`.
///
/// A piece without `=` is refused in AWS's words; that is how a `Bearer` token or a credential with a stray space
/// (`Credential= AKIA…`) is reported. A repeated key keeps its last value.
struct AuthorizationHeaderFields: Sendable {
    let algorithm: String
    private let valuesByKey: [String: String]

    init(_ header: String) throws(AuthenticationError) {
        let trimmed = header.drop { $0 == " " }
        let algorithmEnd = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
        var valuesByKey: [String: String] = [:]
        let pieces = trimmed[algorithmEnd...].split { $0 == "," || $0 == " " || $0 == "\t" }
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else {
                throw .malformedAuthorizationPair(pair: String(piece), header: header)
            }
            valuesByKey[String(piece[..<equals])] = String(piece[piece.index(after: equals)...])
        }
        self.algorithm = String(trimmed[..<algorithmEnd])
        self.valuesByKey = valuesByKey
    }

    func value(_ key: String) -> String? {
        valuesByKey[key]
    }
}
