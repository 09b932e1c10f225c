/// The destinations this server delivers to, named by the request member that configures each.
enum DestinationKind: String, Codable, Sendable, CaseIterable {
    case extendedS3 = "ExtendedS3DestinationConfiguration"
    case s3 = "S3DestinationConfiguration"
    case httpEndpoint = "HttpEndpointDestinationConfiguration"

    /// The DestinationDescription member DescribeDeliveryStream answers it under.
    var descriptionMember: String {
        switch self {
        case .extendedS3: "ExtendedS3DestinationDescription"
        case .s3: "S3DestinationDescription"
        case .httpEndpoint: "HttpEndpointDestinationDescription"
        }
    }

    /// The UpdateDestination member that changes it.
    var updateMember: String {
        switch self {
        case .extendedS3: "ExtendedS3DestinationUpdate"
        case .s3: "S3DestinationUpdate"
        case .httpEndpoint: "HttpEndpointDestinationUpdate"
        }
    }

    /// Destination members of the API that this server cannot deliver to (no such system runs here).
    static let unsupportedMembers = [
        "RedshiftDestinationConfiguration", "ElasticsearchDestinationConfiguration",
        "AmazonopensearchserviceDestinationConfiguration", "SplunkDestinationConfiguration",
        "SnowflakeDestinationConfiguration", "AmazonOpenSearchServerlessDestinationConfiguration",
        "IcebergDestinationConfiguration",
    ]
}
