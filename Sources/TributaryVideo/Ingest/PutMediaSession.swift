/// The ingest side of one PutMedia upload: reads its Matroska chunks and decides, per fragment (= Cluster), which
/// acknowledgements to send and what to store.
///
/// It exists so that the HTTP layer only moves bytes: it feeds each received chunk, performs the returned steps in
/// order (send an acknowledgement line, store a fragment then send PERSISTED, or send an ERROR and end), and calls
/// `finish` when the body ends. A value type without I/O, so every rule is tested without a server.
///
/// Rules (AWS's): BUFFERING when a cluster's Timecode arrives (the server timestamp is taken then), RECEIVED and a
/// store when it ends. The producer timestamp is the cluster timecode (ABSOLUTE) or the producer start timestamp
/// plus the cluster timecode (RELATIVE; without a start timestamp, the server time of the first byte). An error
/// ends the session with one `.fail`; fragments completed before it have already been returned as `.store`.
/// Memory is bounded by the reader's limits plus the fragment metadata limits.
public struct PutMediaSession: Sendable {
    public let timecodeType: FragmentTimecodeType
    public let limits: PutMediaLimits
    /// RELATIVE's base in milliseconds since 1970; once the first byte arrives it is never nil for RELATIVE.
    public private(set) var producerStartTimestampMs: Int64?
    /// Whether the session has ended (an error, or `finish`); later calls return no steps.
    public private(set) var isOver = false

    let now: @Sendable () -> Int64
    var reader: MatroskaStreamReader
    /// The Info and Tracks of the document being read, as of the event being handled.
    var head = DocumentHead()
    /// Producer Tags received since the previous cluster ended.
    var metadata = FragmentMetadata()
    /// The cluster being read, from its Timecode to its end.
    var openFragment: OpenFragment?
    /// Timecode (ms) of the cluster being read, for ERROR acknowledgements; set before the cluster's checks.
    var currentTimecodeMs: Int64?
    var previousProducerTimestampMs: Int64?

    struct OpenFragment: Sendable {
        var timecodeMs: Int64
        var producerTimestampMs: Int64
        var serverTimestampMs: Int64
        /// The cluster Timecode to store: the producer timestamp in the segment's ticks.
        var absoluteTimecode: UInt64
        var tags: [MatroskaTag]
    }

    /// - Parameters:
    ///   - now: the server clock in milliseconds since 1970 (tests inject one).
    public init(timecodeType: FragmentTimecodeType, producerStartTimestampMs: Int64?,
                limits: PutMediaLimits = PutMediaLimits(), now: @escaping @Sendable () -> Int64) {
        self.timecodeType = timecodeType
        self.producerStartTimestampMs = producerStartTimestampMs
        self.limits = limits
        self.now = now
        self.reader = MatroskaStreamReader(limits: limits.matroska)
    }

    /// Consumes the next chunk of the upload and returns what to do, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [PutMediaStep] {
        guard !isOver else { return [] }
        if timecodeType == .relative, producerStartTimestampMs == nil, !bytes.isEmpty {
            producerStartTimestampMs = now()
        }
        var steps: [PutMediaStep] = []
        do throws(PutMediaError) {
            let events: [MatroskaEvent]
            do { events = try reader.feed(bytes) } catch { throw PutMediaError(error) }
            try handle(events, into: &steps)
            if let failure = reader.failure { throw PutMediaError(failure) }
        } catch {
            fail(error, into: &steps)
        }
        return steps
    }

    /// End of the upload. A stream that stops inside an element or inside a known-size Cluster or Segment is
    /// an ERROR 4006 (INVALID_MKV_DATA); an unknown-size Cluster still open is complete and is received and stored;
    /// a clean end adds no other step.
    public mutating func finish() -> [PutMediaStep] {
        guard !isOver else { return [] }
        var steps: [PutMediaStep] = []
        do throws(PutMediaError) {
            let events: [MatroskaEvent]
            do { events = try reader.finish() } catch { throw PutMediaError(error) }
            try handle(events, into: &steps)
            if let failure = reader.failure { throw PutMediaError(failure) }
        } catch {
            fail(error, into: &steps)
        }
        isOver = true
        return steps
    }

    mutating func fail(_ error: PutMediaError, into steps: inout [PutMediaStep]) {
        steps.append(.fail(.error(error, timecode: currentTimecodeMs)))
        isOver = true
    }
}
