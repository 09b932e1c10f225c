#if canImport(Glibc)
import Glibc
#endif

/// An open POSIX file descriptor, closed when the last reference goes away.
///
/// It exists so segment files can be read with positional `pread` from any thread while the log appends with
/// `pwrite` and the committer `fsync`s, without a shared file offset. Closing in `deinit` (not explicitly) means
/// a reader that took a reference keeps the file readable even when retention unlinks it meanwhile.
/// Sendable: it holds only immutable state, and positional reads, writes and fsync are thread-safe.
final class OpenFile: Sendable {
    let descriptor: Int32
    let path: String

    /// Opens `path` with the `open(2)` `flags` (close-on-exec is always added).
    init(path: String, flags: Int32, mode: mode_t = 0o644) throws {
        var descriptor: Int32
        repeat {
            descriptor = Glibc.open(path, flags | O_CLOEXEC, mode)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            throw LogError.fileSystem(operation: "open", path: path, errorNumber: errno)
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        _ = Glibc.close(descriptor)
    }

    /// Reads up to `count` bytes at `position`; fewer only when the file ends first.
    func read(count: Int, at position: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        try bytes.withUnsafeMutableBytes { raw in
            while done < count {
                let result = Glibc.pread(descriptor, raw.baseAddress! + done, count - done, off_t(position + done))
                if result < 0 {
                    if errno == EINTR { continue }
                    throw LogError.fileSystem(operation: "pread", path: path, errorNumber: errno)
                }
                if result == 0 { break }
                done += result
            }
        }
        if done < count {
            bytes.removeLast(count - done)
        }
        return bytes
    }

    /// Writes all of `bytes` at `position`.
    func write(_ bytes: [UInt8], at position: Int) throws {
        var done = 0
        try bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let result = Glibc.pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(position + done))
                if result < 0 {
                    if errno == EINTR { continue }
                    throw LogError.fileSystem(operation: "pwrite", path: path, errorNumber: errno)
                }
                done += result
            }
        }
    }

    /// Forces the file's data and size to stable storage (`fsync`).
    func synchronize() throws {
        var result: Int32
        repeat {
            result = Glibc.fsync(descriptor)
        } while result < 0 && errno == EINTR
        guard result == 0 else {
            throw LogError.fileSystem(operation: "fsync", path: path, errorNumber: errno)
        }
    }

    /// Cuts the file to `sizeBytes`.
    func truncate(to sizeBytes: Int) throws {
        var result: Int32
        repeat {
            result = Glibc.ftruncate(descriptor, off_t(sizeBytes))
        } while result < 0 && errno == EINTR
        guard result == 0 else {
            throw LogError.fileSystem(operation: "ftruncate", path: path, errorNumber: errno)
        }
    }

    /// The file's current size.
    func sizeBytes() throws -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw LogError.fileSystem(operation: "fstat", path: path, errorNumber: errno)
        }
        return Int(status.st_size)
    }
}
