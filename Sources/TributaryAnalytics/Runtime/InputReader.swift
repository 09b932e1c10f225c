/// A streaming source as the application loop reads it: records released in arrival order with a watermark, and
/// a checkpoint that says where to resume.
protocol InputReader: AnyObject {
    /// The position to resume from, covering every record released so far.
    var checkpoint: InputCheckpoint { get }
    /// No record still to come arrived before this (milliseconds since the epoch).
    var watermark: Int64 { get }
    /// What is ready, in arrival order; `moved` is false when nothing new was read (the loop may pause).
    func next() throws -> (records: [SourceRecord], moved: Bool)
    /// Called once the checkpoint is durable: the source may forget what came before it.
    func committed() throws
}
