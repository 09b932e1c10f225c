/// Every bound the PutMedia upload client keeps, with its reason.
///
/// The client holds at most one input read, one response head and one acknowledgement line in memory at a time,
/// so a hostile or broken server cannot make it grow without limit, and a silent one cannot keep it forever.
enum PutMediaUploadLimits {
    /// Bytes read from the input per chunk: small enough that a live ffmpeg pipe is forwarded as it is produced
    /// (a pipe read returns what is there), large enough that a file is not sent in tiny chunks.
    static let inputReadBytes = 64 * 1024
    /// Bytes of the response's status line and headers (AWS's are well under 2 KB).
    static let responseHeadBytesMax = 16 * 1024
    /// Bytes of one chunk-size or trailer line of the chunked response.
    static let responseLineBytesMax = 1024
    /// Bytes of one acknowledgement line (AWS's are about 100).
    static let acknowledgementLineBytesMax = 64 * 1024
    /// Bytes of a non-200 answer's body kept for its error message.
    static let errorBodyBytesMax = 64 * 1024
    /// Seconds without a byte from the server before the upload is abandoned. AWS sends IDLE acknowledgements
    /// while it waits and closes a connection after about 30 s of silence, so a longer quiet means it is gone.
    static let receiveTimeoutSeconds = 60
    /// Seconds the rest of the response is awaited after an ERROR acknowledgement (AWS ends it right away).
    static let responseEndAfterErrorSeconds = 5
    /// Seconds the body writer is awaited once the response ended: it normally finished before the server could
    /// end the response, and only needs the moment to record that.
    static let writerFinishSeconds = 5
    /// Seconds the body writer is awaited when the response broke off, to learn whether the input or the server
    /// failed first (a send into a closed connection fails within moments).
    static let writerOutcomeAfterFailureSeconds = 1
}
