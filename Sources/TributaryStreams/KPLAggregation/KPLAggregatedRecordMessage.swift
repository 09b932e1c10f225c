/// The protobuf `AggregatedRecord` message of the KPL schema: two key tables and the records that index into them.
///
/// Keys are stored once per aggregated record and referenced by index, which is why the KPL can pack many records
/// that share a partition key cheaply. This type only mirrors the wire; `KPLDeaggregator` and `KPLAggregator` turn
/// it into and out of `KPLUserRecord`s.
struct KPLAggregatedRecordMessage: Sendable, Equatable {
    var partitionKeyTable: [String]
    var explicitHashKeyTable: [String]
    var records: [KPLRecordMessage]

    init(partitionKeyTable: [String], explicitHashKeyTable: [String], records: [KPLRecordMessage]) {
        self.partitionKeyTable = partitionKeyTable
        self.explicitHashKeyTable = explicitHashKeyTable
        self.records = records
    }

    /// Decodes the protobuf bytes between the magic number and the digest.
    init(decoding bytes: ArraySlice<UInt8>) throws(KPLAggregationError) {
        var reader = ProtobufWireReader(bytes)
        var partitionKeyTable: [String] = []
        var explicitHashKeyTable: [String] = []
        var records: [KPLRecordMessage] = []
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch tag.fieldNumber {
            case KPLAggregatedRecordFormat.partitionKeyTableField:
                try reader.expect(.lengthDelimited, for: tag)
                partitionKeyTable.append(try reader.readString())
            case KPLAggregatedRecordFormat.explicitHashKeyTableField:
                try reader.expect(.lengthDelimited, for: tag)
                explicitHashKeyTable.append(try reader.readString())
            case KPLAggregatedRecordFormat.recordsField:
                try reader.expect(.lengthDelimited, for: tag)
                records.append(try KPLRecordMessage(decoding: try reader.readLengthDelimited()))
            default:
                try reader.skipValue(of: tag)
            }
        }
        self.init(partitionKeyTable: partitionKeyTable, explicitHashKeyTable: explicitHashKeyTable, records: records)
    }

    /// The message in protobuf wire format, fields in field-number order as protobuf serializers write them.
    var encoded: [UInt8] {
        var writer = ProtobufWireWriter()
        for key in partitionKeyTable {
            writer.appendLengthDelimitedField(KPLAggregatedRecordFormat.partitionKeyTableField, Array(key.utf8))
        }
        for key in explicitHashKeyTable {
            writer.appendLengthDelimitedField(KPLAggregatedRecordFormat.explicitHashKeyTableField, Array(key.utf8))
        }
        for record in records {
            writer.appendLengthDelimitedField(KPLAggregatedRecordFormat.recordsField, record.encoded)
        }
        return writer.bytes
    }
}
