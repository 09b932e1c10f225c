/// The sample tables of a non-fragmented track (ISO/IEC 14496-12 §8.6–8.7): `stts` (durations, run-length
/// coded), `stss` (sync samples, video only), `stsc` (samples per chunk, coded as changes), `stsz` (sizes) and
/// `stco` or `co64` (chunk offsets from the start of the file).
///
/// It exists to keep the clip's table encodings apart from its file layout. No `ctts`: composition offsets are
/// all 0 (see `MP4SampleRun`).
enum MP4ClipSampleTables {
    static func write(into stbl: inout MP4BoxWriter, run: MP4SampleRun, samplesPerChunk: [Int],
                      chunkOffsets: [UInt64], use64BitOffsets: Bool) {
        stbl.fullBox("stts") { box in
            var entries: [(count: UInt32, duration: UInt32)] = []
            for sample in run.samples {
                if let last = entries.last, last.duration == sample.duration {
                    entries[entries.count - 1].count += 1
                } else {
                    entries.append((1, sample.duration))
                }
            }
            box.append(UInt32(entries.count))
            for entry in entries {
                box.append(entry.count)
                box.append(entry.duration)
            }
        }
        if run.track.isVideo {
            stbl.fullBox("stss") { box in
                let syncNumbers = run.samples.indices.filter { run.samples[$0].isSync }.map { UInt32($0 + 1) }
                box.append(UInt32(syncNumbers.count))
                for number in syncNumbers { box.append(number) }
            }
        }
        stbl.fullBox("stsc") { box in
            var entries: [(firstChunk: UInt32, samplesPerChunk: UInt32)] = []
            for (index, count) in samplesPerChunk.enumerated() where entries.last?.samplesPerChunk != UInt32(count) {
                entries.append((UInt32(index + 1), UInt32(count)))
            }
            box.append(UInt32(entries.count))
            for entry in entries {
                box.append(entry.firstChunk)
                box.append(entry.samplesPerChunk)
                box.append(UInt32(1))  // sample_description_index
            }
        }
        stbl.fullBox("stsz") { box in
            let sizes = run.samples.map(\.size)
            let commonSize = sizes.allSatisfy { $0 == sizes.first } ? sizes.first : nil
            box.append(commonSize ?? 0)
            box.append(UInt32(sizes.count))
            if commonSize == nil {
                for size in sizes { box.append(size) }
            }
        }
        stbl.fullBox(use64BitOffsets ? "co64" : "stco") { box in
            box.append(UInt32(chunkOffsets.count))
            for offset in chunkOffsets {
                if use64BitOffsets { box.append(offset) } else { box.append(UInt32(offset)) }
            }
        }
    }
}
