import TributaryWire

/// StartDeliveryStreamEncryption and StopDeliveryStreamEncryption: records put while encryption is on are sealed
/// in the buffer with the stream's key (`BufferKeyring`); they are opened again only to be delivered.
extension FirehoseService {
    func changeEncryption(_ request: Document, start: Bool) throws -> Document {
        let name = try request.string("DeliveryStreamName") ?? ""
        let input = try request.object("DeliveryStreamEncryptionConfigurationInput")
        let updated: Void? = try catalog.update(name) { stream in
            if stream.type == "KinesisStreamAsSource" {
                throw FirehoseError.invalidArgument(
                    "This operation is not supported for a Firehose stream whose source is a Kinesis data stream.")
            }
            if stream.status != .active {
                throw FirehoseError.resourceInUse(
                    "Firehose \(name) under account \(configuration.accountId) is not in the ACTIVE state.")
            }
            if start {
                stream.encryption = try encryptionInput(input ?? .object([:]), type: stream.type)
                    ?? .init(status: "ENABLED", keyType: "AWS_OWNED_CMK")
                try keyring.ensureKey(stream.checkpointKey)
            } else {
                stream.encryption = .init(status: "DISABLED")
            }
        }
        guard updated != nil else { throw notFound(name) }
        return .object([:])
    }
}
