/// Why compressing or decompressing an S3 object failed.
///
/// It exists so the delivery path can tell a bad input (corrupt or oversized data, which retrying cannot fix) from a
/// zlib failure (out of memory, which a retry may survive). The delivery layer maps it to `FirehoseError`.
public enum CompressionError: Error, Sendable, Equatable {
    /// zlib returned `code` from `operation` (for example `deflateInit2`), for a reason other than the input.
    case zlibFailure(operation: String, code: Int32)
    /// The compressed input breaks its format: a bad header, checksum, length or back-reference, or truncation.
    case corruptInput(String)
    /// Decompressing would produce more than the caller's `limitBytes`.
    case outputTooLarge(limitBytes: Int)
    /// The input is too large for the format (a ZIP entry of 4 GiB or more, which would need ZIP64).
    case inputTooLarge(String)
}
