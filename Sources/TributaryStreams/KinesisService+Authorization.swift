import Foundation
import TributaryWire

/// What authorization at the gateway needs from Streams: the stored resource policies, and the stream a request
/// names only through a token it got earlier (a GetRecords shard iterator, a ListShards NextToken).
extension KinesisService {
    /// The resource policy stored for a stream or consumer ARN, as its JSON text; nil when it has none.
    public func resourcePolicy(arn: String) throws -> String? {
        try metadata.load(namespace: Self.policyNamespace)[arn].map { String(decoding: $0, as: UTF8.self) }
    }

    /// The stream a shard iterator or a ListShards NextToken pages, when the token is one this server issued.
    public func streamName(ofToken token: String) -> String? {
        if let iterator = ShardIteratorToken(decoding: token, key: iteratorKey) {
            return iterator.streamName
        }
        let nowMs = Int64(Date().timeIntervalSince1970 * 1000)
        return (try? PageToken.decode(token, kind: .listShards, nowMs: nowMs))?.scope
    }
}
