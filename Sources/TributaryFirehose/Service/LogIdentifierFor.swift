import TributaryLog

/// Names of the logs Firehose keeps in its buffer store.
enum LogIdentifierFor {
    static func buffer(of stream: DeliveryStreamDescriptor) -> LogIdentifier {
        LogIdentifier(stream.bufferPath)
    }
}
