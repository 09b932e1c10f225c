extension MP4Track {
    /// Converts Matroska ticks (of `timecodeScale` nanoseconds each) to ticks of this track's timescale,
    /// rounding down; negative inputs give 0 (MP4 decode times are unsigned).
    ///
    /// Converting absolute times and subtracting them (rather than converting differences) keeps rounding from
    /// accumulating across a track: the sum of a fragment's durations always matches its span.
    func mediaTime(ticks: Int64, timecodeScale: UInt64) -> UInt64 {
        guard ticks > 0 else { return 0 }
        let product = UInt64(ticks).multipliedFullWidth(by: timecodeScale)
        let nanoseconds = product.high == 0 ? product.low : UInt64.max
        return Self.scale(nanoseconds: nanoseconds, to: timescale)
    }

    /// Nanoseconds in ticks of `timescale`, rounding down (saturating at UInt64.max).
    static func scale(nanoseconds: UInt64, to timescale: UInt32) -> UInt64 {
        let product = nanoseconds.multipliedFullWidth(by: UInt64(timescale))
        guard product.high < 1_000_000_000 else { return UInt64.max }
        return (1_000_000_000 as UInt64).dividingFullWidth(product).quotient
    }
}
