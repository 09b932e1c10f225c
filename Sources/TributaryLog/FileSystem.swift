import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Directory and whole-file operations with the durability steps a crash-safe store needs.
///
/// It exists because Foundation's file APIs never `fsync`: creating, renaming or removing a file is durable
/// only once its directory is `fsync`ed, and an atomic replace needs temp file + `fsync` + `rename`.
enum FileSystem {
    /// Suffix of temporary files written by `writeAtomically`; such leftovers of a crash are ignored or removed.
    static let temporarySuffix = ".tmp"

    /// Creates `path` and any missing parents, `fsync`ing each parent that gained an entry.
    static func createDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            let parent = current.isEmpty ? "/" : current
            current += "/" + component
            if mkdir(current, 0o755) == 0 {
                try synchronizeDirectory(parent)
            } else if errno != EEXIST {
                throw LogError.fileSystem(operation: "mkdir", path: current, errorNumber: errno)
            }
        }
    }

    /// `fsync`s a directory so the creation, rename or removal of its entries survives a crash.
    static func synchronizeDirectory(_ path: String) throws {
        let directory = try OpenFile(path: path, flags: O_RDONLY | O_DIRECTORY)
        try directory.synchronize()
    }

    /// Names in a directory (empty when it does not exist).
    static func contentsOfDirectory(_ path: String) throws -> [String] {
        guard let stream = opendir(path) else {
            if errno == ENOENT { return [] }
            throw LogError.fileSystem(operation: "opendir", path: path, errorNumber: errno)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." {
                names.append(name)
            }
        }
        return names
    }

    /// Removes a file; no error when it is absent.
    static func removeFile(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            throw LogError.fileSystem(operation: "unlink", path: path, errorNumber: errno)
        }
    }

    /// Removes a directory and everything below it; no error when it is absent.
    static func removeTree(_ path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw LogError.fileSystem(operation: "lstat", path: path, errorNumber: errno)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            for name in try contentsOfDirectory(path) {
                try removeTree(path + "/" + name)
            }
            if rmdir(path) != 0 && errno != ENOENT {
                throw LogError.fileSystem(operation: "rmdir", path: path, errorNumber: errno)
            }
        } else {
            try removeFile(path)
        }
    }

    /// The whole content of a file, or nil when it does not exist.
    static func readFile(_ path: String, bytesMax: Int) throws -> [UInt8]? {
        let file: OpenFile
        do {
            file = try OpenFile(path: path, flags: O_RDONLY)
        } catch LogError.fileSystem(_, _, let errorNumber) where errorNumber == ENOENT {
            return nil
        }
        let sizeBytes = try file.sizeBytes()
        guard sizeBytes <= bytesMax else {
            throw LogError.documentTooLarge(path: path, bytes: sizeBytes, bytesMax: bytesMax)
        }
        return try file.read(count: sizeBytes, at: 0)
    }

    /// Replaces `name` in `directory` atomically and durably: a reader (or a restart after a crash) sees the old
    /// content or the new one, never a mix. Temp file + `fsync` + `rename` + directory `fsync`.
    static func writeAtomically(_ bytes: [UInt8], directory: String, name: String) throws {
        let temporaryPath = directory + "/." + name + "." + UUID().uuidString + temporarySuffix
        do {
            let file = try OpenFile(path: temporaryPath, flags: O_WRONLY | O_CREAT | O_EXCL)
            try file.write(bytes, at: 0)
            try file.synchronize()
        } catch {
            try? removeFile(temporaryPath)
            throw error
        }
        let finalPath = directory + "/" + name
        guard rename(temporaryPath, finalPath) == 0 else {
            let errorNumber = errno
            try? removeFile(temporaryPath)
            throw LogError.fileSystem(operation: "rename", path: finalPath, errorNumber: errorNumber)
        }
        try synchronizeDirectory(directory)
    }

    /// Whether `name` is a temporary file left by `writeAtomically`.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(temporarySuffix)
    }
}
