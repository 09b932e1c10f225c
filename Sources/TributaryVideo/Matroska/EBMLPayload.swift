/// Decoding of a buffered master element's children and of EBML scalar payloads (unsigned and signed integers,
/// floats, strings). Used for the small elements the reader buffers whole (EBML header, Info, Tracks, Tags,
/// BlockGroup); offsets in errors are stream offsets.
struct EBMLPayload {
    let bytes: ArraySlice<UInt8>
    /// Stream offset of `bytes.startIndex`.
    let streamOffset: Int64

    /// One child element.
    struct Child {
        let id: EBMLElementID
        let payload: EBMLPayload
    }

    func children() throws(MatroskaError) -> [Child] {
        var result: [Child] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let offset = streamOffset &+ Int64(index - bytes.startIndex)
            let rest = bytes[index...]
            let id: EBMLElementID
            let idLength: Int
            switch EBMLVarint.decodeID(rest) {
            case .value(let value, let length): (id, idLength) = (value, length)
            case .needMoreData: throw .invalidData(offset: offset, reason: "element id overruns its parent")
            case .invalid(let reason): throw .invalidData(offset: offset, reason: reason)
            }
            let sizeStart = index + idLength
            let size: UInt64
            let sizeLength: Int
            switch EBMLVarint.decodeSize(bytes[sizeStart...]) {
            case .value(let value?, let length): (size, sizeLength) = (value, length)
            case .value(nil, _):
                throw .invalidData(offset: offset, reason: "element \(id) has an unknown size where it is not allowed")
            case .needMoreData: throw .invalidData(offset: offset, reason: "element size overruns its parent")
            case .invalid(let reason): throw .invalidData(offset: offset, reason: reason)
            }
            let payloadStart = sizeStart + sizeLength
            let available = bytes.endIndex - payloadStart
            guard size <= UInt64(available) else {
                throw .invalidData(offset: offset, reason: "element \(id) of \(size) bytes overruns its parent")
            }
            let end = payloadStart + Int(size)
            result.append(Child(id: id, payload: EBMLPayload(
                bytes: bytes[payloadStart..<end],
                streamOffset: streamOffset &+ Int64(payloadStart - bytes.startIndex))))
            index = end
        }
        return result
    }

    func unsigned() throws(MatroskaError) -> UInt64 {
        guard bytes.count <= 8 else {
            throw .invalidData(offset: streamOffset, reason: "unsigned integer of \(bytes.count) bytes")
        }
        return bytes.reduce(0) { ($0 << 8) | UInt64($1) }
    }

    func signed() throws(MatroskaError) -> Int64 {
        guard bytes.count <= 8 else {
            throw .invalidData(offset: streamOffset, reason: "signed integer of \(bytes.count) bytes")
        }
        guard let first = bytes.first else { return 0 }
        var value: UInt64 = first & 0x80 != 0 ? UInt64.max : 0
        for byte in bytes { value = (value << 8) | UInt64(byte) }
        return Int64(bitPattern: value)
    }

    func float() throws(MatroskaError) -> Double {
        switch bytes.count {
        case 0: return 0
        case 4: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: try unsigned())))
        case 8: return Double(bitPattern: try unsigned())
        default: throw .invalidData(offset: streamOffset, reason: "float of \(bytes.count) bytes")
        }
    }

    /// A string with trailing NUL padding removed (GStreamer ends codec ids with a NUL).
    func string() -> String {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0 { end -= 1 }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    var array: [UInt8] { Array(bytes) }
}
