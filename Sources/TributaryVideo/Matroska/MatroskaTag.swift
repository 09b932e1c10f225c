/// One Tag element; Kinesis Video producers put fragment metadata in Tags between clusters, and GetMedia writes
/// AWS_KINESISVIDEO_* tags, so both directions need them as data rather than skipped bytes.
public struct MatroskaTag: Equatable, Sendable {
    /// TargetTypeValue from Targets, when present (50 = episode/fragment level by convention).
    public var targetTypeValue: UInt64?
    public var trackUIDs: [UInt64]
    public var simpleTags: [MatroskaSimpleTag]

    public init(targetTypeValue: UInt64? = nil, trackUIDs: [UInt64] = [], simpleTags: [MatroskaSimpleTag]) {
        self.targetTypeValue = targetTypeValue
        self.trackUIDs = trackUIDs
        self.simpleTags = simpleTags
    }
}

/// A SimpleTag: a name with a string or binary value, possibly with nested SimpleTags.
public struct MatroskaSimpleTag: Equatable, Sendable {
    public var name: String
    public var string: String?
    public var binary: [UInt8]?
    public var children: [MatroskaSimpleTag]

    public init(name: String, string: String? = nil, binary: [UInt8]? = nil, children: [MatroskaSimpleTag] = []) {
        self.name = name
        self.string = string
        self.binary = binary
        self.children = children
    }
}
