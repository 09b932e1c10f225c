import FuzzInput
import TributaryVideo

/// Feeds each input to the PutMedia Matroska reader in chunks of growing size, then ends the stream, as a chunked
/// upload arrives. Sizes and ids come from the uploader, so malformed or hostile EBML must end in a `MatroskaError`,
/// within the reader's `MatroskaLimits`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var reader = MatroskaStreamReader()
    do throws(MatroskaError) {
        for chunk in doublingChunks(UnsafeRawBufferPointer(start: data, count: size)) {
            _ = try reader.feed(chunk)
        }
        try reader.finish()
    } catch {
        // A refused upload ends there, as PutMedia answers it with an error acknowledgement.
    }
    return 0
}
