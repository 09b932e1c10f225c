/// One self-contained MPEG-TS segment for HLS with ContainerFormat MPEG_TS (Kinesis Video's `getTSFragment.ts`):
/// the frames of a fragment remuxed from Matroska without re-encoding.
///
/// Layout: a PAT and a PMT first (PMT PID 0x1000; the track at index i on PID 0x100 + i with stream type 0x1B for
/// H.264, 0x24 for H.265, 0x0F for AAC in ADTS), then one PES packet per frame, the tracks interleaved in time
/// order (see `TSFrameSchedule`). Video frames become Annex B access units that start with an access unit delimiter
/// and, on keyframes, the parameter sets from CodecPrivate (SPS/PPS, or VPS/SPS/PPS), so a player can start at any
/// segment; AAC frames get ADTS headers built from the AudioSpecificConfig.
///
/// Timing: each PES carries a PTS in 90 kHz converted from the frame's absolute timecode (for Kinesis Video, the
/// producer time), so consecutive segments line up. No DTS is written, which means DTS equals PTS: Matroska stores
/// presentation times only (see `TSPESPacket`). The PCR is on the first video track's PID (the first track's when
/// there is no video), carried by each of its PES packets and by an adaptation-only packet before another track's
/// frame once `clockReferenceIntervalTicks` have passed; it runs `clockReferenceLeadTicks` ahead of the frames'
/// times, so each frame arrives before its decode time, and never goes back.
///
/// Continuity counters of every PID start at `continuityBase` modulo 16: passing the segment's sequence number
/// makes the PAT and PMT counters of consecutive segments continue each other.
public enum TSSegment {
    /// How far the PCR runs ahead of the frames it precedes: 100 ms, well within a decoder's buffer.
    static let clockReferenceLeadTicks: Int64 = 9_000
    /// Largest gap between clock references on the PCR PID that other tracks' frames may cause: 100 ms, the
    /// maximum ISO/IEC 13818-1 §2.7.2 allows.
    static let clockReferenceIntervalTicks: Int64 = 9_000

    /// The segment's bytes, a whole number of 188-byte packets.
    ///
    /// - Parameters:
    ///   - tracks: the stream's tracks; their order fixes PIDs and PES stream ids.
    ///   - frames: the frames in stored order, as `MatroskaStreamReader` reports them; frames of tracks not in
    ///     `tracks` are left out (so a caller can package a chosen track alone).
    ///   - timecodeScale: nanoseconds per Matroska tick (the Segment's TimecodeScale).
    ///   - continuityBase: the first continuity counter of every PID, modulo 16.
    public static func make(tracks: [MatroskaTrack], frames: [MatroskaFrame], timecodeScale: UInt64,
                            continuityBase: Int) throws(TSPackagingError) -> [UInt8] {
        let streams = try TSElementaryStream.streams(for: tracks)
        var streamsByTrack: [UInt64: TSElementaryStream] = [:]
        for stream in streams where streamsByTrack[stream.trackNumber] == nil {
            streamsByTrack[stream.trackNumber] = stream
        }
        let clockStream = streams.first(where: \.isVideo) ?? streams.first
        var writer = TSPacketWriter(continuityBase: continuityBase)
        writer.writeSection(TSProgramTables.programAssociationSection(), pid: TSProgramTables.associationPID)
        writer.writeSection(TSProgramTables.programMapSection(streams: streams,
                                                              clockReferencePID: clockStream?.pid ?? 0x1FFF),
                            pid: TSProgramTables.programMapPID)

        let schedule = TSFrameSchedule(frames: frames, trackNumbers: Set(streamsByTrack.keys))
        var lastClockReference: Int64?
        for entry in schedule.entries {
            guard let stream = streamsByTrack[entry.frame.trackNumber], let clockStream else { continue }
            let accessUnit = try stream.accessUnit(entry.frame)
            let scheduled = TSClock.ticks(timecode: entry.schedulingTimecode, timecodeScale: timecodeScale)
            let clockReference = max(lastClockReference ?? .min, scheduled - clockReferenceLeadTicks)
            var packetClockReference: UInt64?
            if stream.pid == clockStream.pid {
                packetClockReference = TSClock.wrapped(clockReference)
                lastClockReference = clockReference
            } else if lastClockReference.map({ clockReference - $0 >= clockReferenceIntervalTicks }) ?? true {
                writer.writeClockReference(TSClock.wrapped(clockReference), pid: clockStream.pid)
                lastClockReference = clockReference
            }
            let presentationTime = TSClock.ticks(timecode: entry.frame.absoluteTimecode, timecodeScale: timecodeScale)
            let packet = TSPESPacket.bytes(streamID: stream.streamID, presentationTime: TSClock.wrapped(presentationTime),
                                           accessUnit: accessUnit)
            writer.writePayload(packet, pid: stream.pid, clockReference: packetClockReference,
                                isRandomAccess: entry.frame.isKeyframe)
        }
        return writer.bytes
    }
}
