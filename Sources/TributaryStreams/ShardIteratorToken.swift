import Crypto
import TributaryWire

/// The opaque, tamper-evident shard iterators GetShardIterator and GetRecords hand out.
///
/// Binary layout before base64 (all integers big-endian):
///
/// | offset | size | field |
/// |-------:|-----:|-------|
/// | 0      | 1    | version, `1` |
/// | 1      | 8    | issue time, ms since the epoch (iterators expire 5 minutes later) |
/// | 9      | 8    | stream incarnation |
/// | 17     | 4    | shard index |
/// | 21     | 8    | next offset to read |
/// | 29     | 1    | stream-name length n |
/// | 30     | n    | stream name, UTF-8 |
/// | 30+n   | 16   | HMAC-SHA256 of everything before, truncated: a forged or edited iterator is refused |
public struct ShardIteratorToken: Sendable, Equatable {
    public var streamName: String
    public var incarnation: Int64
    public var shardIndex: Int
    public var offset: UInt64
    public var issuedAtMs: Int64

    static let version: UInt8 = 1
    static let macBytes = 16

    public init(streamName: String, incarnation: Int64, shardIndex: Int, offset: UInt64, issuedAtMs: Int64) {
        self.streamName = streamName
        self.incarnation = incarnation
        self.shardIndex = shardIndex
        self.offset = offset
        self.issuedAtMs = issuedAtMs
    }

    /// The base64 text handed to clients.
    public func encoded(key: SymmetricKey) -> String {
        var bytes: [UInt8] = [Self.version]
        bytes.appendBigEndian(UInt64(bitPattern: issuedAtMs))
        bytes.appendBigEndian(UInt64(bitPattern: incarnation))
        bytes.appendBigEndian(UInt32(shardIndex))
        bytes.appendBigEndian(offset)
        let name = Array(streamName.utf8)
        bytes.append(UInt8(name.count))
        bytes.append(contentsOf: name)
        let mac = HMAC<SHA256>.authenticationCode(for: bytes, using: key)
        bytes.append(contentsOf: mac.prefix(Self.macBytes))
        return Base64.encode(bytes)
    }

    /// Decodes and authenticates an iterator; nil when it was not issued by this server's key.
    public init?(decoding text: String, key: SymmetricKey) {
        guard let bytes = Base64.decode(text), bytes.count >= 30 + Self.macBytes, bytes[0] == Self.version else {
            return nil
        }
        let nameLength = Int(bytes[29])
        guard bytes.count == 30 + nameLength + Self.macBytes else { return nil }
        let body = Array(bytes[0..<(30 + nameLength)])
        let mac = Array(HMAC<SHA256>.authenticationCode(for: body, using: key).prefix(Self.macBytes))
        guard constantTimeEqual(mac, Array(bytes[(30 + nameLength)...])) else { return nil }
        self.issuedAtMs = Int64(bitPattern: body.readBigEndian(at: 1, as: UInt64.self))
        self.incarnation = Int64(bitPattern: body.readBigEndian(at: 9, as: UInt64.self))
        self.shardIndex = Int(body.readBigEndian(at: 17, as: UInt32.self))
        self.offset = body.readBigEndian(at: 21, as: UInt64.self)
        self.streamName = String(decoding: body[30...], as: UTF8.self)
    }
}

private func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        var bigEndian = value.bigEndian
        Swift.withUnsafeBytes(of: &bigEndian) { append(contentsOf: $0) }
    }

    func readBigEndian<T: FixedWidthInteger>(at index: Int, as type: T.Type) -> T {
        var value: T = 0
        for byte in self[index..<(index + MemoryLayout<T>.size)] { value = (value << 8) | T(byte) }
        return value
    }
}
