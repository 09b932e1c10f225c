/// Splits a fuzz input into consecutive chunks of 1, 2, 4, 8, … bytes (the last one shorter), so that an incremental
/// decoder sees its input cut at many different places, including inside a length prefix or a header, the way
/// bytes arrive from a socket. Deterministic, so a crashing input always reproduces.
public func doublingChunks(_ bytes: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer] {
    var chunks: [UnsafeRawBufferPointer] = []
    var start = 0
    var length = 1
    while start < bytes.count {
        let end = min(bytes.count, start + length)
        chunks.append(UnsafeRawBufferPointer(rebasing: bytes[start ..< end]))
        start = end
        length *= 2
    }
    return chunks
}
