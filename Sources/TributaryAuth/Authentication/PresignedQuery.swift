import TributaryWire

/// A query string read for SigV4 query authentication (a presigned URL): its parameters decoded, looked up by exact
/// name, and the query again without `X-Amz-Signature` (which the canonical request leaves out).
///
/// A piece whose escapes are malformed keeps its raw text, so it simply fails to match a name or a signature.
struct PresignedQuery: Sendable {
    private let pieces: [(name: String, value: String, raw: Substring)]

    init(_ query: String) {
        pieces = query.split(separator: "&").map { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            return (SigV4Encoding.percentDecode(name) ?? name, SigV4Encoding.percentDecode(value) ?? value, piece)
        }
    }

    /// AWS treats a request as presigned when it has an `X-Amz-Algorithm` parameter, whatever its value.
    var isPresigned: Bool {
        pieces.contains { $0.name == "X-Amz-Algorithm" }
    }

    /// The first value of parameter `name`, decoded.
    func value(_ name: String) -> String? {
        pieces.first { $0.name == name }?.value
    }

    var withoutSignature: String {
        pieces.filter { $0.name != "X-Amz-Signature" }.map { String($0.raw) }.joined(separator: "&")
    }
}
