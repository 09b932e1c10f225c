/// The raw Snappy block compressor: one varint length preamble, then literal and copy elements.
///
/// It exists because both Snappy formats Firehose writes (the framing format for `Snappy`, Hadoop's block format
/// for `HADOOP_SNAPPY`) wrap raw Snappy blocks, and no Snappy library ships with Swift.
///
/// Element encoding (format_description.txt), by the low two bits of the tag byte:
///
/// | tag & 3 | element                 | length                                  | offset                   |
/// |---------|-------------------------|-----------------------------------------|--------------------------|
/// | 0       | literal                 | (tag >> 2) + 1, or for 60...63 the next 1...4 bytes (LE) + 1 | —   |
/// | 1       | copy, 1-byte offset     | ((tag >> 2) & 7) + 4 (4...11)           | (tag >> 5) << 8 + 1 byte |
/// | 2       | copy, 2-byte offset     | (tag >> 2) + 1 (1...64)                 | 2 bytes LE               |
/// | 3       | copy, 4-byte offset     | (tag >> 2) + 1 (1...64)                 | 4 bytes LE (never written) |
///
/// The matcher works on 64 KiB fragments with a hash table of the positions of earlier 4-byte sequences; a run of
/// misses makes it probe ever more sparsely, so incompressible input costs little. It is deterministic.
enum SnappyBlockEncoder {
    /// The most bytes `compress` can produce for `count` input bytes: the preamble plus literals' tag overhead.
    static func compressedBytesMax(_ count: Int) -> Int { 32 + count + count / 6 }

    /// `input` as one raw Snappy block. Precondition: fewer than 2^32 bytes (the preamble is 32-bit; callers
    /// split objects into blocks far smaller).
    static func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        precondition(input.count <= Int(UInt32.max), "a raw Snappy block holds at most 2^32 - 1 bytes")
        var table = [UInt16](repeating: 0, count: 1 << CompressionLimits.snappyHashTableBits)
        return [UInt8](unsafeUninitializedCapacity: compressedBytesMax(input.count)) { buffer, initializedCount in
            var writer = SnappyOutputWriter(base: buffer.baseAddress!)
            writer.writeVarint(UInt32(input.count))
            table.withUnsafeMutableBufferPointer { table in
                var fragmentStart = 0
                while fragmentStart < input.count {
                    let fragmentEnd = min(fragmentStart + CompressionLimits.snappyFragmentBytes, input.count)
                    compressFragment(input, start: fragmentStart, end: fragmentEnd, table: table, writer: &writer)
                    fragmentStart = fragmentEnd
                }
            }
            initializedCount = writer.count
        }
    }

    /// `input` as one raw Snappy block.
    static func compress(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { compress($0) }
    }

    /// Bytes left unsearched at a fragment's end, so every 4-byte load of the search stays inside it.
    private static let searchMarginBytes = 15

    /// Emits `input[start ..< end]`, finding copies only within the fragment.
    private static func compressFragment(
        _ input: UnsafeBufferPointer<UInt8>, start: Int, end: Int, table: UnsafeMutableBufferPointer<UInt16>,
        writer: inout SnappyOutputWriter
    ) {
        var nextEmit = start
        if end - start > searchMarginBytes {
            table.update(repeating: 0)
            let searchLimit = end - searchMarginBytes
            var position = start + 1
            var nextHash = hash(load(input, position))
            search: while true {
                var candidate = start
                var next = position
                var skip = 32
                repeat {
                    position = next
                    let currentHash = nextHash
                    next = position + (skip >> 5)
                    skip += 1
                    if next > searchLimit { break search }
                    nextHash = hash(load(input, next))
                    candidate = start + Int(table[currentHash])
                    table[currentHash] = UInt16(position - start)
                } while load(input, position) != load(input, candidate)
                writer.writeLiteral(input, from: nextEmit, to: position)
                repeat {
                    let matchedBytes = 4 + commonPrefixBytes(input, candidate + 4, position + 4, end: end)
                    writer.writeCopy(offset: position - candidate, length: matchedBytes)
                    position += matchedBytes
                    nextEmit = position
                    if position >= searchLimit { break search }
                    table[hash(load(input, position - 1))] = UInt16(position - 1 - start)
                    let currentHash = hash(load(input, position))
                    candidate = start + Int(table[currentHash])
                    table[currentHash] = UInt16(position - start)
                } while load(input, position) == load(input, candidate)
                position += 1
                nextHash = hash(load(input, position))
            }
        }
        if nextEmit < end { writer.writeLiteral(input, from: nextEmit, to: end) }
    }

    /// The 4 bytes at `position`, little-endian.
    @inline(__always)
    private static func load(_ input: UnsafeBufferPointer<UInt8>, _ position: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(input.baseAddress! + position).loadUnaligned(as: UInt32.self))
    }

    /// A multiplicative hash of 4 bytes into the table's index range.
    @inline(__always)
    private static func hash(_ value: UInt32) -> Int {
        Int((value &* 0x1E35_A7BD) >> (32 - UInt32(CompressionLimits.snappyHashTableBits)))
    }

    /// How many bytes from `earlier` and `later` are equal, stopping at `end` (`earlier` < `later`).
    private static func commonPrefixBytes(
        _ input: UnsafeBufferPointer<UInt8>, _ earlier: Int, _ later: Int, end: Int
    ) -> Int {
        var matched = 0
        while later + matched < end && input[earlier + matched] == input[later + matched] { matched += 1 }
        return matched
    }
}
