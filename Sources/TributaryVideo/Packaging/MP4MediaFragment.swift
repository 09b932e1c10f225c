/// One media fragment of fragmented MP4 (an HLS fMP4 segment, a DASH media segment, GetMP4MediaFragment):
/// `moof` (`mfhd`, then per track `traf` with `tfhd`, `tfdt`, `trun`) + `mdat` with the tracks' samples one track
/// after the other.
///
/// It exists to repackage one Kinesis Video fragment (a Matroska cluster) without touching the codec bytes.
/// Layout choices: `tfhd` sets default-base-is-moof, so each `trun` data offset counts from the first byte of the
/// `moof`; `tfdt` is version 1 and holds the track's absolute decode time (producer time) in its timescale, so
/// consecutive fragments line up; sample flags are a `tfhd` default plus `trun` first-sample flags when every
/// sample after the first looks alike (a GOP, or audio), and per-sample flags otherwise. Timing rules and the
/// composition-offset limitation are those of `MP4SampleRun`.
public enum MP4MediaFragment {
    /// tfhd flag: default-sample-flags-present.
    static let defaultSampleFlagsPresent: UInt32 = 0x00_0020
    /// tfhd flag: default-base-is-moof.
    static let defaultBaseIsMoof: UInt32 = 0x02_0000
    /// trun flags: data-offset, first-sample-flags, sample-duration, sample-size and sample-flags present.
    static let dataOffsetPresent: UInt32 = 0x00_0001
    static let firstSampleFlagsPresent: UInt32 = 0x00_0004
    static let sampleDurationPresent: UInt32 = 0x00_0100
    static let sampleSizePresent: UInt32 = 0x00_0200
    static let sampleFlagsPresent: UInt32 = 0x00_0400

    /// The bytes of a fragment holding the frames of `tracks` (frames of other tracks are left out; a track with
    /// no frame gets no `traf`).
    ///
    /// - Parameters:
    ///   - sequenceNumber: the `mfhd` sequence number (1 for the first fragment a player receives, then growing).
    ///   - frames: the fragment's frames in stored order, as `MatroskaStreamReader` reports them.
    ///   - timecodeScale: nanoseconds per Matroska tick (the Segment's TimecodeScale).
    ///   - followingTimecodes: per Matroska track number, the first timecode of that track in the next fragment,
    ///     when known; it gives the fragment's last frame its exact duration.
    public static func bytes(sequenceNumber: UInt32, tracks: [MP4Track], frames: [MatroskaFrame],
                             timecodeScale: UInt64, followingTimecodes: [UInt64: Int64] = [:]) -> [UInt8] {
        let runs = tracks.compactMap { track -> MP4SampleRun? in
            let trackFrames = frames.filter { $0.trackNumber == track.trackNumber }
            guard !trackFrames.isEmpty else { return nil }
            return MP4SampleRun(track: track, frames: trackFrames, timecodeScale: timecodeScale,
                                followingTimecode: followingTimecodes[track.trackNumber])
        }
        let payloadBytes = runs.reduce(0) { $0 + $1.byteCount }
        let mediaDataHeader = MP4BoxWriter.mediaDataHeader(payloadBytes: payloadBytes)
        // Offsets do not change the moof's size: measure it with zeros, then write it with the real offsets.
        let moofSize = movieFragment(sequenceNumber: sequenceNumber, runs: runs,
                                     dataOffsets: runs.map { _ in 0 }).count
        var dataOffsets: [Int32] = []
        var offset = moofSize + mediaDataHeader.count
        for run in runs {
            dataOffsets.append(Int32(clamping: offset))
            offset += run.byteCount
        }
        var bytes = movieFragment(sequenceNumber: sequenceNumber, runs: runs, dataOffsets: dataOffsets)
        bytes.reserveCapacity(bytes.count + mediaDataHeader.count + payloadBytes)
        bytes += mediaDataHeader
        for run in runs {
            for payload in run.payloads { bytes += payload }
        }
        return bytes
    }

    private static func movieFragment(sequenceNumber: UInt32, runs: [MP4SampleRun], dataOffsets: [Int32]) -> [UInt8] {
        var writer = MP4BoxWriter()
        writer.box("moof") { moof in
            moof.fullBox("mfhd") { $0.append(sequenceNumber) }
            for (run, dataOffset) in zip(runs, dataOffsets) {
                moof.box("traf") { traf in writeTrackFragment(into: &traf, run: run, dataOffset: dataOffset) }
            }
        }
        return writer.bytes
    }

    private static func writeTrackFragment(into traf: inout MP4BoxWriter, run: MP4SampleRun, dataOffset: Int32) {
        let flags = run.samples.map(\.flags)
        let laterFlags = flags.dropFirst()
        let sharedFlags = laterFlags.allSatisfy { $0 == laterFlags.first } ? (laterFlags.first ?? flags[0]) : nil
        traf.fullBox("tfhd", flags: defaultBaseIsMoof | (sharedFlags == nil ? 0 : defaultSampleFlagsPresent)) { box in
            box.append(run.track.trackID)
            if let sharedFlags { box.append(sharedFlags) }
        }
        traf.fullBox("tfdt", version: 1) { $0.append(run.baseDecodeTime) }
        let firstFlags = sharedFlags.flatMap { $0 == flags[0] ? nil : flags[0] }
        var trunFlags = dataOffsetPresent | sampleDurationPresent | sampleSizePresent
        if sharedFlags == nil { trunFlags |= sampleFlagsPresent }
        if firstFlags != nil { trunFlags |= firstSampleFlagsPresent }
        traf.fullBox("trun", flags: trunFlags) { box in
            box.append(UInt32(run.samples.count))
            box.append(dataOffset)
            if let firstFlags { box.append(firstFlags) }
            for sample in run.samples {
                box.append(sample.duration)
                box.append(sample.size)
                if sharedFlags == nil { box.append(sample.flags) }
            }
        }
    }
}
