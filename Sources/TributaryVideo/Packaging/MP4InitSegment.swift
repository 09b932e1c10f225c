/// The initialization segment of fragmented MP4 (HLS `EXT-X-MAP`, DASH initialization, GetMP4InitFragment):
/// `ftyp` + `moov` with the tracks' sample descriptions, empty sample tables and an `mvex` with one `trex` per
/// track.
///
/// It exists so HLS and DASH hand players the codec configuration once, before any media fragment. Pass every
/// track for a muxed rendition (HLS), or one track for a per-track DASH representation; the media fragments must
/// then cover the same tracks.
public enum MP4InitSegment {
    /// The bytes of the init segment for `tracks`, in the given order.
    public static func bytes(tracks: [MP4Track]) -> [UInt8] {
        var writer = MP4BoxWriter()
        let brands = MP4FileType.fragmented
        MP4FileType.write(into: &writer, major: brands.major, minor: brands.minor, compatible: brands.compatible)
        writer.box("moov") { moov in
            MP4MovieBoxes.writeMovieHeader(into: &moov, duration: 0,
                                           nextTrackID: (tracks.map(\.trackID).max() ?? 0) + 1)
            for track in tracks {
                MP4MovieBoxes.writeTrack(into: &moov, track: track, movieDuration: 0, mediaDuration: 0,
                                         emptyEdit: 0, sampleTables: writeEmptySampleTables)
            }
            moov.box("mvex") { mvex in
                for track in tracks {
                    mvex.fullBox("trex") { trex in
                        trex.append(track.trackID)
                        trex.append(UInt32(1))  // default_sample_description_index
                        trex.append(UInt32(0))  // default_sample_duration
                        trex.append(UInt32(0))  // default_sample_size
                        trex.append(UInt32(0))  // default_sample_flags
                    }
                }
            }
        }
        return writer.bytes
    }

    /// `stts`, `stsc`, `stsz`, `stco` with no entries: the samples live in the fragments.
    private static func writeEmptySampleTables(_ stbl: inout MP4BoxWriter) {
        stbl.fullBox("stts") { $0.append(UInt32(0)) }
        stbl.fullBox("stsc") { $0.append(UInt32(0)) }
        stbl.fullBox("stsz") { box in
            box.append(UInt32(0))  // sample_size
            box.append(UInt32(0))  // sample_count
        }
        stbl.fullBox("stco") { $0.append(UInt32(0)) }
    }
}
