/// One frame as an MP4 sample: how long it lasts, how many bytes it has, and whether decoding can start at it.
///
/// It exists as the common currency of the fragment `trun` and the clip's sample tables (`stts`, `stsz`, `stss`).
struct MP4Sample: Equatable, Sendable {
    /// Duration in ticks of the track's timescale.
    var duration: UInt32
    var size: UInt32
    /// A sync sample (key frame for video; every AAC frame).
    var isSync: Bool

    /// ISO/IEC 14496-12 §8.8.3.1 sample flags: a sync sample depends on no other (sample_depends_on 2); any other
    /// depends on others (sample_depends_on 1) and has sample_is_non_sync_sample set.
    var flags: UInt32 { isSync ? 0x0200_0000 : 0x0101_0000 }
}
