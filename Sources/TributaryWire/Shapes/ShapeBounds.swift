/// The `min` and `max` traits of a model shape: a length for strings, blobs, lists and maps (characters, bytes,
/// elements or entries), a value for numbers. Either side may be absent.
struct ShapeBounds<Bound: Comparable & Sendable>: Sendable {
    let min: Bound?
    let max: Bound?

    init(min: Bound?, max: Bound?) {
        self.min = min
        self.max = max
    }

    /// Whether `value` is below `min` or above `max`; when both fail (never, for a sane model) `min` wins.
    func violation(of value: Bound) -> ShapeBoundSide? {
        if let min, value < min { return .min }
        if let max, value > max { return .max }
        return nil
    }
}
