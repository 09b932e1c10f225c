/// The 90 kHz system clock of MPEG-TS: PTS values and PCR bases count its ticks in 33 bits.
///
/// It exists to convert Matroska timecodes (ticks of the Segment's TimecodeScale, in nanoseconds) once, in one way,
/// for every PES header and clock reference. Times are kept unwrapped (a Kinesis Video producer time in
/// milliseconds since 1970 is about 1.5e14 ticks) and reduced modulo 2^33 only when written, so consecutive
/// segments of a playlist wrap at the same point (every 26.5 hours) as the MPEG-TS clock itself does.
enum TSClock {
    /// Ticks per second of PTS, DTS and the PCR base.
    static let ticksPerSecond: Int64 = 90_000
    /// PTS and the PCR base are 33-bit fields.
    static let wrapTicks: Int64 = 1 << 33

    /// A Matroska timecode in 90 kHz ticks, rounded down; `timecodeScale` is nanoseconds per Matroska tick.
    static func ticks(timecode: Int64, timecodeScale: UInt64) -> Int64 {
        let nanoseconds = Int128(timecode) * Int128(timecodeScale)
        let scaled = nanoseconds * Int128(ticksPerSecond)
        let second = Int128(1_000_000_000)
        let floored = scaled >= 0 ? scaled / second : -((-scaled + second - 1) / second)
        return Int64(clamping: floored)
    }

    /// The value a 33-bit PTS or PCR base field holds for `ticks`.
    static func wrapped(_ ticks: Int64) -> UInt64 {
        UInt64(((ticks % wrapTicks) + wrapTicks) % wrapTicks)
    }
}
