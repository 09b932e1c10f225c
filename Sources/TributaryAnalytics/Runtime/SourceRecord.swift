/// One record taken from a streaming source, with what the application's input stream derives from it: the
/// approximate arrival time (which is also the row's ROWTIME) and which in-application input stream it feeds
/// (by shard, when InputParallelism is above one).
struct SourceRecord {
    var data: [UInt8]
    var arrivalMs: Int64
    var streamIndex: Int
    /// Where a data stream's record was read (nil for a delivery stream's): the `kinesisStreamRecordMetadata` of
    /// the input preprocessing event.
    var kinesis: KinesisOrigin? = nil

    /// A data stream record's shard, partition key and sequence number, kept so that a Lambda preprocessor sees
    /// them as it would on AWS.
    struct KinesisOrigin {
        var shardId: String
        var partitionKey: String
        var sequenceNumber: String
    }
}
