#if canImport(Glibc)
import Glibc
#endif

/// The Matroska bytes to upload: a file, or standard input (ffmpeg's `-f matroska -` piped in).
///
/// It exists so the body writer reads both the same way, with `read(2)` of whatever is available, never the whole
/// input at once. Sendable: the descriptor is only read by the body writer thread.
struct PutMediaUploadInput: Sendable {
    let descriptor: Int32
    /// The path for messages; `-` for standard input.
    let path: String

    /// Opens `path`, or takes standard input for nil or `-`.
    static func open(path: String?) throws(PutMediaUploadError) -> PutMediaUploadInput {
        guard let path, path != "-" else { return PutMediaUploadInput(descriptor: STDIN_FILENO, path: "-") }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PutMediaUploadError.unreadableInput(path: path, errorNumber: errno) }
        return PutMediaUploadInput(descriptor: descriptor, path: path)
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the input.
    func read(into buffer: inout [UInt8]) throws(PutMediaUploadError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw PutMediaUploadError.unreadableInput(path: path, errorNumber: errno)
        }
    }

    func close() {
        if descriptor != STDIN_FILENO { Glibc.close(descriptor) }
    }
}
