/// Encoders for the EBML elements this server writes itself: the header and Segment opening of every GetMedia
/// chunk, the AWS_KINESISVIDEO_* Tags, a rewritten Cluster Timecode, and Info or Tracks rebuilt from parsed values.
///
/// It exists so that ingest and GetMedia share one way of writing elements, always in the shortest size encoding
/// and always with a known size (the only unknown size written is the Segment opening, via `unknownSizeHeader`).
public enum EBMLWriter {
    /// One element: id, shortest size, payload.
    public static func element(_ id: EBMLElementID, _ payload: some Collection<UInt8>) -> [UInt8] {
        guard let size = EBMLVarint.encodeSize(UInt64(payload.count)) else {
            preconditionFailure("an in-memory payload of \(payload.count) bytes cannot exceed EBML's largest size")
        }
        return EBMLVarint.encodeID(id) + size + payload
    }

    /// A master element whose payload is its already encoded children, in order.
    public static func master(_ id: EBMLElementID, _ children: [[UInt8]]) -> [UInt8] {
        element(id, children.joined())
    }

    /// An unsigned integer element in the fewest bytes (at least one).
    public static func unsigned(_ id: EBMLElementID, _ value: UInt64) -> [UInt8] {
        let length = max(1, (64 - value.leadingZeroBitCount + 7) / 8)
        return element(id, (0..<length).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(length - 1 - $0))) })
    }

    /// A float element as an 8-byte IEEE double.
    public static func float(_ id: EBMLElementID, _ value: Double) -> [UInt8] {
        let bits = value.bitPattern
        return element(id, (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64($0))) })
    }

    /// A UTF-8 string element (no NUL terminator).
    public static func string(_ id: EBMLElementID, _ text: String) -> [UInt8] {
        element(id, Array(text.utf8))
    }

    /// A binary element.
    public static func binary(_ id: EBMLElementID, _ bytes: [UInt8]) -> [UInt8] {
        element(id, bytes)
    }

    /// The id and 8-byte unknown-size marker that open an element whose end is found by reading (a live Segment).
    public static func unknownSizeHeader(_ id: EBMLElementID) -> [UInt8] {
        EBMLVarint.encodeID(id) + EBMLVarint.unknownSize()
    }

    /// The EBML header of a Matroska document: EBML version 1, ids up to 4 bytes, sizes up to 8 bytes,
    /// DocTypeVersion 4 and DocTypeReadVersion 2 (SimpleBlock needs 2).
    public static func ebmlHeader(docType: String = "matroska") -> [UInt8] {
        master(.ebmlHeader, [
            unsigned(.ebmlVersion, 1), unsigned(.ebmlReadVersion, 1),
            unsigned(.ebmlMaxIDLength, UInt64(EBMLVarint.maximumIDLength)),
            unsigned(.ebmlMaxSizeLength, UInt64(EBMLVarint.maximumSizeLength)),
            string(.docType, docType), unsigned(.docTypeVersion, 4), unsigned(.docTypeReadVersion, 2),
        ])
    }

    /// A Tags element holding `tags` in order; each Tag gets a Targets child (Matroska requires one).
    public static func tags(_ tags: [MatroskaTag]) -> [UInt8] {
        master(.tags, tags.map { tag in
            var targets: [[UInt8]] = []
            if let value = tag.targetTypeValue { targets.append(unsigned(.targetTypeValue, value)) }
            targets += tag.trackUIDs.map { unsigned(.tagTrackUID, $0) }
            return master(.tag, [master(.targets, targets)] + tag.simpleTags.map(simpleTag))
        })
    }

    static func simpleTag(_ tag: MatroskaSimpleTag) -> [UInt8] {
        var children = [string(.tagName, tag.name)]
        if let text = tag.string { children.append(string(.tagString, text)) }
        if let bytes = tag.binary { children.append(binary(.tagBinary, bytes)) }
        children += tag.children.map(simpleTag)
        return master(.simpleTag, children)
    }
}
