/// Splits a SimpleBlock or Block payload into its track number, relative timecode, flags and frames (undoing Xiph,
/// EBML and fixed-size lacing).
enum MatroskaBlockParser {
    struct Block {
        var trackNumber: UInt64
        var relativeTimecode: Int16
        var flags: UInt8
        var frames: [ArraySlice<UInt8>]
    }

    static func parse(_ payload: EBMLPayload) throws(MatroskaError) -> Block {
        let bytes = payload.bytes
        func fail(_ reason: String) -> MatroskaError { .invalidData(offset: payload.streamOffset, reason: reason) }
        let track: UInt64
        var index: Int
        switch EBMLVarint.decodeValue(bytes) {
        case .value(let value, let length): (track, index) = (value, bytes.startIndex + length)
        case .needMoreData: throw fail("block too short for its track number")
        case .invalid(let reason): throw fail("block track number: \(reason)")
        }
        guard bytes.endIndex - index >= 3 else { throw fail("block too short for its timecode and flags") }
        let timecode = Int16(bitPattern: UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
        let flags = bytes[index + 2]
        index += 3
        let lacing = (flags >> 1) & 0x03
        if lacing == 0 {
            return Block(trackNumber: track, relativeTimecode: timecode, flags: flags, frames: [bytes[index...]])
        }
        guard index < bytes.endIndex else { throw fail("laced block without a frame count") }
        let count = Int(bytes[index]) + 1
        index += 1
        var sizes: [Int] = []
        switch lacing {
        case 1:  // Xiph
            for _ in 0..<(count - 1) {
                var size = 0
                while true {
                    guard index < bytes.endIndex else { throw fail("Xiph lace sizes overrun the block") }
                    let byte = bytes[index]
                    index += 1
                    size += Int(byte)
                    if byte != 255 { break }
                }
                sizes.append(size)
            }
        case 3:  // EBML
            var previous = 0
            for lace in 0..<(count - 1) {
                let value: UInt64
                let length: Int
                switch EBMLVarint.decodeValue(bytes[index...]) {
                case .value(let v, let l): (value, length) = (v, l)
                case .needMoreData, .invalid: throw fail("EBML lace sizes overrun the block")
                }
                index += length
                var size: Int
                if lace == 0 {
                    guard value <= UInt64(bytes.count) else { throw fail("EBML lace size too large") }
                    size = Int(value)
                } else {
                    let bias = (Int64(1) << (7 * Int64(length) - 1)) - 1
                    let delta = Int64(bitPattern: value) - bias
                    let (sum, overflow) = Int64(previous).addingReportingOverflow(delta)
                    guard !overflow, sum >= 0, sum <= Int64(bytes.count) else { throw fail("EBML lace size invalid") }
                    size = Int(sum)
                }
                previous = size
                sizes.append(size)
            }
        default:  // fixed
            let remaining = bytes.endIndex - index
            guard remaining % count == 0 else { throw fail("fixed-size lacing does not divide the block evenly") }
            sizes = Array(repeating: remaining / count, count: count - 1)
        }
        let used = sizes.reduce(0, +)
        guard used <= bytes.endIndex - index else { throw fail("lace sizes exceed the block") }
        sizes.append(bytes.endIndex - index - used)
        var frames: [ArraySlice<UInt8>] = []
        for size in sizes {
            frames.append(bytes[index..<(index + size)])
            index += size
        }
        return Block(trackNumber: track, relativeTimecode: timecode, flags: flags, frames: frames)
    }
}
