/// A reference data source (`ReferenceDataSource`): an S3 object loaded as the in-application table `tableName`.
public struct ReferenceDataSource: Codable, Sendable, Equatable {
    /// `ReferenceId` (`"1.1"`).
    public var id: String
    /// `TableName`: the in-application table.
    public var tableName: String
    /// `S3ReferenceDataSource.BucketARN`, `arn:aws:s3:::bucket`.
    public var bucketARN: String
    /// `S3ReferenceDataSource.FileKey`.
    public var fileKey: String
    /// `S3ReferenceDataSource.ReferenceRoleARN`.
    public var roleARN: String
    /// `ReferenceSchema`.
    public var schema: InputSchema

    public init(id: String, tableName: String, bucketARN: String, fileKey: String, roleARN: String,
                schema: InputSchema) {
        self.id = id
        self.tableName = tableName
        self.bucketARN = bucketARN
        self.fileKey = fileKey
        self.roleARN = roleARN
        self.schema = schema
    }
}
