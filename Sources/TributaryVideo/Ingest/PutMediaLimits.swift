/// The bounds one PutMedia session enforces, each reported with AWS's ErrorId.
///
/// It exists so that every limit of the ingest path sits in one place with its reason: the fragment quotas AWS
/// documents, and memory (metadata kept between clusters is bounded by the metadata limits).
public struct PutMediaLimits: Sendable, Equatable {
    /// Longest fragment accepted (4002). AWS's PutMedia documentation gives 10 seconds.
    public var maximumFragmentDurationMs: Int64
    /// Most SimpleTags (nested ones included) the producer may attach to one fragment (4009); AWS's producer SDK
    /// allows 10 fragment metadata items.
    public var maximumFragmentMetadataTags: Int
    /// Longest SimpleTag name in UTF-8 bytes (4009); the producer SDK's limit is 128.
    public var maximumFragmentMetadataNameBytes: Int
    /// Longest SimpleTag value (string or binary) in bytes (4009); the producer SDK's limit is 256.
    public var maximumFragmentMetadataValueBytes: Int
    /// The reader's bounds: fragment size (4001, AWS: 50 MB), tracks (4012, AWS: 3), metadata element size.
    public var matroska: MatroskaLimits

    public init(maximumFragmentDurationMs: Int64 = 10_000, maximumFragmentMetadataTags: Int = 10,
                maximumFragmentMetadataNameBytes: Int = 128, maximumFragmentMetadataValueBytes: Int = 256,
                matroska: MatroskaLimits = MatroskaLimits()) {
        self.maximumFragmentDurationMs = maximumFragmentDurationMs
        self.maximumFragmentMetadataTags = maximumFragmentMetadataTags
        self.maximumFragmentMetadataNameBytes = maximumFragmentMetadataNameBytes
        self.maximumFragmentMetadataValueBytes = maximumFragmentMetadataValueBytes
        self.matroska = matroska
    }
}
