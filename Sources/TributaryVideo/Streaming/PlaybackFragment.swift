/// A stored fragment as a streaming session lists it, with its place in the stream.
///
/// `ordinal` counts the stream's fragments: it grows by exactly 1 from one fragment to the next, whatever their
/// fragment numbers (which grow by storage offsets). It becomes the HLS media sequence number, so a player reloading
/// a live playlist recognises the fragments it already has.
public struct PlaybackFragment: Sendable, Equatable {
    public var ordinal: UInt64
    public var fragment: StoredFragment

    public init(ordinal: UInt64, fragment: StoredFragment) {
        self.ordinal = ordinal
        self.fragment = fragment
    }
}
