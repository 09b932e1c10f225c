/// The boxes of a `moov` shared by the init segment and the clip: `mvhd`, and per track `trak` with `tkhd`,
/// optional `edts`, and `mdia` (`mdhd`, `hdlr`, `minf` with `vmhd`/`smhd`, `dinf`, and `stbl` whose sample tables
/// the caller writes after `stsd`).
///
/// It exists so both writers lay out headers identically; they differ only in durations and sample tables.
/// Movie times use `movieTimescale` (milliseconds); creation and modification times are 0 (unknown).
enum MP4MovieBoxes {
    static let movieTimescale: UInt32 = 1000
    /// The unity transformation matrix of `mvhd` and `tkhd` (16.16 and 2.30 fixed point).
    static let unityMatrix: [UInt32] = [0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000]
    /// ISO 639-2 "und" packed as three 5-bit letters (each minus 0x60), as `mdhd` stores languages.
    static let undeterminedLanguage: UInt16 = 0x55C4

    /// `mvhd`, with `duration` in milliseconds (0 for fragmented movies).
    static func writeMovieHeader(into writer: inout MP4BoxWriter, duration: UInt64, nextTrackID: UInt32) {
        let isLong = duration > UInt64(UInt32.max)
        writer.fullBox("mvhd", version: isLong ? 1 : 0) { box in
            writeTimes(into: &box, isLong: isLong, timescale: movieTimescale, duration: duration)
            box.append(UInt32(0x0001_0000))  // rate 1.0
            box.append(UInt16(0x0100))  // volume 1.0
            box.appendZeros(10)  // reserved
            for value in unityMatrix { box.append(value) }
            box.appendZeros(24)  // pre_defined
            box.append(nextTrackID)
        }
    }

    /// One `trak`. `movieDuration` is in milliseconds, `mediaDuration` in the track's timescale; `emptyEdit`
    /// (milliseconds) delays the track's first sample in a clip whose other track starts earlier.
    static func writeTrack(into writer: inout MP4BoxWriter, track: MP4Track, movieDuration: UInt64,
                           mediaDuration: UInt64, emptyEdit: UInt64,
                           sampleTables: (inout MP4BoxWriter) -> Void) {
        writer.box("trak") { trak in
            writeTrackHeader(into: &trak, track: track, duration: movieDuration + emptyEdit)
            if emptyEdit > 0 {
                writeEditList(into: &trak, emptyEdit: emptyEdit, movieDuration: movieDuration)
            }
            trak.box("mdia") { mdia in
                let isLong = mediaDuration > UInt64(UInt32.max)
                mdia.fullBox("mdhd", version: isLong ? 1 : 0) { box in
                    writeTimes(into: &box, isLong: isLong, timescale: track.timescale, duration: mediaDuration)
                    box.append(undeterminedLanguage)
                    box.append(UInt16(0))
                }
                mdia.fullBox("hdlr") { box in
                    box.append(UInt32(0))  // pre_defined
                    box.appendFourCC(track.isVideo ? "vide" : "soun")
                    box.appendZeros(12)
                    box.append(contentsOf: (track.isVideo ? "VideoHandler" : "SoundHandler").utf8)
                    box.append(UInt8(0))
                }
                mdia.box("minf") { minf in
                    if track.isVideo {
                        minf.fullBox("vmhd", flags: 1) { $0.appendZeros(8) }  // graphicsmode, opcolor
                    } else {
                        minf.fullBox("smhd") { $0.appendZeros(4) }  // balance, reserved
                    }
                    minf.box("dinf") { dinf in
                        dinf.fullBox("dref") { dref in
                            dref.append(UInt32(1))
                            dref.fullBox("url ", flags: 1) { _ in }  // media in this file
                        }
                    }
                    minf.box("stbl") { stbl in
                        MP4SampleEntry.writeSampleDescription(into: &stbl, track: track)
                        sampleTables(&stbl)
                    }
                }
            }
        }
    }

    private static func writeTrackHeader(into writer: inout MP4BoxWriter, track: MP4Track, duration: UInt64) {
        let isLong = duration > UInt64(UInt32.max)
        writer.fullBox("tkhd", version: isLong ? 1 : 0, flags: 0x3) { box in  // enabled, in movie
            if isLong {
                box.append(UInt64(0))
                box.append(UInt64(0))
                box.append(track.trackID)
                box.append(UInt32(0))
                box.append(duration)
            } else {
                box.append(UInt32(0))
                box.append(UInt32(0))
                box.append(track.trackID)
                box.append(UInt32(0))
                box.append(UInt32(duration))
            }
            box.appendZeros(8)  // reserved
            box.append(UInt16(0))  // layer
            box.append(UInt16(track.isVideo ? 0 : 1))  // alternate_group
            box.append(UInt16(track.isVideo ? 0 : 0x0100))  // volume
            box.append(UInt16(0))
            for value in unityMatrix { box.append(value) }
            if case .video(let width, let height) = track.media {
                box.append(UInt32(width) << 16)
                box.append(UInt32(height) << 16)
            } else {
                box.appendZeros(8)
            }
        }
    }

    /// `edts`/`elst`: an empty edit of `emptyEdit` ms, then the whole media from its start.
    private static func writeEditList(into writer: inout MP4BoxWriter, emptyEdit: UInt64, movieDuration: UInt64) {
        writer.box("edts") { edts in
            edts.fullBox("elst", version: 1) { box in
                box.append(UInt32(2))
                box.append(emptyEdit)
                box.append(Int64(-1))  // media_time -1: nothing shown
                box.append(UInt32(0x0001_0000))  // rate 1.0
                box.append(movieDuration)
                box.append(Int64(0))
                box.append(UInt32(0x0001_0000))
            }
        }
    }

    /// Creation time, modification time, timescale and duration, in the 32- or 64-bit layout of `version`.
    private static func writeTimes(into box: inout MP4BoxWriter, isLong: Bool, timescale: UInt32, duration: UInt64) {
        if isLong {
            box.append(UInt64(0))
            box.append(UInt64(0))
            box.append(timescale)
            box.append(duration)
        } else {
            box.append(UInt32(0))
            box.append(UInt32(0))
            box.append(timescale)
            box.append(UInt32(duration))
        }
    }

    /// Converts a duration in `timescale` ticks to milliseconds, rounding up so a track is never cut short.
    static func movieDuration(_ duration: UInt64, timescale: UInt32) -> UInt64 {
        let product = duration.multipliedFullWidth(by: UInt64(movieTimescale))
        guard product.high < UInt64(timescale) else { return UInt64.max }
        let (quotient, remainder) = UInt64(timescale).dividingFullWidth(product)
        return remainder == 0 ? quotient : quotient + 1
    }
}
