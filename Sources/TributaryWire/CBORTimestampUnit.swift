/// What the number inside CBOR tag 1 counts: RFC 8949 says seconds, AWS's `application/x-amz-cbor-1.1` says
/// milliseconds.
///
/// The AWS SDK for Java (v1 `SdkCborGenerator`, v2 `SdkCborGenerator` with `AwsCborProtocolFactory`'s
/// `UNIX_TIMESTAMP_MILLIS` payload format), and so the KCL, writes every timestamp as tag 1 around an integer of epoch
/// *milliseconds* and reads tag 1 the same way; Kinesis itself answers that protocol with integer milliseconds.
/// Smithy RPC v2 CBOR (`application/cbor`, botocore's `smithy-rpc-v2-cbor`) follows the RFC and counts seconds.
/// A `Document` always holds seconds; this unit only says how they are scaled on the wire.
public enum CBORTimestampUnit: Sendable, Equatable {
    /// RFC 8949 §3.4.2 and Smithy RPC v2 CBOR: integer or float epoch seconds.
    case seconds
    /// AWS JSON-over-CBOR 1.1 (`application/x-amz-cbor-1.1`), the Java SDK's format: integer epoch milliseconds.
    case milliseconds

    /// How many wire units make one second.
    var unitsPerSecond: Double {
        switch self {
        case .seconds: 1
        case .milliseconds: 1000
        }
    }
}
