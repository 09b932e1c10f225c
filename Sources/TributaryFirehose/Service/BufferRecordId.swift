import TributaryWire

/// The RecordId PutRecord answers: unique per record, built from the stream incarnation and the buffer offset so two
/// records never share one, padded with randomness as AWS's ids are opaque.
enum BufferRecordId {
    static func make(incarnation: Int64, offset: UInt64) -> String {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(bitPattern: incarnation).bigEndian) { bytes += $0 }
        withUnsafeBytes(of: offset.bigEndian) { bytes += $0 }
        for _ in 0..<8 { bytes.append(UInt8.random(in: 0...255)) }
        return Base64.encode(bytes)
    }
}
