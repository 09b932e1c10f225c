import XCTest

/// One box read back from bytes the packagers wrote, independently of `MP4BoxWriter`.
struct MP4TestBox {
    let type: String
    /// The box's offset in the parsed bytes.
    let offset: Int
    let size: Int
    /// Everything after the header (and, for a full box, still including version and flags).
    let payload: ArraySlice<UInt8>
    let children: [MP4TestBox]

    /// The first descendant reached through `path`, e.g. `box("trak", "mdia", "mdhd")`.
    func box(_ path: String...) -> MP4TestBox? {
        var current: MP4TestBox? = self
        for type in path { current = current?.children.first { $0.type == type } }
        return current
    }

    /// Children of a given type.
    func all(_ type: String) -> [MP4TestBox] { children.filter { $0.type == type } }

    var childTypes: [String] { children.map(\.type) }

    /// A full box's version.
    var version: UInt8 { payload[payload.startIndex] }
    /// A full box's flags.
    var flags: UInt32 { UInt32(uint(at: 0, bytes: 4) & 0x00FF_FFFF) }

    /// A big-endian unsigned integer of `bytes` bytes at `offset` within the payload.
    func uint(at offset: Int, bytes count: Int) -> UInt64 {
        let start = payload.startIndex + offset
        return payload[start..<(start + count)].reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// Parses ISO BMFF boxes, failing unless every box fits its parent and the children of a container fill it exactly.
enum MP4TestBoxWalker {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// Containers and the bytes that precede their child boxes.
    static let containers: [String: Int] = [
        "moov": 0, "trak": 0, "mdia": 0, "minf": 0, "dinf": 0, "stbl": 0, "mvex": 0, "moof": 0, "traf": 0,
        "edts": 0, "dref": 8, "stsd": 8, "avc1": 78, "hvc1": 78, "mp4a": 28,
    ]

    static func parse(_ bytes: [UInt8]) throws -> [MP4TestBox] {
        try parse(bytes[...], base: 0)
    }

    private static func parse(_ bytes: ArraySlice<UInt8>, base: Int) throws -> [MP4TestBox] {
        var boxes: [MP4TestBox] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes.endIndex - index >= 8 else {
                throw Malformed(description: "stray \(bytes.endIndex - index) bytes")
            }
            var size = Int(bytes[index..<(index + 4)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            var header = 8
            if size == 1 {
                size = Int(bytes[(index + 8)..<(index + 16)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
                header = 16
            }
            guard size >= header, size <= bytes.endIndex - index else {
                throw Malformed(description: "box \(type) of \(size) bytes overruns its parent")
            }
            let payload = bytes[(index + header)..<(index + size)]
            var children: [MP4TestBox] = []
            if let skip = containers[type] {
                guard payload.count >= skip else { throw Malformed(description: "\(type) too short") }
                children = try parse(payload.dropFirst(skip), base: base)
            }
            boxes.append(MP4TestBox(type: type, offset: base + index, size: size, payload: payload,
                                    children: children))
            index += size
        }
        return boxes
    }
}
