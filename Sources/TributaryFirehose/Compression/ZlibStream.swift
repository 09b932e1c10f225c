import CZlib

/// One-shot deflate and inflate over the system zlib, shared by GZIP (`windowBits` 31: RFC 1952 framing) and ZIP
/// (`windowBits` -15: raw RFC 1951 data, the ZIP entry carrying its own CRC and sizes).
///
/// It exists to keep zlib's C state machine (`z_stream`, its 32-bit counters and its status codes) in one place.
/// Input larger than `avail_in` can count is fed in pieces; output goes through a fixed scratch buffer, so an
/// inflate stops at most one scratch buffer past its limit. Each call owns its `z_stream`, so calls are thread-safe.
enum ZlibStream {
    /// `windowBits` for a gzip (RFC 1952) stream: 15-bit window plus 16.
    static let gzipWindowBits: Int32 = 31
    /// `windowBits` for raw deflate data with no header or trailer.
    static let rawDeflateWindowBits: Int32 = -15
    /// zlib's default memory level: 8 (of 9) trades 256 KiB of state for nearly the best ratio.
    static let memoryLevel: Int32 = 8

    /// Deflates all of `input` at zlib's default level, framed as `windowBits` says.
    static func deflate(_ input: [UInt8], windowBits: Int32) throws -> [UInt8] {
        var stream = z_stream()
        let initStatus = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, memoryLevel, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size)
        )
        guard initStatus == Z_OK else {
            throw CompressionError.zlibFailure(operation: "deflateInit2", code: initStatus)
        }
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(Int(deflateBound(&stream, uLong(input.count))))
        var scratch = [UInt8](repeating: 0, count: CompressionLimits.zlibOutputChunkBytes)
        try input.withUnsafeBufferPointer { source in
            var consumed = 0
            var finished = false
            while !finished {
                let piece = min(source.count - consumed, CompressionLimits.zlibInputPieceBytes)
                stream.next_in = source.baseAddress.map { UnsafeMutablePointer(mutating: $0 + consumed) }
                stream.avail_in = uInt(piece)
                consumed += piece
                let flush = consumed == source.count ? Z_FINISH : Z_NO_FLUSH
                var status = Z_OK
                repeat {
                    status = drain(&stream, into: &output, scratch: &scratch) { CZlib.deflate(&$0, flush) }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw CompressionError.zlibFailure(operation: "deflate", code: status)
                    }
                } while stream.avail_out == 0
                finished = status == Z_STREAM_END
                if flush == Z_FINISH && !finished {
                    throw CompressionError.zlibFailure(operation: "deflate", code: status)
                }
            }
        }
        return output
    }

    /// Inflates `input` framed as `windowBits` says, producing at most `maxBytes`.
    ///
    /// With `allowsConcatenatedMembers` (gzip), a stream that ends with input left over starts a new member, as
    /// `gunzip` reads concatenated files; without it, bytes after the end of the stream are corruption.
    static func inflate(
        _ input: [UInt8], windowBits: Int32, maxBytes: Int, allowsConcatenatedMembers: Bool
    ) throws -> [UInt8] {
        var stream = z_stream()
        let initStatus = inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else {
            throw CompressionError.zlibFailure(operation: "inflateInit2", code: initStatus)
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: CompressionLimits.zlibOutputChunkBytes)
        try input.withUnsafeBufferPointer { source in
            var consumed = 0
            while true {
                if stream.avail_in == 0 && consumed < source.count {
                    let piece = min(source.count - consumed, CompressionLimits.zlibInputPieceBytes)
                    stream.next_in = source.baseAddress.map { UnsafeMutablePointer(mutating: $0 + consumed) }
                    stream.avail_in = uInt(piece)
                    consumed += piece
                }
                let status = drain(&stream, into: &output, scratch: &scratch) { CZlib.inflate(&$0, Z_NO_FLUSH) }
                guard output.count <= maxBytes else { throw CompressionError.outputTooLarge(limitBytes: maxBytes) }
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    if stream.avail_in == 0 && consumed == source.count { return }
                    guard allowsConcatenatedMembers else {
                        throw CompressionError.corruptInput("bytes follow the end of the deflate stream")
                    }
                    inflateReset(&stream)
                case Z_BUF_ERROR:
                    // No progress was possible although a whole scratch buffer was free: the input ran out.
                    throw CompressionError.corruptInput("the compressed stream is truncated")
                case Z_DATA_ERROR, Z_NEED_DICT:
                    let reason = stream.msg.map { String(cString: $0) } ?? "invalid deflate data"
                    throw CompressionError.corruptInput(reason)
                default:
                    throw CompressionError.zlibFailure(operation: "inflate", code: status)
                }
            }
        }
        return output
    }

    /// Runs one zlib step with the whole scratch buffer as output space and appends what it wrote to `output`.
    private static func drain(
        _ stream: inout z_stream, into output: inout [UInt8], scratch: inout [UInt8],
        step: (inout z_stream) -> Int32
    ) -> Int32 {
        scratch.withUnsafeMutableBufferPointer { buffer in
            stream.next_out = buffer.baseAddress
            stream.avail_out = uInt(buffer.count)
            let status = step(&stream)
            let produced = buffer.count - Int(stream.avail_out)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0 ..< produced]))
            return status
        }
    }
}
