import Foundation

/// The compression Firehose applies to each S3 object it delivers (`CompressionFormat` in the S3 and extended S3
/// destination configurations), and the file extension that goes with it.
///
/// It exists so delivery code turns a buffered batch into object bytes with one call and names the object as AWS
/// does. Every format's output is readable by the standard tool for it: `gunzip`, `unzip`, `python-snappy`'s
/// `stream_decompress` (Snappy framing format) and Hadoop's `SnappyCodec` / `python-snappy`'s
/// `hadoop_stream_decompress` (Hadoop block format). Stateless, so it is safe from any thread.
public enum CompressionFormat: String, CaseIterable, Sendable {
    case uncompressed = "UNCOMPRESSED"
    case gzip = "GZIP"
    case zip = "ZIP"
    case snappy = "Snappy"
    case hadoopSnappy = "HADOOP_SNAPPY"

    /// The extension Firehose appends to the object name by default (AWS's "Configure Amazon S3 object name
    /// format" table): `.gz`, `.zip`, `.snappy`, `.hsnappy`, and nothing when uncompressed.
    public var objectNameSuffix: String {
        switch self {
        case .uncompressed: ""
        case .gzip: ".gz"
        case .zip: ".zip"
        case .snappy: ".snappy"
        case .hadoopSnappy: ".hsnappy"
        }
    }

    /// `bytes` as one whole object in this format. `entryName` names the file inside a ZIP archive (the object's
    /// name without `.zip`, as AWS does) and is ignored otherwise; `modified` stamps the ZIP entry (UTC).
    ///
    /// Throws `CompressionError.zlibFailure` if zlib fails, and `inputTooLarge` for a ZIP of 4 GiB or more.
    public func compress(_ bytes: [UInt8], entryName: String, modified: Date = Date()) throws -> [UInt8] {
        switch self {
        case .uncompressed: bytes
        case .gzip: try GzipCodec.compress(bytes)
        case .zip: try ZipArchive.singleEntry(named: entryName, contents: bytes, modified: DOSTimestamp(modified))
        case .snappy: SnappyFrameFormat.encode(bytes)
        case .hadoopSnappy: HadoopSnappyFormat.encode(bytes)
        }
    }

    /// The data of an object written in this format, at most `maxBytes` of it (for a ZIP, its single entry's
    /// contents).
    ///
    /// Throws `CompressionError.corruptInput` for input that breaks the format and `outputTooLarge` rather than
    /// produce more than `maxBytes`.
    public func decompress(_ bytes: [UInt8], maxBytes: Int) throws -> [UInt8] {
        switch self {
        case .uncompressed:
            guard bytes.count <= maxBytes else { throw CompressionError.outputTooLarge(limitBytes: maxBytes) }
            return bytes
        case .gzip: return try GzipCodec.decompress(bytes, maxBytes: maxBytes)
        case .zip: return try ZipArchive.readSingleEntry(bytes, maxBytes: maxBytes).contents
        case .snappy: return try SnappyFrameFormat.decode(bytes, maxBytes: maxBytes)
        case .hadoopSnappy: return try HadoopSnappyFormat.decode(bytes, maxBytes: maxBytes)
        }
    }
}
