/// One record taken from a streaming source, with what the application's input stream derives from it: the
/// approximate arrival time (which is also the row's ROWTIME) and which in-application input stream it feeds
/// (by shard, when InputParallelism is above one).
struct SourceRecord {
    var data: [UInt8]
    var arrivalMs: Int64
    var streamIndex: Int
}
