import Foundation
import TributaryWire

/// The opaque NextToken of paginated list calls: which list, which stream it pages, where the page ended and when
/// the token was issued (AWS lets ListShards tokens live 300 seconds).
///
/// Encoded as base64 of `kind|issuedAtMs|scope|position`; the scope and position never contain `|` because stream
/// names and shard ids cannot.
struct PageToken: Equatable {
    enum Kind: String { case listStreams = "S", listShards = "H", listConsumers = "C" }

    var kind: Kind
    var scope: String
    var position: String
    var issuedAtMs: Int64

    func encoded() -> String {
        Base64.encode(Array("\(kind.rawValue)|\(issuedAtMs)|\(scope)|\(position)".utf8))
    }

    static func decode(_ text: String, kind: Kind, nowMs: Int64) throws -> PageToken {
        let invalid = StreamsError.invalidArgument("Invalid NextToken.")
        guard let bytes = Base64.decode(text) else { throw invalid }
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == kind.rawValue, let issued = Int64(parts[1]) else { throw invalid }
        if nowMs - issued > StreamsLimits.iteratorLifetimeMs {
            throw StreamsError.expiredNextToken("The timestamp of the NextToken is expired.")
        }
        return PageToken(kind: kind, scope: String(parts[2]), position: String(parts[3]), issuedAtMs: issued)
    }
}
