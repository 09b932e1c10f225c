import Foundation
import TributaryFirehose
import TributaryWire

/// Reads S3 objects (`arn:aws:s3:::bucket` + key) from the object store Firehose delivers to: a local directory
/// (`<root>/<bucket>/<key>`) or an S3 endpoint through Firehose's `S3Client`.
///
/// It exists so reference data sources and DiscoverInputSchema read the very objects a delivery stream wrote, with
/// the same settings (`FirehoseConfiguration.objectStore`). Failures are `AnalyticsError.invalidArgument` naming
/// the object.
public struct ObjectReader: Sendable {
    public let settings: ObjectStoreSettings
    /// Objects larger than this are refused, to bound memory.
    public let objectBytesMax: Int
    /// The default bound: 64 MiB, far below AWS's 1 GB reference data limit and far above what a sample needs.
    public static let defaultObjectBytesMax = 64 << 20

    public init(settings: ObjectStoreSettings, objectBytesMax: Int = ObjectReader.defaultObjectBytesMax) {
        self.settings = settings
        self.objectBytesMax = objectBytesMax
    }

    /// The whole object.
    public func read(bucketARN: String, fileKey: String) async throws -> [UInt8] {
        guard let arn = ARN(parsing: bucketARN), arn.service == "s3", !arn.resource.isEmpty,
              !arn.resource.contains("/")
        else { throw AnalyticsError.invalidArgument("BucketARN \(bucketARN) is not a valid S3 bucket ARN.") }
        let bucket = arn.resource
        guard !fileKey.isEmpty else { throw AnalyticsError.invalidArgument("FileKey must not be empty.") }
        switch settings {
        case .localDirectory(let root):
            return try readLocal(root: root, bucket: bucket, key: fileKey)
        case .s3(let endpoint, let region, let accessKeyId, let secretAccessKey):
            let client = S3Client(
                endpoint: endpoint, region: region,
                credentials: S3Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey),
                transport: HTTPTransport(timeoutSeconds: 60, responseBodyBytesMax: objectBytesMax))
            do {
                return try await client.getObject(bucket: bucket, key: fileKey)
            } catch {
                throw AnalyticsError.invalidArgument(
                    "Unable to read object \(fileKey) from bucket \(bucket): \(error)")
            }
        }
    }

    /// `<root>/<bucket>/<key>`; keys that would leave the bucket's directory (`..`) name no object.
    private func readLocal(root: URL, bucket: String, key: String) throws -> [UInt8] {
        let components = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.contains(".."), !components.contains("."), !bucket.hasPrefix(".") else {
            throw AnalyticsError.invalidArgument("FileKey \(key) does not name an object.")
        }
        let url = root.appendingPathComponent(bucket, isDirectory: true).appendingPathComponent(key)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            throw AnalyticsError.invalidArgument("Object \(key) does not exist in bucket \(bucket).")
        }
        if let size = attributes[.size] as? Int, size > objectBytesMax {
            throw AnalyticsError.invalidArgument(
                "Object \(key) in bucket \(bucket) is larger than \(objectBytesMax) bytes.")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AnalyticsError.invalidArgument("Object \(key) in bucket \(bucket) could not be read.")
        }
        return Array(data)
    }
}
