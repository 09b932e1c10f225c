/// Everything persisted about one video stream: identity, lifecycle, metadata, retention, tags and the image
/// generation and notification configurations.
///
/// It is the durable record the control plane keeps in its `MetadataCatalog`, and what the data plane (PutMedia,
/// GetMedia, ListFragments, archived media) is handed to find the stream's fragments. `creationMs` tells apart a
/// stream deleted and created again under the same name: it ends the ARN (as on AWS,
/// `arn:aws:kinesisvideo:<region>:<account>:stream/<name>/<creationMs>`) and the storage key, so a new stream never
/// sees the old one's fragments.
public struct VideoStreamDescriptor: Codable, Sendable, Equatable {
    public internal(set) var name: String
    public internal(set) var arn: String
    public internal(set) var lifecycle: VideoStreamStatus
    /// `Version`: random, changed by every UpdateStream and UpdateDataRetention.
    public internal(set) var version: String
    public internal(set) var dataRetentionInHours: Int
    /// Creation time in milliseconds since 1970, unique per name at any one time.
    public internal(set) var creationMs: Int64
    public internal(set) var mediaType: String?
    /// The KMS key given at creation, or the account's `alias/aws/kinesisvideo` ARN.
    public internal(set) var kmsKeyId: String
    public internal(set) var deviceName: String?
    public internal(set) var tags: [String: String]
    public internal(set) var imageGeneration: VideoImageGenerationConfiguration?
    public internal(set) var notification: VideoNotificationConfiguration?
    /// When `run()` finishes the current transient status (CREATING, UPDATING, DELETING); nil when ACTIVE.
    var statusDeadlineMs: Int64?

    /// `Status` as AWS writes it: CREATING, ACTIVE, UPDATING or DELETING.
    public var status: String { lifecycle.rawValue }

    /// `CreationTime` in seconds since 1970.
    public var creationTime: Double { Double(creationMs) / 1000 }

    /// Directory-safe key of the stream's fragment logs, unique per incarnation: `<name>.<creationMs>` (names are
    /// `[a-zA-Z0-9_.-]+`, so the key holds no path separator).
    public var storageKey: String { "\(name).\(creationMs)" }

    /// How long fragments are kept: the retention in hours, or AWS's 5-minute buffer when it is 0.
    public var retentionMs: Int64 {
        dataRetentionInHours == 0 ? VideoLimits.bufferRetentionMs : Int64(dataRetentionInHours) * 3_600_000
    }
}
