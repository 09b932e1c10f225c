/// Bounds of the wire decoders, with their reasons.
public enum WireLimits {
    /// Deepest nesting a decoder accepts: AWS requests nest a handful of levels; hostile input could nest until the
    /// stack overflows.
    public static let nestingDepthMax = 64
}
