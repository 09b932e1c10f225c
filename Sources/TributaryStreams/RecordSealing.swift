import Crypto

/// Encryption of record data at rest with AES-256-GCM.
///
/// Sealed value layout (what the log stores for a record whose attributes have `encryptedFlag`):
///
/// | offset | size | field |
/// |-------:|-----:|-------|
/// | 0      | 4    | keyring number of the key, big-endian |
/// | 4      | 12   | nonce |
/// | 16     | n    | ciphertext |
/// | 16+n   | 16   | GCM tag; the partition key is authenticated data, so a record cannot be moved to another key |
enum RecordSealing {
    static let encryptedFlag: UInt8 = 0x01

    static func seal(_ data: [UInt8], partitionKey: [UInt8], key: Keyring.Entry) throws -> [UInt8] {
        let box = try AES.GCM.seal(data, using: SymmetricKey(data: key.material), authenticating: partitionKey)
        var sealed: [UInt8] = []
        sealed.reserveCapacity(4 + 12 + data.count + 16)
        sealed.appendBigEndian(key.number)
        sealed.append(contentsOf: box.nonce)
        sealed.append(contentsOf: box.ciphertext)
        sealed.append(contentsOf: box.tag)
        return sealed
    }

    static func open(_ sealed: [UInt8], partitionKey: [UInt8], keyring: Keyring) throws -> [UInt8] {
        guard sealed.count >= 32, let key = keyring.key(number: sealed.readBigEndian(at: 0, as: UInt32.self)) else {
            throw StreamsError.internalFailure("An encrypted record names a key the keyring does not hold.")
        }
        let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: sealed[4..<16]), ciphertext: sealed[16..<(sealed.count - 16)],
                                        tag: sealed[(sealed.count - 16)...])
        return Array(try AES.GCM.open(box, using: SymmetricKey(data: key.material), authenticating: partitionKey))
    }
}
