import Foundation

/// Everything persisted about one delivery stream: identity, lifecycle, source, destinations, tags, encryption.
///
/// Destination configurations are kept as the JSON text of the request's configuration (with updates merged in), so
/// DescribeDeliveryStream can answer every member the client set, and the delivery code parses the typed settings it
/// needs from the same text (`DestinationSettings`). `incarnation` tells apart a stream deleted and created again
/// under the same name: buffers and checkpoints are keyed by it.
struct DeliveryStreamDescriptor: Codable, Sendable, Equatable {
    enum Status: String, Codable, Sendable { case creating = "CREATING", active = "ACTIVE", deleting = "DELETING" }

    /// A data stream read as the source (KinesisStreamAsSource).
    struct KinesisSource: Codable, Sendable, Equatable {
        var streamARN: String
        var roleARN: String
        /// When reading started: the stream's LATEST position at creation, as AWS starts.
        var deliveryStartMs: Int64
    }

    struct Destination: Codable, Sendable, Equatable {
        /// `destinationId-000000000001`.
        var destinationId: String
        /// The request member the configuration came in: ExtendedS3DestinationConfiguration, S3DestinationConfiguration
        /// or HttpEndpointDestinationConfiguration.
        var kind: DestinationKind
        /// JSON text of the configuration document.
        var configurationJSON: String
    }

    struct Tag: Codable, Sendable, Equatable {
        var key: String
        var value: String?
    }

    struct Encryption: Codable, Sendable, Equatable {
        var status: String
        var keyType: String?
        var keyARN: String?
    }

    var name: String
    var incarnation: Int64
    var type: String
    var status: Status
    var versionId: Int
    var createdAtMs: Int64
    var lastUpdatedAtMs: Int64?
    var statusDeadlineMs: Int64?
    var kinesisSource: KinesisSource?
    var destinations: [Destination]
    var tags: [Tag]
    var encryption: Encryption

    /// Where the delivery stream's not-yet-delivered records wait, in the Firehose buffer store (`<data-dir>/firehose`).
    var bufferPath: [String] { ["\(name).\(incarnation)"] }
    /// Checkpoint key in the metadata store.
    var checkpointKey: String { "\(name).\(incarnation)" }
}
