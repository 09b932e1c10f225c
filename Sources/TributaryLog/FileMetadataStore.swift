import Foundation

/// The embedded default `MetadataStore`: one file per document at `<directory>/<namespace>/<key>`, names escaped
/// by `MetadataFileName`.
///
/// It exists so metadata (streams, shards, tags...) survives crashes without a database: every `put` is an atomic
/// replace (temp file + fsync + rename + directory fsync), so after a crash each document is entirely old or
/// entirely new. Temporary files a crash leaves behind start with `.` and are ignored by `load`.
/// Thread-safe: it keeps no state besides the directory; concurrent writers of one key end with one of the values.
public final class FileMetadataStore: MetadataStore {
    public let directory: URL

    public init(directory: URL) throws {
        self.directory = directory
        try FileSystem.createDirectories(directory.path)
    }

    public func load(namespace: String) throws -> [String: [UInt8]] {
        let namespaceDirectory = try path(of: namespace)
        var documents: [String: [UInt8]] = [:]
        for name in try FileSystem.contentsOfDirectory(namespaceDirectory) where !name.hasPrefix(".") {
            guard let key = MetadataFileName.unescape(name),
                  let value = try FileSystem.readFile(namespaceDirectory + "/" + name,
                                                      bytesMax: Limits.metadataValueBytesMax)
            else { continue }
            documents[key] = value
        }
        return documents
    }

    public func put(namespace: String, key: String, value: [UInt8]) throws {
        guard value.count <= Limits.metadataValueBytesMax else {
            throw LogError.documentTooLarge(path: "\(namespace)/\(key)", bytes: value.count,
                                            bytesMax: Limits.metadataValueBytesMax)
        }
        let namespaceDirectory = try path(of: namespace)
        try FileSystem.createDirectories(namespaceDirectory)
        try FileSystem.writeAtomically(value, directory: namespaceDirectory, name: try fileName(of: key))
    }

    public func delete(namespace: String, key: String) throws {
        let namespaceDirectory = try path(of: namespace)
        let documentPath = namespaceDirectory + "/" + (try fileName(of: key))
        guard (try FileSystem.readFile(documentPath, bytesMax: Int.max)) != nil else { return }
        try FileSystem.removeFile(documentPath)
        try FileSystem.synchronizeDirectory(namespaceDirectory)
    }

    private func path(of namespace: String) throws -> String {
        directory.path + "/" + (try fileName(of: namespace))
    }

    /// The escaped file name; throws when empty or too long for the file system. A temporary file adds a prefix
    /// and a suffix, so escaped names leave room for them.
    private func fileName(of name: String) throws -> String {
        let escaped = MetadataFileName.escape(name)
        let temporaryOverheadBytes = 1 + 1 + 36 + FileSystem.temporarySuffix.utf8.count
        guard !escaped.isEmpty, escaped.utf8.count + temporaryOverheadBytes <= Limits.fileNameBytesMax else {
            throw LogError.invalidMetadataKey("\"\(name)\" is empty or too long once escaped")
        }
        return escaped
    }
}
