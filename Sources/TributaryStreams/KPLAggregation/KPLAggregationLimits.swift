/// Every bound the KPL aggregation reader enforces, with the reason it exists.
///
/// The reader never allocates more than its input implies: every length is checked against the bytes that remain
/// before anything is sliced, and the schema has a fixed depth (three messages), so there is no recursion to cap.
/// Memory for the result grows with the input: the smallest `Record` on the wire takes
/// `minimumRecordByteCount` bytes, so one aggregated record of `n` bytes yields at most `n / 6` user records.
public enum KPLAggregationLimits {
    /// Bytes of one protobuf varint: 64 bits at 7 bits per byte (protobuf encoding). A longer one is hostile input.
    public static let varintBytesMax = 10
    /// Largest protobuf field number (protobuf language guide: 2^29 - 1); a larger one cannot come from a schema.
    public static let fieldNumberMax = (1 << 29) - 1
    /// Bytes of the smallest `Record` inside an `AggregatedRecord`: tag and length (2), index field (2), empty data
    /// field (2). It bounds how many user records, and so how much memory, one input can produce.
    public static let minimumRecordByteCount = 6
}
