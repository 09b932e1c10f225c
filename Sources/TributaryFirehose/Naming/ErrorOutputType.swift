/// The reason a batch was written to the error output, as `!{firehose:error-output-type}` spells it.
///
/// It exists so the delivery path names the folder of failed records exactly as AWS does (`processing-failed/…`),
/// which is what users' downstream jobs and bucket lifecycle rules match on.
public enum ErrorOutputType: String, Sendable, Equatable, CaseIterable {
    /// A transformation (Lambda or a built-in processor, including dynamic partitioning) failed for the record.
    case processingFailed = "processing-failed"
    /// Delivery to an HTTP endpoint failed for the whole retry duration.
    case httpEndpointFailed = "http-endpoint-failed"
    /// Record format conversion (Parquet/ORC) failed for the record.
    case formatConversionFailed = "format-conversion-failed"
    /// Delivery to Amazon OpenSearch Service failed.
    case openSearchServiceFailed = "AmazonOpenSearchService-failed"
    /// Delivery to the older Amazon Elasticsearch Service destination failed.
    case elasticsearchFailed = "elasticsearch-failed"
    /// Delivery to Splunk failed.
    case splunkFailed = "splunk-failed"
}
