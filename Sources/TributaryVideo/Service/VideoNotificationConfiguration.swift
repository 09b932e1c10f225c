import TributaryWire

/// A stream's `NotificationConfiguration`: whether and where fragment notifications would be published. The control
/// plane keeps and describes it; nothing is published from here.
public struct VideoNotificationConfiguration: Codable, Sendable, Equatable {
    /// `ENABLED` or `DISABLED`.
    public var status: String
    /// `DestinationConfig.Uri`, an SNS topic ARN on AWS.
    public var destinationUri: String

    /// Reads a configuration the model has already validated (Status and DestinationConfig.Uri present).
    init(document: Document) throws {
        status = try document.string("Status") ?? ""
        destinationUri = try document.object("DestinationConfig")?.string("Uri") ?? ""
    }

    /// The configuration as DescribeNotificationConfiguration answers it.
    var document: Document {
        .object(["Status": .string(status), "DestinationConfig": .object(["Uri": .string(destinationUri)])])
    }
}
