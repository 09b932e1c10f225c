/// An incremental (push) Matroska parser for PutMedia uploads.
///
/// It exists because PutMedia must read an endless chunked upload without buffering it: `feed` accepts chunks
/// split anywhere (even inside an id or a size) and reports headers, tracks, frames and whole clusters (each one a
/// fragment, with its raw bytes) as soon as they are complete. Memory stays bounded by one cluster plus one
/// metadata element; unknown-size Segments and Clusters end at the first following id that belongs to an
/// enclosing level (a new Cluster, Tags, Cues, a new EBML header, …), so concatenated documents read as a sequence.
///
/// Errors: when malformed bytes follow events completed in the same call, `feed` returns those events and the
/// error is thrown by the next `feed` or `finish`; once an error is thrown the reader stays failed.
public struct MatroskaStreamReader: Sendable {
    public let limits: MatroskaLimits

    var buffer: [UInt8] = []
    var readIndex = 0
    /// Stream offset of `buffer[0]`.
    var bufferOffset: Int64 = 0
    var state: State = .elementHeader
    var segment: OpenSegment?
    var cluster: OpenCluster?
    var sawHeader = false
    var tracksByNumber: [UInt64: MatroskaTrack]?
    var firstVideoTrack: UInt64?
    var info = MatroskaSegmentInfo()
    var failure: MatroskaError?

    /// The current document's EBML header, Info and Tracks elements (id, size and payload), so that storage can
    /// write each stored fragment as a complete document (header, Segment, Info, Tracks, Cluster) for GetMedia.
    public internal(set) var headerElement: [UInt8]?
    public internal(set) var infoElement: [UInt8]?
    public internal(set) var tracksElement: [UInt8]?

    enum State: Sendable {
        case elementHeader
        case skipping(remaining: UInt64)
        case buffering(id: EBMLElementID, size: Int, elementOffset: Int64)
    }

    struct OpenSegment: Sendable {
        var end: Int64?
    }

    struct TrackStats: Sendable {
        var first: Int64
        var last: Int64
        var count: Int
        var lastDuration: UInt64?
    }

    struct OpenCluster: Sendable {
        var offset: Int64
        var end: Int64?
        var headerLength: Int
        var bytes: [UInt8] = []
        var timecode: UInt64?
        var frameCount = 0
        var stats: [UInt64: TrackStats] = [:]
        var startsWithKeyframe: Bool?
    }

    public init(limits: MatroskaLimits = MatroskaLimits()) {
        self.limits = limits
    }

    /// Bytes of the stream consumed so far (the offset of the next unread byte).
    public var streamOffset: Int64 { bufferOffset &+ Int64(readIndex) }
    /// The tracks of the current document, once its Tracks element was read.
    public var tracks: [MatroskaTrack]? { tracksByNumber.map { $0.values.sorted { $0.number < $1.number } } }
    /// The current Segment's Info (defaults until an Info element is read).
    public var segmentInfo: MatroskaSegmentInfo { info }
    /// Whether a Cluster is open (its bytes are being collected).
    public var isInsideCluster: Bool { cluster != nil }

    /// Consumes the next chunk of the upload and returns the events it completed.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(MatroskaError) -> [MatroskaEvent] {
        if let failure { throw failure }
        compact()
        buffer.append(contentsOf: bytes)
        var events: [MatroskaEvent] = []
        do throws(MatroskaError) {
            try parse(into: &events)
        } catch {
            failure = error
            if events.isEmpty { throw error }
        }
        return events
    }

    /// Ends the stream: closes an unknown-size Cluster and Segment, and fails if the stream stopped inside an
    /// element or inside a known-size Segment or Cluster.
    @discardableResult
    public mutating func finish() throws(MatroskaError) -> [MatroskaEvent] {
        if let failure { throw failure }
        var events: [MatroskaEvent] = []
        do throws(MatroskaError) {
            try parse(into: &events)
            guard case .elementHeader = state, readIndex == buffer.count else {
                throw .truncated(offset: streamOffset, reason: "the stream ends inside an element")
            }
            if let open = cluster {
                guard open.end == nil else {
                    throw .truncated(offset: streamOffset, reason: "the stream ends inside a known-size Cluster")
                }
                try endCluster(into: &events)
            }
            if let open = segment {
                guard open.end == nil else {
                    throw .truncated(offset: streamOffset, reason: "the stream ends inside a known-size Segment")
                }
                endSegment(into: &events)
            }
        } catch {
            failure = error
            if events.isEmpty { throw error }
        }
        return events
    }

    // MARK: - Buffer

    mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
        } else {
            buffer.removeFirst(readIndex)
        }
        bufferOffset = bufferOffset &+ Int64(readIndex)
        readIndex = 0
    }

    /// Marks `count` buffered bytes as read, adding them to the open cluster's raw bytes.
    mutating func consume(_ count: Int) throws(MatroskaError) {
        if cluster != nil {
            cluster?.bytes.append(contentsOf: buffer[readIndex..<(readIndex + count)])
            if let open = cluster, open.bytes.count > limits.maximumClusterSize {
                throw .clusterTooLarge(offset: open.offset, size: UInt64(open.bytes.count),
                                       limit: limits.maximumClusterSize)
            }
        }
        readIndex += count
    }

    // MARK: - Parse loop

    mutating func parse(into events: inout [MatroskaEvent]) throws(MatroskaError) {
        while true {
            let available = buffer.count - readIndex
            switch state {
            case .skipping(let remaining):
                if remaining == 0 { state = .elementHeader; continue }
                guard available > 0 else { return }
                let count = Int(min(remaining, UInt64(available)))
                try consume(count)
                state = .skipping(remaining: remaining - UInt64(count))
            case .buffering(let id, let size, let elementOffset):
                guard available >= size else { return }
                let payload = EBMLPayload(bytes: buffer[readIndex..<(readIndex + size)], streamOffset: streamOffset)
                state = .elementHeader
                try consume(size)
                try handleElement(id, payload, elementOffset: elementOffset, into: &events)
            case .elementHeader:
                try closeFinishedContainers(into: &events)
                guard available > 0 else { return }
                guard try readElementHeader(into: &events) else { return }
            }
        }
    }

    /// Closes a known-size Cluster or Segment whose end has been reached.
    mutating func closeFinishedContainers(into events: inout [MatroskaEvent]) throws(MatroskaError) {
        if let end = cluster?.end, streamOffset >= end { try endCluster(into: &events) }
        if cluster == nil, let end = segment?.end, streamOffset >= end { endSegment(into: &events) }
    }

    /// Decodes the id and size at the read position and decides what to do with the element; false when more
    /// bytes are needed.
    mutating func readElementHeader(into events: inout [MatroskaEvent]) throws(MatroskaError) -> Bool {
        let offset = streamOffset
        let rest = buffer[readIndex...]
        let id: EBMLElementID
        let idLength: Int
        switch EBMLVarint.decodeID(rest) {
        case .value(let value, let length): (id, idLength) = (value, length)
        case .needMoreData: return false
        case .invalid(let reason): throw .invalidData(offset: offset, reason: reason)
        }
        let size: UInt64?
        let headerLength: Int
        switch EBMLVarint.decodeSize(buffer[(readIndex + idLength)...]) {
        case .value(let value, let length): (size, headerLength) = (value, idLength + length)
        case .needMoreData: return false
        case .invalid(let reason): throw .invalidData(offset: offset, reason: "element \(id): \(reason)")
        }

        // An unknown-size element ends at the first id that belongs to an enclosing level.
        if let open = cluster, open.end == nil, !EBMLElementID.clusterChildren.contains(id),
           EBMLElementID.segmentChildren.contains(id) || EBMLElementID.topLevel.contains(id) {
            try endCluster(into: &events)
        }
        if cluster == nil, let open = segment, open.end == nil, EBMLElementID.topLevel.contains(id) {
            endSegment(into: &events)
        }

        // The element must fit in every known-size container around it.
        let enclosingEnd = [cluster?.end, segment?.end].compactMap { $0 }.min()
        let payloadStart = offset &+ Int64(headerLength)
        if let enclosingEnd {
            let room = enclosingEnd &- payloadStart
            guard room >= 0 else {
                throw .invalidData(offset: offset, reason: "element \(id) header overruns its parent")
            }
            if let size, size > UInt64(room) {
                throw .invalidData(offset: offset, reason: "element \(id) of \(size) bytes overruns its parent")
            }
        }

        if cluster != nil {
            try clusterChild(id, size: size, offset: offset, headerLength: headerLength)
        } else if segment != nil {
            try segmentChild(id, size: size, offset: offset, headerLength: headerLength)
        } else {
            try topLevelElement(id, size: size, offset: offset, headerLength: headerLength)
        }
        return true
    }

    mutating func clusterChild(_ id: EBMLElementID, size: UInt64?, offset: Int64,
                               headerLength: Int) throws(MatroskaError) {
        if !EBMLElementID.clusterChildren.contains(id),
           EBMLElementID.segmentChildren.contains(id) || EBMLElementID.topLevel.contains(id) {
            throw .invalidData(offset: offset, reason: "element \(id) is not allowed inside a Cluster")
        }
        guard let size else {
            throw .invalidData(offset: offset, reason: "element \(id) has an unknown size inside a Cluster")
        }
        switch id {
        case .timecode, .simpleBlock, .blockGroup:
            guard size <= UInt64(limits.maximumClusterSize) else {
                throw .clusterTooLarge(offset: cluster?.offset ?? offset, size: size, limit: limits.maximumClusterSize)
            }
            try consume(headerLength)
            state = .buffering(id: id, size: Int(size), elementOffset: offset)
        default:
            try consume(headerLength)
            state = .skipping(remaining: size)
        }
    }

    mutating func segmentChild(_ id: EBMLElementID, size: UInt64?, offset: Int64,
                               headerLength: Int) throws(MatroskaError) {
        switch id {
        case .cluster:
            guard tracksByNumber != nil else { throw .missingTrackInfo(offset: offset) }
            let limit = limits.maximumClusterSize
            if let size, size > UInt64(limit) || Int(size) + headerLength > limit {
                throw .clusterTooLarge(offset: offset, size: size &+ UInt64(headerLength), limit: limit)
            }
            cluster = OpenCluster(offset: offset, end: size.map { offset &+ Int64(headerLength) &+ Int64($0) },
                                  headerLength: headerLength)
            try consume(headerLength)
        case .info, .tracks, .tags:
            try bufferWhole(id, size: size, offset: offset, headerLength: headerLength)
        case .ebmlHeader, .segment:
            throw .invalidData(offset: offset, reason: "element \(id) is not allowed inside a Segment")
        default:
            guard let size else {
                throw .invalidData(offset: offset, reason: "element \(id) has an unknown size inside a Segment")
            }
            try consume(headerLength)
            state = .skipping(remaining: size)
        }
    }

    mutating func topLevelElement(_ id: EBMLElementID, size: UInt64?, offset: Int64,
                                  headerLength: Int) throws(MatroskaError) {
        switch id {
        case .ebmlHeader:
            try bufferWhole(id, size: size, offset: offset, headerLength: headerLength)
        case .segment:
            guard sawHeader else {
                throw .invalidData(offset: offset, reason: "Segment without a preceding EBML header")
            }
            segment = OpenSegment(end: size.map { offset &+ Int64(headerLength) &+ Int64($0) })
            tracksByNumber = nil
            firstVideoTrack = nil
            info = MatroskaSegmentInfo()
            infoElement = nil
            tracksElement = nil
            try consume(headerLength)
        case .void, .crc32:
            guard let size else {
                throw .invalidData(offset: offset, reason: "element \(id) has an unknown size")
            }
            try consume(headerLength)
            state = .skipping(remaining: size)
        default:
            throw .invalidData(offset: offset, reason: "unexpected element \(id) outside a Segment")
        }
    }

    mutating func bufferWhole(_ id: EBMLElementID, size: UInt64?, offset: Int64,
                              headerLength: Int) throws(MatroskaError) {
        guard let size else {
            throw .invalidData(offset: offset, reason: "element \(id) has an unknown size")
        }
        guard size <= UInt64(limits.maximumMetadataSize) else {
            throw .elementTooLarge(offset: offset, id: id, size: size, limit: limits.maximumMetadataSize)
        }
        try consume(headerLength)
        state = .buffering(id: id, size: Int(size), elementOffset: offset)
    }
}
