/// Why the data of an aggregated record (magic number present, digest matching) could not be read.
///
/// Every case is caused by input, so the reader throws it rather than trapping. Offsets count bytes from the start
/// of the record's data (the magic number is at offset 0), so a failing record can be inspected with a hex dump.
/// Data without the magic number or with a wrong digest is not an error: it is an ordinary record.
public enum KPLAggregationError: Error, Sendable, Equatable {
    /// The input ends inside the tag, varint or fixed-width value that starts at `offset`.
    case truncated(offset: Int)
    /// The varint at `offset` runs past `KPLAggregationLimits.varintBytesMax` bytes or past 64 bits.
    case varintTooLong(offset: Int)
    /// The length-delimited field at `offset` declares `length` bytes but only `available` remain.
    case lengthBeyondBuffer(offset: Int, length: UInt64, available: Int)
    /// The tag at `offset` uses wire type 3 or 4 (groups, not in the schema) or 6 or 7 (undefined).
    case unsupportedWireType(offset: Int, wireType: UInt8)
    /// The tag at `offset` has field number 0 or one above `KPLAggregationLimits.fieldNumberMax`.
    case invalidFieldNumber(offset: Int)
    /// The tag at `offset` names a field of the schema with a wire type that field cannot have.
    case unexpectedWireType(offset: Int, fieldNumber: Int, wireType: UInt8)
    /// The `message` (`Record` or `Tag`) starting at `offset` lacks its required field `fieldNumber`.
    case missingRequiredField(message: String, fieldNumber: Int, offset: Int)
    /// User record `subSequenceNumber` points past the end of the partition key table.
    case partitionKeyIndexOutOfRange(subSequenceNumber: Int, index: UInt64, tableCount: Int)
    /// User record `subSequenceNumber` points past the end of the explicit hash key table.
    case explicitHashKeyIndexOutOfRange(subSequenceNumber: Int, index: UInt64, tableCount: Int)
}
