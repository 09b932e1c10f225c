import Foundation

/// The embedded default: bucket `b` is the directory `<root>/b/`, an object key is a path below it.
///
/// Each object is written to a hidden temporary file in its final directory, fsynced, renamed into place and the
/// directory fsynced, so a reader (or a crash) sees either no object or the whole of it. Keys whose segments would
/// leave the bucket directory (`..`, `.`, empty) are refused, since S3 keys are names, not paths.
struct LocalObjectSink: ObjectSink {
    let root: URL

    init(root: URL) throws {
        self.root = root.standardizedFileURL
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
    }

    func put(bucket: String, key: String, body: [UInt8]) async throws {
        let segments = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !bucket.isEmpty, !bucket.contains("/"), bucket != ".", bucket != "..",
              !segments.isEmpty, !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        else {
            throw FirehoseError.invalidArgument("Object key \(key) cannot be stored in a local directory.")
        }
        var directory = root.appendingPathComponent(bucket, isDirectory: true)
        for segment in segments.dropLast() { directory.appendPathComponent(segment, isDirectory: true) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let final = directory.appendingPathComponent(segments[segments.count - 1])
        let temporary = directory.appendingPathComponent(".\(segments[segments.count - 1]).\(UUID().uuidString).tmp")
        try Self.writeDurably(body, to: temporary.path)
        guard rename(temporary.path, final.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw FirehoseError.internalFailure("rename to \(final.path) failed: errno \(code)")
        }
        try Self.synchronizeDirectory(directory.path)
    }

    private static func writeDurably(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FirehoseError.internalFailure("open \(path) failed: errno \(errno)") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FirehoseError.internalFailure("write \(path) failed: errno \(errno)")
            }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw FirehoseError.internalFailure("fsync \(path) failed: errno \(errno)") }
    }

    private static func synchronizeDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FirehoseError.internalFailure("open \(path) failed: errno \(errno)") }
        defer { close(descriptor) }
        _ = fsync(descriptor)
    }
}
