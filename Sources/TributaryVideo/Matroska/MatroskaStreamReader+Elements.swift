/// What the reader does with each element it buffered whole, and how clusters and segments end.
extension MatroskaStreamReader {
    mutating func handleElement(_ id: EBMLElementID, _ payload: EBMLPayload, elementOffset: Int64,
                                into events: inout [MatroskaEvent]) throws(MatroskaError) {
        switch id {
        case .ebmlHeader:
            let header = try MatroskaMetadataParser.header(payload)
            sawHeader = true
            headerElement = Self.element(id, payload)
            events.append(.header(header))
        case .info:
            info = try MatroskaMetadataParser.info(payload)
            infoElement = Self.element(id, payload)
            events.append(.info(info))
        case .tracks:
            let tracks = try MatroskaMetadataParser.tracks(payload, limits: limits)
            tracksByNumber = Dictionary(tracks.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
            firstVideoTrack = tracks.first { $0.kind == .video }?.number
            tracksElement = Self.element(id, payload)
            events.append(.tracks(tracks))
        case .tags:
            events.append(.tags(try MatroskaMetadataParser.tags(payload)))
        case .timecode:
            guard cluster?.timecode == nil else {
                throw .invalidData(offset: elementOffset, reason: "Cluster with two Timecode elements")
            }
            let timecode = try payload.unsigned()
            guard timecode <= UInt64(Int64.max) else {
                throw .invalidData(offset: elementOffset, reason: "Cluster Timecode \(timecode) out of range")
            }
            cluster?.timecode = timecode
            events.append(.clusterStarted(timecode: timecode))
        case .simpleBlock:
            let block = try MatroskaBlockParser.parse(payload)
            try emitFrames(block, keyframe: block.flags & 0x80 != 0, duration: nil, offset: elementOffset,
                           into: &events)
        case .blockGroup:
            var block: MatroskaBlockParser.Block?
            var duration: UInt64?
            var referenced = false
            for child in try payload.children() {
                switch child.id {
                case .block: block = try MatroskaBlockParser.parse(child.payload)
                case .blockDuration: duration = try child.payload.unsigned()
                case .referenceBlock: referenced = true
                default: break
                }
            }
            guard let block else {
                throw .invalidData(offset: elementOffset, reason: "BlockGroup without a Block")
            }
            try emitFrames(block, keyframe: !referenced, duration: duration, offset: elementOffset, into: &events)
        default:
            break
        }
    }

    mutating func emitFrames(_ block: MatroskaBlockParser.Block, keyframe: Bool, duration: UInt64?, offset: Int64,
                             into events: inout [MatroskaEvent]) throws(MatroskaError) {
        guard let timecode = cluster?.timecode else {
            throw .invalidData(offset: offset, reason: "block before the Cluster Timecode")
        }
        guard tracksByNumber?[block.trackNumber] != nil else {
            throw .undeclaredTrack(offset: offset, trackNumber: block.trackNumber)
        }
        let absolute = Int64(timecode) &+ Int64(block.relativeTimecode)
        if cluster?.startsWithKeyframe == nil, firstVideoTrack == nil || firstVideoTrack == block.trackNumber {
            cluster?.startsWithKeyframe = keyframe
        }
        for bytes in block.frames {
            let frame = MatroskaFrame(trackNumber: block.trackNumber, relativeTimecode: block.relativeTimecode,
                                      absoluteTimecode: absolute, isKeyframe: keyframe, duration: duration,
                                      bytes: Array(bytes))
            cluster?.frameCount += 1
            if var stats = cluster?.stats[block.trackNumber] {
                stats.first = min(stats.first, absolute)
                stats.last = max(stats.last, absolute)
                stats.count += 1
                if absolute >= stats.last { stats.lastDuration = duration }
                cluster?.stats[block.trackNumber] = stats
            } else {
                cluster?.stats[block.trackNumber] = TrackStats(first: absolute, last: absolute, count: 1,
                                                               lastDuration: duration)
            }
            events.append(.frame(frame))
        }
    }

    mutating func endCluster(into events: inout [MatroskaEvent]) throws(MatroskaError) {
        guard let open = cluster else { return }
        cluster = nil
        guard let timecode = open.timecode else {
            throw .invalidData(offset: open.offset, reason: "Cluster without a Timecode")
        }
        let start = Int64(timecode)
        var end = start
        for (number, stats) in open.stats {
            var frameLength: Int64 = 0
            if let duration = stats.lastDuration {
                frameLength = Int64(clamping: duration)
            } else if let nanoseconds = tracksByNumber?[number]?.defaultDuration {
                frameLength = Int64(clamping: nanoseconds / max(info.timecodeScale, 1))
            } else if stats.count > 1 {
                frameLength = (stats.last &- stats.first) / Int64(stats.count - 1)
            }
            end = max(end, stats.last &+ frameLength)
        }
        let summary = MatroskaCluster(
            timecode: timecode, timecodeScale: info.timecodeScale, frameCount: open.frameCount,
            framesPerTrack: open.stats.mapValues(\.count), startsWithKeyframe: open.startsWithKeyframe ?? false,
            streamOffset: open.offset, headerLength: open.headerLength,
            durationEstimate: UInt64(max(0, end &- start)), bytes: open.bytes)
        events.append(.clusterEnded(summary))
    }

    /// Re-encodes a buffered element with the shortest size.
    static func element(_ id: EBMLElementID, _ payload: EBMLPayload) -> [UInt8] {
        EBMLVarint.encodeID(id) + (EBMLVarint.encodeSize(UInt64(payload.bytes.count)) ?? EBMLVarint.unknownSize())
            + payload.bytes
    }

    mutating func endSegment(into events: inout [MatroskaEvent]) {
        segment = nil
        events.append(.segmentEnded)
    }
}
