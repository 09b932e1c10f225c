/// The layout of a Kinesis Producer Library (KPL) aggregated record, shared by the reader and the writer.
///
/// The KPL packs many small user records into the data of one Kinesis record, so that producers are not held to
/// 1,000 records per second per shard. Consumers (the KCL, Lambda deaggregators) unpack them again; Tributary reads
/// the same format so that its own consumers and tools can see the user records.
///
/// Layout of the data of one aggregated record, `n` bytes in all (offsets and sizes in bytes):
///
/// | Offset   | Size     | Content                                                        |
/// |----------|----------|----------------------------------------------------------------|
/// | 0        | 4        | magic number `F3 89 9A C2`                                     |
/// | 4        | n - 20   | protobuf (proto2) `AggregatedRecord`, schema below             |
/// | n - 16   | 16       | MD5 digest of the protobuf bytes (offsets 4 ..< n - 16)        |
///
/// ```
/// message AggregatedRecord {
///   repeated string partition_key_table     = 1;
///   repeated string explicit_hash_key_table = 2;
///   repeated Record records                 = 3;
/// }
/// message Record {
///   required uint64 partition_key_index     = 1;  // index into partition_key_table
///   optional uint64 explicit_hash_key_index = 2;  // index into explicit_hash_key_table
///   required bytes  data                    = 3;
///   repeated Tag    tags                    = 4;
/// }
/// message Tag {
///   required string key   = 1;
///   optional string value = 2;
/// }
/// ```
///
/// Each protobuf field on the wire is a tag varint (`fieldNumber << 3 | wireType`, see `ProtobufWireType`) followed
/// by its value; strings, bytes and nested messages are a length varint followed by that many bytes.
///
/// Invariant: a record is read as aggregated only when it is longer than 20 bytes, starts with the magic number and
/// its trailing digest matches; anything else is an ordinary record, as the KCL treats it.
enum KPLAggregatedRecordFormat {
    /// The first four bytes of every aggregated record.
    static let magic: [UInt8] = [0xF3, 0x89, 0x9A, 0xC2]
    /// Size of the trailing MD5 digest.
    static let digestByteCount = 16
    /// Bytes around the protobuf: the magic number before it and the digest after it.
    static let framingByteCount = magic.count + digestByteCount

    /// Field numbers of `AggregatedRecord`.
    static let partitionKeyTableField = 1
    static let explicitHashKeyTableField = 2
    static let recordsField = 3

    /// Field numbers of `Record`.
    static let partitionKeyIndexField = 1
    static let explicitHashKeyIndexField = 2
    static let dataField = 3
    static let tagsField = 4

    /// Field numbers of `Tag`.
    static let tagKeyField = 1
    static let tagValueField = 2
}
