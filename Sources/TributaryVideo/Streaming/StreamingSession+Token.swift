import Foundation
import TributaryWire

/// The `SessionToken` of a streaming session URL: the session itself, so the server keeps no session state.
///
/// Layout before encoding (unpadded base64url, so the token only holds `[A-Za-z0-9_-]`, within AWS's SessionToken
/// pattern `[a-zA-Z0-9_.-]+`, and needs no escaping in a URL or an XML attribute):
///
/// | offset | size | field                                                   |
/// |--------|------|---------------------------------------------------------|
/// | 0      | 1    | format version, 1                                       |
/// | 1      | n    | the session as JSON (UTF-8, sorted keys)                |
/// | 1 + n  | 4    | CRC-32 of bytes 0 ..< 1 + n, big-endian                 |
///
/// The checksum refuses a token that was cut or edited in transit; the session's own `signature` field (see
/// `StreamingSession+Signature.swift`) is what makes a token impossible to forge. The decoded values are still
/// checked against their bounds.
extension StreamingSession {
    static let tokenVersion: UInt8 = 1

    /// The URL-safe token that `init(token:nowMs:)` reads back.
    public var token: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json: Data
        do {
            json = try encoder.encode(self)
        } catch {
            preconditionFailure("a session of strings, integers and enums always encodes: \(error)")
        }
        var bytes: [UInt8] = [Self.tokenVersion]
        bytes += json
        let checksum = CRC32.checksum(bytes)
        bytes += [UInt8(checksum >> 24), UInt8(checksum >> 16 & 0xFF), UInt8(checksum >> 8 & 0xFF),
                  UInt8(checksum & 0xFF)]
        return String(Base64.encode(bytes).compactMap { character -> Character? in
            switch character {
            case "+": "-"
            case "/": "_"
            case "=": nil
            default: character
            }
        })
    }

    /// The session `token` stands for. InvalidArgumentException (400) for a token this server did not make, and
    /// NotAuthorizedException (403, as AWS answers an expired session) once `nowMs` is past its expiry.
    public init(token: String, nowMs: Int64) throws {
        guard (StreamingLimits.sessionTokenLengthMin...StreamingLimits.sessionTokenLengthMax).contains(token.count),
              token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
              let bytes = Base64.decode(String(token.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })),
              bytes.count > 5, bytes[0] == Self.tokenVersion else { throw Self.invalidToken() }
        let body = Array(bytes[..<(bytes.count - 4)])
        let stored = bytes[(bytes.count - 4)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard CRC32.checksum(body) == stored,
              let session = try? JSONDecoder().decode(StreamingSession.self, from: Data(body.dropFirst())),
              session.hasValuesInBounds,
              // Only the spelling this server writes: no padding, no stray bits in the last character.
              session.token == token else { throw Self.invalidToken() }
        guard nowMs < session.expiresMs else {
            throw ServiceError(code: "NotAuthorizedException", message: "Streaming session token is expired",
                               status: 403)
        }
        self = session
    }

    /// Whether every field is one GetHLSStreamingSessionURL or GetDASHStreamingSessionURL could have produced.
    private var hasValuesInBounds: Bool {
        let expiresSeconds = (expiresMs - createdMs) / 1000
        let rangeIsValid = switch (startMs, endMs) {
        case (nil, nil): playbackMode == .live
        case (.some, nil): playbackMode == .liveReplay
        case (let start?, let end?): playbackMode != .live && start < end
            && end - start <= StreamingLimits.timestampRangeMaxMs
        case (nil, .some): false
        }
        return !streamName.isEmpty && !storageKey.isEmpty && rangeIsValid
            && (1...StreamingLimits.fragmentResultsMax).contains(maxFragmentResults)
            && (StreamingLimits.expiresSecondsMin...StreamingLimits.expiresSecondsMax).contains(expiresSeconds)
    }

    static func invalidToken() -> ServiceError {
        ServiceError(code: "InvalidArgumentException", message: "SessionToken is invalid", status: 400)
    }
}
