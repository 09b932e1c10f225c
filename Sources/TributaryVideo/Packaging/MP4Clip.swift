/// A plain (non-fragmented) MP4 file of a time range, as GetClip answers: `ftyp`, then `moov` with complete
/// sample tables, then one `mdat`, so a player can start before the whole file has arrived.
///
/// It exists to turn the frames of consecutive Kinesis Video fragments into one progressive file. Samples keep
/// their stored order in `mdat`, each run of consecutive frames of one track forming a chunk, so audio and video
/// stay interleaved. Times start at 0 at the clip's earliest frame; a track that starts later gets an edit list
/// with an empty edit, so the tracks stay in sync. Chunk offsets use `co64` when the file outgrows 32 bits.
/// Timing rules and the composition-offset limitation are those of `MP4SampleRun`.
public enum MP4Clip {
    /// A chunk: a run of consecutive samples of one track in `mdat`.
    struct Chunk {
        var sampleCount: Int
        /// Offset of the chunk's first byte from the start of the `mdat` payload.
        var payloadOffset: Int
    }

    /// The bytes of a clip holding the frames of `tracks` (frames of other tracks are left out; a track with no
    /// frame is left out of the movie).
    ///
    /// - Parameters:
    ///   - frames: the clip's frames in stored order.
    ///   - timecodeScale: nanoseconds per Matroska tick.
    ///   - followingTimecodes: per Matroska track number, the first timecode after the clip, when known; it gives
    ///     each track's last frame its exact duration.
    public static func bytes(tracks: [MP4Track], frames: [MatroskaFrame], timecodeScale: UInt64,
                             followingTimecodes: [UInt64: Int64] = [:]) -> [UInt8] {
        let trackNumbers = Set(tracks.map(\.trackNumber))
        let selected = frames.filter { trackNumbers.contains($0.trackNumber) }
        let originTicks = selected.map(\.absoluteTimecode).min() ?? 0
        let runs = tracks.compactMap { track -> MP4SampleRun? in
            let trackFrames = selected.filter { $0.trackNumber == track.trackNumber }
            guard !trackFrames.isEmpty else { return nil }
            return MP4SampleRun(track: track, frames: trackFrames, timecodeScale: timecodeScale,
                                followingTimecode: followingTimecodes[track.trackNumber], originTicks: originTicks)
        }
        let chunks = chunksByTrack(selected, trackNumbers: runs.map(\.track.trackNumber))
        let payloadBytes = selected.reduce(0) { $0 + $1.bytes.count }

        var head = MP4BoxWriter()
        let brands = MP4FileType.progressive
        MP4FileType.write(into: &head, major: brands.major, minor: brands.minor, compatible: brands.compatible)
        let mediaDataHeader = MP4BoxWriter.mediaDataHeader(payloadBytes: payloadBytes)
        // The moov's size does not depend on the offset values, only on their width: measure, then write.
        let moovSize = movie(runs: runs, chunks: chunks, payloadStart: 0, use64BitOffsets: false).count
        let payloadStart = UInt64(head.bytes.count + moovSize + mediaDataHeader.count)
        let use64BitOffsets = payloadStart + UInt64(payloadBytes) > UInt64(UInt32.max)
        // co64 entries are 4 bytes wider than stco entries, which moves the payload by as much per chunk.
        let chunkCount = chunks.joined().count
        let moov = movie(runs: runs, chunks: chunks,
                         payloadStart: use64BitOffsets ? payloadStart + UInt64(4 * chunkCount) : payloadStart,
                         use64BitOffsets: use64BitOffsets)

        var bytes = head.bytes
        bytes.reserveCapacity(Int(payloadStart) + payloadBytes + 4 * chunkCount)
        bytes += moov
        bytes += mediaDataHeader
        for frame in selected { bytes += frame.bytes }
        return bytes
    }

    /// Groups consecutive frames of one track into chunks; the result is indexed like `trackNumbers`.
    private static func chunksByTrack(_ frames: [MatroskaFrame], trackNumbers: [UInt64]) -> [[Chunk]] {
        var chunks = [[Chunk]](repeating: [], count: trackNumbers.count)
        var previousTrack: UInt64?
        var offset = 0
        for frame in frames {
            guard let index = trackNumbers.firstIndex(of: frame.trackNumber) else { continue }
            if frame.trackNumber == previousTrack, !chunks[index].isEmpty {
                chunks[index][chunks[index].count - 1].sampleCount += 1
            } else {
                chunks[index].append(Chunk(sampleCount: 1, payloadOffset: offset))
            }
            previousTrack = frame.trackNumber
            offset += frame.bytes.count
        }
        return chunks
    }

    private static func movie(runs: [MP4SampleRun], chunks: [[Chunk]], payloadStart: UInt64,
                              use64BitOffsets: Bool) -> [UInt8] {
        let emptyEdits = runs.map { MP4MovieBoxes.movieDuration($0.baseDecodeTime, timescale: $0.track.timescale) }
        let movieDurations = runs.map { MP4MovieBoxes.movieDuration($0.duration, timescale: $0.track.timescale) }
        let totalDuration = zip(emptyEdits, movieDurations).map { $0 + $1 }.max() ?? 0
        var writer = MP4BoxWriter()
        writer.box("moov") { moov in
            MP4MovieBoxes.writeMovieHeader(into: &moov, duration: totalDuration,
                                           nextTrackID: (runs.map(\.track.trackID).max() ?? 0) + 1)
            for (index, run) in runs.enumerated() {
                let offsets = chunks[index].map { payloadStart + UInt64($0.payloadOffset) }
                MP4MovieBoxes.writeTrack(into: &moov, track: run.track, movieDuration: movieDurations[index],
                                         mediaDuration: run.duration, emptyEdit: emptyEdits[index]) { stbl in
                    MP4ClipSampleTables.write(into: &stbl, run: run,
                                              samplesPerChunk: chunks[index].map(\.sampleCount),
                                              chunkOffsets: offsets, use64BitOffsets: use64BitOffsets)
                }
            }
        }
        return writer.bytes
    }
}
