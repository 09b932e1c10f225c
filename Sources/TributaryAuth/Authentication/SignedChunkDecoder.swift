/// The framing of a chunk-signed body (`aws-chunked`, AWS's "Transferring Payload in Multiple Chunks"), taken apart
/// incrementally: bytes arrive in whatever pieces the connection delivers, and each chunk comes out whole, with the
/// signature its header claims, once its data and the CRLF after it arrived.
///
/// One chunk on the wire:
///
/// | part       | size (bytes) | content                                                       |
/// |------------|--------------|---------------------------------------------------------------|
/// | size       | 1…16         | the data's length in hex                                      |
/// | extension  | 17           | `;chunk-signature=`                                           |
/// | signature  | 64           | hex HMAC-SHA256 of this chunk (see `ChunkSignatureChain`)     |
/// | line end   | 2            | CRLF                                                          |
/// | data       | size         | payload bytes                                                 |
/// | data end   | 2            | CRLF                                                          |
///
/// A chunk of size 0 ends the body; nothing may follow it. Invariants: at most one chunk's data is held
/// (`AuthenticationLimits.signedChunkBytesMax`) and a header line is bounded
/// (`AuthenticationLimits.signedChunkHeaderBytesMax`), so a hostile body cannot make it grow. A value, used by one
/// upload at a time.
struct SignedChunkDecoder: Sendable {
    /// One chunk as framed: its data (empty for the final chunk) and the signature its header carried.
    struct Chunk: Sendable, Equatable {
        var data: [UInt8]
        var signature: String
    }

    private enum State: Sendable {
        case header
        case data(size: Int, signature: String)
        /// The data is complete; `bytesRead` of its CRLF arrived.
        case dataEnd(signature: String, bytesRead: Int)
        case complete
    }

    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let signaturePrefix = Array(";chunk-signature=".utf8)
    private static let signatureHexDigits = 64
    private static let sizeHexDigitsMax = 16

    private var state = State.header
    private var line: [UInt8] = []
    private var data: [UInt8] = []

    /// Whether the final, zero-size chunk arrived.
    var isComplete: Bool {
        if case .complete = state { return true }
        return false
    }

    /// Appends to `chunks` every chunk `bytes` completes, in order; throws at the first framing fault, after the
    /// chunks completed before it were appended.
    mutating func feed(_ bytes: [UInt8], into chunks: inout [Chunk]) throws(SignedChunkError) {
        var index = 0
        while index < bytes.count {
            switch state {
            case .header:
                let byte = bytes[index]
                index += 1
                if byte == Self.lineFeed {
                    guard line.last == Self.carriageReturn else { throw .malformedChunkHeader }
                    let (size, signature) = try Self.parseHeader(line.dropLast())
                    line.removeAll(keepingCapacity: true)
                    state = size == 0 ? .dataEnd(signature: signature, bytesRead: 0)
                        : .data(size: size, signature: signature)
                } else {
                    // The bound counts the line's CR too.
                    guard line.count <= AuthenticationLimits.signedChunkHeaderBytesMax else {
                        throw .malformedChunkHeader
                    }
                    line.append(byte)
                }
            case .data(let size, let signature):
                let taken = min(size - data.count, bytes.count - index)
                data.append(contentsOf: bytes[index..<(index + taken)])
                index += taken
                if data.count == size { state = .dataEnd(signature: signature, bytesRead: 0) }
            case .dataEnd(let signature, let bytesRead):
                let expected = bytesRead == 0 ? Self.carriageReturn : Self.lineFeed
                guard bytes[index] == expected else { throw .missingChunkDataTerminator }
                index += 1
                if bytesRead == 0 {
                    state = .dataEnd(signature: signature, bytesRead: 1)
                } else {
                    chunks.append(Chunk(data: data, signature: signature))
                    state = data.isEmpty ? .complete : .header
                    data = []
                }
            case .complete:
                throw .dataAfterFinalChunk
            }
        }
    }

    /// The size and signature of a header line (without its CRLF).
    private static func parseHeader(_ line: ArraySlice<UInt8>) throws(SignedChunkError) -> (Int, String) {
        guard let semicolon = line.firstIndex(of: UInt8(ascii: ";")) else { throw .malformedChunkHeader }
        let sizeDigits = line[..<semicolon]
        let rest = line[semicolon...]
        guard (1...sizeHexDigitsMax).contains(sizeDigits.count), sizeDigits.allSatisfy(isHexDigit),
              let size = UInt64(String(decoding: sizeDigits, as: UTF8.self), radix: 16),
              rest.count == signaturePrefix.count + signatureHexDigits,
              rest.starts(with: signaturePrefix)
        else { throw .malformedChunkHeader }
        let signature = rest.dropFirst(signaturePrefix.count)
        guard signature.allSatisfy(isHexDigit) else { throw .malformedChunkHeader }
        guard size <= UInt64(AuthenticationLimits.signedChunkBytesMax) else { throw .chunkTooLarge(declaredBytes: size) }
        return (Int(size), String(decoding: signature, as: UTF8.self))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
