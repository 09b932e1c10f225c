import TributaryWire

/// StartStreamEncryption and StopStreamEncryption: the stream goes UPDATING, and once ACTIVE again the records
/// written are sealed (or no longer sealed) with the local key standing for the KMS key id.
extension KinesisService {
    func changeEncryption(_ request: Document, start: Bool) throws -> Document {
        var validation = Validation()
        let name = try streamNameMember(request, &validation)
        let type = validation.required(try request.string("EncryptionType"), at: "encryptionType")
        validation.oneOf(type, at: "encryptionType", allowed: ["NONE", "KMS"])
        let keyId = validation.required(try request.string("KeyId"), at: "keyId")
        validation.length(keyId, at: "keyId", min: 1, max: 2048)
        try validation.check()
        guard let name else { throw StreamsError.invalidArgument("Either StreamName or StreamARN must be provided.") }
        guard let type, let keyId else { return .object([:]) }
        guard type == "KMS" else {
            throw StreamsError.invalidArgument("EncryptionType must be KMS to \(start ? "start" : "stop") encryption.")
        }
        // The local key itself is made on the first sealed write, so a refused call leaves nothing behind.
        guard Keyring.normalize(keyId) != nil else {
            throw StreamsError.kmsNotFound("Key '\(keyId)' does not exist")
        }
        try beginUpdate(name) { stream, _ in
            if !start, stream.encryptionKeyId == nil {
                throw StreamsError.invalidArgument("Stream \(name) under account \(configuration.accountId) is not encrypted.")
            }
            return .encryption(keyId: start ? keyId : nil)
        }
        return .object([:])
    }

    /// The bytes the log stores for a record: sealed when the stream is encrypted.
    func storedValue(_ record: PendingRecord, stream: StreamDescriptor) throws -> (value: [UInt8], attributes: UInt8) {
        guard let keyId = stream.encryptionKeyId else { return (record.data, 0) }
        let key = try keyring.key(forKeyId: Keyring.normalize(keyId) ?? keyId)
        return (try RecordSealing.seal(record.data, partitionKey: Array(record.partitionKey.utf8), key: key),
                RecordSealing.encryptedFlag)
    }
}
