/// The protocol-neutral value tree of AWS requests and answers.
///
/// Gateways decode AWS JSON 1.1 (and later CBOR 1.1) bodies into a `Document` and encode a service's answer from one,
/// so a service never sees the wire format. Blobs and timestamps are their own cases because JSON and CBOR write them
/// differently (base64 string vs byte string, number vs tag 1).
public enum Document: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    /// Binary data: base64 in JSON, a byte string in CBOR.
    case blob([UInt8])
    /// Seconds since the epoch: a number in JSON, tag 1 in CBOR.
    case timestamp(Double)
    case array([Document])
    case object([String: Document])

    /// The member `key` of an object; nil for other values or a missing member.
    public subscript(key: String) -> Document? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }
}
