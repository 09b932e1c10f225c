import Crypto

/// Encryption of buffered records at rest (StartDeliveryStreamEncryption): AES-256-GCM with a random nonce per
/// record.
///
/// Sealed layout: | nonce 12 bytes | ciphertext | tag 16 bytes |. The log record's attributes carry `sealedFlag` so
/// records put before encryption started (or after it stopped) are read as they were written.
enum BufferSealing {
    static let sealedFlag: UInt8 = 0x01

    static func seal(_ data: [UInt8], key: SymmetricKey) throws -> [UInt8] {
        let box = try AES.GCM.seal(data, using: key)
        return Array(box.nonce) + Array(box.ciphertext) + Array(box.tag)
    }

    static func open(_ sealed: [UInt8], key: SymmetricKey) throws -> [UInt8] {
        let box = try AES.GCM.SealedBox(combined: sealed)
        return Array(try AES.GCM.open(box, using: key))
    }
}
