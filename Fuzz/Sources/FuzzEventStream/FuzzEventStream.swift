import FuzzInput
import TributaryWire

/// Feeds each input to an event-stream decoder in chunks of growing size, taking every whole message after each
/// chunk, as a reader of SubscribeToShard does; then the same input with its checksums made valid. A corrupt prelude
/// must be refused as soon as its 12 bytes are in, so a huge declared length never makes the decoder wait or
/// allocate for it, and headers behind valid checksums must be read within the message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    decodeInChunks(input)
    repairingChecksums(input).withUnsafeBytes { decodeInChunks($0) }
    return 0
}

func decodeInChunks(_ bytes: UnsafeRawBufferPointer) {
    var decoder = EventStreamDecoder()
    do {
        for chunk in doublingChunks(bytes) {
            decoder.append(Array(chunk))
            while try decoder.next() != nil {}
        }
    } catch {
        // A refused stream has lost its framing and is abandoned, as the gateway's readers do.
    }
}
