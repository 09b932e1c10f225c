import TributaryWire

/// How an operation's resource is found in its request. Members that are absent, empty or not strings count as not
/// given (the service reports malformed members itself, after authorization); a request that names no resource
/// is matched as "some resource of that type" (`RequestedResource.anyARN`), which only a wildcard Allow covers.
enum ResourceRule: Sendable, Equatable {
    /// No resource-level permissions (list and account operations).
    case none
    /// A member holding a full ARN (`ResourceARN` of the tagging and resource-policy operations).
    case arnMember(String)
    /// A Kinesis stream: `StreamARN`, else `StreamName`, else the stream of a `ShardIterator` or `NextToken`.
    case kinesisStream
    /// A Kinesis consumer: `ConsumerARN`, else `StreamARN` + `ConsumerName` (the ARN's creation time unknown).
    case kinesisConsumer
    /// A Firehose delivery stream by `DeliveryStreamName`.
    case deliveryStream
    /// A Kinesis Analytics application by `ApplicationName`.
    case application
    /// A Kinesis Video stream: `StreamARN`, else `StreamName` (the ARN's creation time unknown).
    case videoStream
    /// A Kinesis Video signaling channel: `ChannelARN`, else `ChannelName` (likewise).
    case videoChannel

    func resource(of request: Document, service: AccessService, scope: ResourceScope) -> RequestedResource {
        let member = { (key: String) -> String? in
            guard let text = try? request.string(key), !text.isEmpty else { return nil }
            return text
        }
        let prefix = scope.arnPrefix(service)
        switch self {
        case .none:
            return .all
        case .arnMember(let key):
            return member(key).map(RequestedResource.arn)
                ?? .anyARN(withPrefix: prefix, completion: .anything, shownAs: prefix + "*")
        case .kinesisStream:
            if let arn = member("StreamARN") { return .arn(arn) }
            let token = member("ShardIterator") ?? member("NextToken")
            if let name = member("StreamName") ?? token.flatMap(scope.streamNameOfToken) {
                return .arn(prefix + "stream/" + name)
            }
            return .anyARN(withPrefix: prefix + "stream/", completion: .name, shownAs: prefix + "stream/*")
        case .kinesisConsumer:
            if let arn = member("ConsumerARN") { return .arn(arn) }
            guard let stream = member("StreamARN"), let name = member("ConsumerName") else {
                return .anyARN(withPrefix: prefix + "stream/", completion: .anything, shownAs: prefix + "stream/*")
            }
            return .anyARN(withPrefix: "\(stream)/consumer/\(name):", completion: .creationTime,
                           shownAs: "\(stream)/consumer/\(name)")
        case .deliveryStream:
            return named(member("DeliveryStreamName"), prefix: prefix + "deliverystream/")
        case .application:
            return named(member("ApplicationName"), prefix: prefix + "application/")
        case .videoStream:
            return timestamped(arn: member("StreamARN"), name: member("StreamName"), prefix: prefix + "stream/")
        case .videoChannel:
            return timestamped(arn: member("ChannelARN"), name: member("ChannelName"), prefix: prefix + "channel/")
        }
    }

    /// Resources whose ARN is `<prefix><name>`.
    private func named(_ name: String?, prefix: String) -> RequestedResource {
        name.map { .arn(prefix + $0) } ?? .anyARN(withPrefix: prefix, completion: .name, shownAs: prefix + "*")
    }

    /// Kinesis Video resources, whose ARN is `<prefix><name>/<creation time>`; by name, AWS shows the bare name.
    private func timestamped(arn: String?, name: String?, prefix: String) -> RequestedResource {
        if let arn { return .arn(arn) }
        if let name { return .anyARN(withPrefix: prefix + name + "/", completion: .creationTime, shownAs: name) }
        return .anyARN(withPrefix: prefix, completion: .nameAndCreationTime, shownAs: prefix + "*")
    }
}
