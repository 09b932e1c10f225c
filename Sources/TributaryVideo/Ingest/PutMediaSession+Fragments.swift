/// How the session turns reader events into acknowledgements and stored fragments.
extension PutMediaSession {
    mutating func handle(_ events: [MatroskaEvent], into steps: inout [PutMediaStep]) throws(PutMediaError) {
        // The reader's raw Info and Tracks are those of the last document it read. An Info or Tracks event that is
        // not the last of its kind in this batch, or that a Segment end follows, was replaced before we saw it, so
        // its element is rebuilt from the parsed values instead.
        let lastSegmentEnd = events.lastIndex(of: .segmentEnded) ?? -1
        let lastInfo = events.lastIndex { if case .info = $0 { true } else { false } }
        let lastTracks = events.lastIndex { if case .tracks = $0 { true } else { false } }
        for (index, event) in events.enumerated() {
            switch event {
            case .header, .frame:
                continue
            case .info(let info):
                let isCurrent = index == lastInfo && index > lastSegmentEnd
                head.info = (isCurrent ? reader.infoElement : nil) ?? DocumentHead.infoElement(info)
                head.timecodeScale = info.timecodeScale
            case .tracks(let tracks):
                let isCurrent = index == lastTracks && index > lastSegmentEnd
                head.tracks = (isCurrent ? reader.tracksElement : nil) ?? DocumentHead.tracksElement(tracks)
            case .segmentEnded:
                head = DocumentHead()
            case .tags(let tags):
                try metadata.add(tags, limits: limits)
            case .clusterStarted(let timecode):
                try startFragment(timecode: timecode, into: &steps)
            case .clusterEnded(let cluster):
                try endFragment(cluster, into: &steps)
            }
        }
    }

    mutating func startFragment(timecode: UInt64, into steps: inout [PutMediaStep]) throws(PutMediaError) {
        let scale = head.timecodeScale
        let timecodeMs = MatroskaCluster.milliseconds(ticks: timecode, scale: scale)
        currentTimecodeMs = timecodeMs
        var producerTimestampMs = timecodeMs
        var absoluteTimecode = timecode
        if timecodeType == .relative, let start = producerStartTimestampMs {
            let (sum, overflow) = start.addingReportingOverflow(timecodeMs)
            guard !overflow, sum >= 0, let startTicks = Self.ticks(milliseconds: start, scale: scale) else {
                throw .invalidProducerTimestamp(
                    "producer start timestamp \(start) ms plus cluster timecode \(timecodeMs) ms is not a valid time")
            }
            let (ticks, tickOverflow) = timecode.addingReportingOverflow(startTicks)
            guard !tickOverflow, ticks <= UInt64(Int64.max) else {
                throw .invalidProducerTimestamp("cluster timecode \(timecode) plus the start overflows")
            }
            (producerTimestampMs, absoluteTimecode) = (sum, ticks)
        }
        if let previous = previousProducerTimestampMs, producerTimestampMs < previous {
            throw .timecodeWentBackwards(producerTimestampMs: producerTimestampMs, previousMs: previous)
        }
        openFragment = OpenFragment(timecodeMs: timecodeMs, producerTimestampMs: producerTimestampMs,
                                    serverTimestampMs: now(), absoluteTimecode: absoluteTimecode,
                                    tags: metadata.take())
        steps.append(.acknowledge(.buffering(timecode: timecodeMs)))
    }

    mutating func endFragment(_ cluster: MatroskaCluster, into steps: inout [PutMediaStep]) throws(PutMediaError) {
        guard let open = openFragment else {
            preconditionFailure("the reader ends a cluster only after reporting its Timecode")
        }
        let durationMs = cluster.durationMilliseconds
        guard durationMs <= limits.maximumFragmentDurationMs else {
            throw .fragmentTooLong(durationMs: durationMs, limitMs: limits.maximumFragmentDurationMs)
        }
        let input = FragmentInput(
            producerTimestampMs: open.producerTimestampMs, serverTimestampMs: open.serverTimestampMs,
            durationMs: durationMs, head: head.bytes,
            cluster: ClusterTimecodeRewriter.knownSizeCluster(cluster, timecode: open.absoluteTimecode),
            tags: open.tags.isEmpty ? [] : EBMLWriter.tags(open.tags))
        previousProducerTimestampMs = open.producerTimestampMs
        openFragment = nil
        currentTimecodeMs = nil
        steps.append(.acknowledge(.received(timecode: open.timecodeMs)))
        steps.append(.store(input, fragmentTimecode: open.timecodeMs))
    }

    /// Milliseconds as ticks of `scale` nanoseconds (rounded down); nil when negative or too large.
    static func ticks(milliseconds: Int64, scale: UInt64) -> UInt64? {
        guard milliseconds >= 0 else { return nil }
        let product = UInt64(milliseconds).multipliedFullWidth(by: 1_000_000)
        guard product.high < scale else { return nil }
        return scale.dividingFullWidth(product).quotient
    }
}
