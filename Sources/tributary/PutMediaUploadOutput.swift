#if canImport(Glibc)
import Glibc
#endif

/// Writes acknowledgement lines to standard output the moment they are complete.
///
/// It exists because `print` buffers when standard output is a pipe (a test or a script reading the tool), which
/// would hold acknowledgements back until the upload ends; `write(2)` hands each line over at once. Like any Unix
/// filter, the tool ends with SIGPIPE when the reader of its output goes away.
enum PutMediaUploadOutput {
    /// Writes `line` and a line feed to standard output, retrying short and interrupted writes.
    static func writeLine(_ line: [UInt8]) {
        var bytes = line
        bytes.append(10)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
