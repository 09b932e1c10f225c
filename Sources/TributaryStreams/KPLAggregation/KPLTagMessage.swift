/// The protobuf `Tag` message of the KPL schema: a key and optional value a producer may attach to a user record.
///
/// Tributary does not expose tags (the KCL does not either); they are decoded so that a `Tag` without its required
/// key is refused as the KCL's protobuf parser refuses it, and so that a decoded message encodes back unchanged.
struct KPLTagMessage: Sendable, Equatable {
    var key: String
    var value: String?

    init(key: String, value: String? = nil) {
        self.key = key
        self.value = value
    }

    /// Decodes the message body `bytes` (the value of a length-delimited `tags` field).
    init(decoding bytes: ArraySlice<UInt8>) throws(KPLAggregationError) {
        var reader = ProtobufWireReader(bytes)
        var key: String?
        var value: String?
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch tag.fieldNumber {
            case KPLAggregatedRecordFormat.tagKeyField:
                try reader.expect(.lengthDelimited, for: tag)
                key = try reader.readString()
            case KPLAggregatedRecordFormat.tagValueField:
                try reader.expect(.lengthDelimited, for: tag)
                value = try reader.readString()
            default:
                try reader.skipValue(of: tag)
            }
        }
        guard let key else {
            throw .missingRequiredField(
                message: "Tag", fieldNumber: KPLAggregatedRecordFormat.tagKeyField, offset: bytes.startIndex)
        }
        self.init(key: key, value: value)
    }

    /// The message body in protobuf wire format.
    var encoded: [UInt8] {
        var writer = ProtobufWireWriter()
        writer.appendLengthDelimitedField(KPLAggregatedRecordFormat.tagKeyField, Array(key.utf8))
        if let value {
            writer.appendLengthDelimitedField(KPLAggregatedRecordFormat.tagValueField, Array(value.utf8))
        }
        return writer.bytes
    }
}
