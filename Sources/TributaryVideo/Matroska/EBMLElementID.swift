/// An EBML element id, with its length marker as written in the stream (e.g. 0x1F43B675 for a Cluster).
///
/// It exists to give the Matroska elements PutMedia, storage and GetMedia care about readable names, so no
/// component spells magic numbers, and to know which elements may legally nest where (which is how an
/// unknown-size Segment or Cluster is ended).
public struct EBMLElementID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public var description: String { "0x" + String(rawValue, radix: 16, uppercase: true) }

    // Global elements, legal anywhere.
    public static let void = EBMLElementID(rawValue: 0xEC)
    public static let crc32 = EBMLElementID(rawValue: 0xBF)

    // EBML header.
    public static let ebmlHeader = EBMLElementID(rawValue: 0x1A45_DFA3)
    public static let ebmlVersion = EBMLElementID(rawValue: 0x4286)
    public static let ebmlReadVersion = EBMLElementID(rawValue: 0x42F7)
    public static let ebmlMaxIDLength = EBMLElementID(rawValue: 0x42F2)
    public static let ebmlMaxSizeLength = EBMLElementID(rawValue: 0x42F3)
    public static let docType = EBMLElementID(rawValue: 0x4282)
    public static let docTypeVersion = EBMLElementID(rawValue: 0x4287)
    public static let docTypeReadVersion = EBMLElementID(rawValue: 0x4285)

    // Segment and its top-level children.
    public static let segment = EBMLElementID(rawValue: 0x1853_8067)
    public static let seekHead = EBMLElementID(rawValue: 0x114D_9B74)
    public static let info = EBMLElementID(rawValue: 0x1549_A966)
    public static let tracks = EBMLElementID(rawValue: 0x1654_AE6B)
    public static let cluster = EBMLElementID(rawValue: 0x1F43_B675)
    public static let cues = EBMLElementID(rawValue: 0x1C53_BB6B)
    public static let tags = EBMLElementID(rawValue: 0x1254_C367)
    public static let chapters = EBMLElementID(rawValue: 0x1043_A770)
    public static let attachments = EBMLElementID(rawValue: 0x1941_A469)

    // Info.
    public static let timecodeScale = EBMLElementID(rawValue: 0x2A_D7B1)
    public static let duration = EBMLElementID(rawValue: 0x4489)
    public static let muxingApp = EBMLElementID(rawValue: 0x4D80)
    public static let writingApp = EBMLElementID(rawValue: 0x5741)
    public static let title = EBMLElementID(rawValue: 0x7BA9)
    public static let dateUTC = EBMLElementID(rawValue: 0x4461)
    public static let segmentUID = EBMLElementID(rawValue: 0x73A4)

    // Tracks.
    public static let trackEntry = EBMLElementID(rawValue: 0xAE)
    public static let trackNumber = EBMLElementID(rawValue: 0xD7)
    public static let trackUID = EBMLElementID(rawValue: 0x73C5)
    public static let trackType = EBMLElementID(rawValue: 0x83)
    public static let codecID = EBMLElementID(rawValue: 0x86)
    public static let codecPrivate = EBMLElementID(rawValue: 0x63A2)
    public static let codecName = EBMLElementID(rawValue: 0x25_8688)
    public static let defaultDuration = EBMLElementID(rawValue: 0x23_E383)
    public static let trackName = EBMLElementID(rawValue: 0x536E)
    public static let language = EBMLElementID(rawValue: 0x22_B59C)
    public static let video = EBMLElementID(rawValue: 0xE0)
    public static let pixelWidth = EBMLElementID(rawValue: 0xB0)
    public static let pixelHeight = EBMLElementID(rawValue: 0xBA)
    public static let audio = EBMLElementID(rawValue: 0xE1)
    public static let samplingFrequency = EBMLElementID(rawValue: 0xB5)
    public static let channels = EBMLElementID(rawValue: 0x9F)
    public static let bitDepth = EBMLElementID(rawValue: 0x6264)

    // Cluster.
    public static let timecode = EBMLElementID(rawValue: 0xE7)
    public static let silentTracks = EBMLElementID(rawValue: 0x5854)
    public static let position = EBMLElementID(rawValue: 0xA7)
    public static let prevSize = EBMLElementID(rawValue: 0xAB)
    public static let simpleBlock = EBMLElementID(rawValue: 0xA3)
    public static let blockGroup = EBMLElementID(rawValue: 0xA0)
    public static let block = EBMLElementID(rawValue: 0xA1)
    public static let blockDuration = EBMLElementID(rawValue: 0x9B)
    public static let referenceBlock = EBMLElementID(rawValue: 0xFB)
    public static let encryptedBlock = EBMLElementID(rawValue: 0xAF)

    // Tags.
    public static let tag = EBMLElementID(rawValue: 0x7373)
    public static let targets = EBMLElementID(rawValue: 0x63C0)
    public static let targetTypeValue = EBMLElementID(rawValue: 0x68CA)
    public static let tagTrackUID = EBMLElementID(rawValue: 0x63C5)
    public static let simpleTag = EBMLElementID(rawValue: 0x67C8)
    public static let tagName = EBMLElementID(rawValue: 0x45A3)
    public static let tagLanguage = EBMLElementID(rawValue: 0x447A)
    public static let tagString = EBMLElementID(rawValue: 0x4487)
    public static let tagBinary = EBMLElementID(rawValue: 0x4485)

    // Cues (skipped, but named so callers can recognise them).
    public static let cuePoint = EBMLElementID(rawValue: 0xBB)

    /// Ids that live at the top level of a stream (outside any Segment).
    public static let topLevel: Set<EBMLElementID> = [.ebmlHeader, .segment]
    /// Ids that are children of a Segment.
    public static let segmentChildren: Set<EBMLElementID> = [
        .seekHead, .info, .tracks, .cluster, .cues, .tags, .chapters, .attachments, .void, .crc32,
    ]
    /// Ids that are children of a Cluster.
    public static let clusterChildren: Set<EBMLElementID> = [
        .timecode, .silentTracks, .position, .prevSize, .simpleBlock, .blockGroup, .encryptedBlock, .void, .crc32,
    ]
}
