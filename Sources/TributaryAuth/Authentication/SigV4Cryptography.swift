import Crypto
import TributaryWire

/// The hashing SigV4 needs, beside TributaryWire's canonical texts (that module has no cryptography): SHA-256 in
/// hex, the signing-key chain and the final HMAC, and a comparison whose time does not depend on where two
/// signatures first differ. The gateway verifies with it; Firehose's outbound signer signs with it.
public enum SigV4Cryptography {
    /// Lower-case hex SHA-256, the form of payload and canonical-request hashes.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// The key of one day, region and service: `AWS4`+secret → date → region → service → `aws4_request`, each step
    /// an HMAC-SHA256 keyed by the previous one. It signs the request and, for a chunk-signed body, every chunk.
    static func signingKey(secretAccessKey: String, authorization: SigV4Authorization) -> SymmetricKey {
        signingKey(secretAccessKey: secretAccessKey, dateStamp: authorization.dateStamp, region: authorization.region,
                   service: authorization.service)
    }

    /// The same key from its parts, for a request being signed.
    public static func signingKey(secretAccessKey: String, dateStamp: String, region: String,
                                  service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(secretAccessKey)".utf8))
        for element in [dateStamp, region, service, SigV4.scopeTerminator] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(element.utf8), using: key)))
        }
        return key
    }

    /// Lower-case hex HMAC-SHA256 of `stringToSign` under `signingKey`.
    public static func signature(signingKey: SymmetricKey, stringToSign: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
    }

    /// True when both texts have the same bytes; every byte is compared whatever the first difference, so the
    /// answer's timing does not tell a forger how much of a guessed signature was right.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let leftBytes = Array(left.utf8)
        let rightBytes = Array(right.utf8)
        guard leftBytes.count == rightBytes.count else { return false }
        var difference: UInt8 = 0
        for index in leftBytes.indices {
            difference |= leftBytes[index] ^ rightBytes[index]
        }
        return difference == 0
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
