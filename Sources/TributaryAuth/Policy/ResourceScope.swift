/// What building resource ARNs needs beyond the request: the server's partition, region and account, and a way to
/// read the stream out of the opaque tokens some Kinesis requests carry instead of a stream name.
public struct ResourceScope: Sendable {
    public var partition: String
    public var region: String
    public var accountId: String
    /// The stream a GetRecords `ShardIterator` or a ListShards `NextToken` belongs to; nil when the token is not
    /// one this server issued (the request is then matched as "some stream", see `RequestedResource.anyARN`).
    public var streamNameOfToken: @Sendable (String) -> String?

    public init(partition: String = "aws", region: String, accountId: String,
                streamNameOfToken: @escaping @Sendable (String) -> String?) {
        self.partition = partition
        self.region = region
        self.accountId = accountId
        self.streamNameOfToken = streamNameOfToken
    }

    /// `arn:<partition>:<service>:<region>:<account>:` — what every ARN of this server starts with.
    func arnPrefix(_ service: AccessService) -> String {
        "arn:\(partition):\(service.rawValue):\(region):\(accountId):"
    }
}
