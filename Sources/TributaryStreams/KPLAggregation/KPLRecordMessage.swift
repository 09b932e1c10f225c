/// The protobuf `Record` message of the KPL schema: one user record, with its keys given as indexes into the key
/// tables of the enclosing `AggregatedRecord`.
///
/// The indexes are not checked here, because only the enclosing message knows the tables; `KPLDeaggregator`
/// resolves them and throws for one out of range.
struct KPLRecordMessage: Sendable, Equatable {
    var partitionKeyIndex: UInt64
    var explicitHashKeyIndex: UInt64?
    var data: [UInt8]
    var tags: [KPLTagMessage]

    init(partitionKeyIndex: UInt64, explicitHashKeyIndex: UInt64?, data: [UInt8], tags: [KPLTagMessage] = []) {
        self.partitionKeyIndex = partitionKeyIndex
        self.explicitHashKeyIndex = explicitHashKeyIndex
        self.data = data
        self.tags = tags
    }

    /// Decodes the message body `bytes` (the value of a length-delimited `records` field). A field given twice keeps
    /// its last value, as protobuf parsers do.
    init(decoding bytes: ArraySlice<UInt8>) throws(KPLAggregationError) {
        var reader = ProtobufWireReader(bytes)
        var partitionKeyIndex: UInt64?
        var explicitHashKeyIndex: UInt64?
        var data: [UInt8]?
        var tags: [KPLTagMessage] = []
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch tag.fieldNumber {
            case KPLAggregatedRecordFormat.partitionKeyIndexField:
                try reader.expect(.varint, for: tag)
                partitionKeyIndex = try reader.readVarint()
            case KPLAggregatedRecordFormat.explicitHashKeyIndexField:
                try reader.expect(.varint, for: tag)
                explicitHashKeyIndex = try reader.readVarint()
            case KPLAggregatedRecordFormat.dataField:
                try reader.expect(.lengthDelimited, for: tag)
                data = Array(try reader.readLengthDelimited())
            case KPLAggregatedRecordFormat.tagsField:
                try reader.expect(.lengthDelimited, for: tag)
                tags.append(try KPLTagMessage(decoding: try reader.readLengthDelimited()))
            default:
                try reader.skipValue(of: tag)
            }
        }
        guard let partitionKeyIndex else {
            throw Self.missing(KPLAggregatedRecordFormat.partitionKeyIndexField, at: bytes.startIndex)
        }
        guard let data else {
            throw Self.missing(KPLAggregatedRecordFormat.dataField, at: bytes.startIndex)
        }
        self.init(
            partitionKeyIndex: partitionKeyIndex, explicitHashKeyIndex: explicitHashKeyIndex, data: data, tags: tags)
    }

    /// The message body in protobuf wire format, fields in field-number order.
    var encoded: [UInt8] {
        var writer = ProtobufWireWriter()
        writer.appendVarintField(KPLAggregatedRecordFormat.partitionKeyIndexField, partitionKeyIndex)
        if let explicitHashKeyIndex {
            writer.appendVarintField(KPLAggregatedRecordFormat.explicitHashKeyIndexField, explicitHashKeyIndex)
        }
        writer.appendLengthDelimitedField(KPLAggregatedRecordFormat.dataField, data)
        for tag in tags {
            writer.appendLengthDelimitedField(KPLAggregatedRecordFormat.tagsField, tag.encoded)
        }
        return writer.bytes
    }

    private static func missing(_ fieldNumber: Int, at offset: Int) -> KPLAggregationError {
        .missingRequiredField(message: "Record", fieldNumber: fieldNumber, offset: offset)
    }
}
