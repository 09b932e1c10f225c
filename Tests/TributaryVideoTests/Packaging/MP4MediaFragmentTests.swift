import TributaryVideo
import XCTest

final class MP4MediaFragmentTests: XCTestCase {
    typealias M = MP4TestMedia

    private func tracks(defaultDuration: UInt64? = nil) throws -> [MP4Track] {
        [try MP4Track(M.videoTrack(defaultDuration: defaultDuration)), try MP4Track(M.audioTrack())]
    }

    /// Interleaved like a cluster: video every 33 ms from 1000 ms, audio every 23 ms.
    private let frames: [MatroskaFrame] = [
        M.frame(1, 1000, size: 40), M.frame(2, 1000, size: 7), M.frame(2, 1023, size: 8),
        M.frame(1, 1033, keyframe: false, size: 12), M.frame(2, 1046, size: 9),
        M.frame(1, 1066, keyframe: false, size: 14),
    ]

    private struct TrackRun {
        let trackID: UInt64
        let tfhdFlags: UInt32
        let defaultFlags: UInt64?
        let baseDecodeTime: UInt64
        let trunFlags: UInt32
        let dataOffset: Int
        let firstFlags: UInt64?
        let samples: [(duration: UInt64, size: UInt64, flags: UInt64?)]
    }

    /// Reads every traf back from a fragment.
    private func runs(_ moof: MP4TestBox) -> [TrackRun] {
        moof.all("traf").map { traf in
            let tfhd = traf.box("tfhd")!
            let tfdt = traf.box("tfdt")!
            XCTAssertEqual(tfdt.version, 1)
            let trun = traf.box("trun")!
            let hasFirst = trun.flags & 0x4 != 0
            let hasFlags = trun.flags & 0x400 != 0
            var offset = 12 + (hasFirst ? 4 : 0)
            var samples: [(UInt64, UInt64, UInt64?)] = []
            for _ in 0..<trun.uint(at: 4, bytes: 4) {
                let flags = hasFlags ? trun.uint(at: offset + 8, bytes: 4) : nil
                samples.append((trun.uint(at: offset, bytes: 4), trun.uint(at: offset + 4, bytes: 4), flags))
                offset += hasFlags ? 12 : 8
            }
            XCTAssertEqual(offset, trun.payload.count, "trun holds exactly its samples")
            return TrackRun(trackID: tfhd.uint(at: 4, bytes: 4), tfhdFlags: tfhd.flags,
                            defaultFlags: tfhd.flags & 0x20 != 0 ? tfhd.uint(at: 8, bytes: 4) : nil,
                            baseDecodeTime: tfdt.uint(at: 4, bytes: 8), trunFlags: trun.flags,
                            dataOffset: Int(trun.uint(at: 8, bytes: 4)),
                            firstFlags: hasFirst ? trun.uint(at: 12, bytes: 4) : nil, samples: samples)
        }
    }

    func testStructureTimesAndData() throws {
        let bytes = MP4MediaFragment.bytes(sequenceNumber: 7, tracks: try tracks(), frames: frames,
                                           timecodeScale: 1_000_000, followingTimecodes: [1: 1100, 2: 1069])
        let boxes = try MP4TestBoxWalker.parse(bytes)
        XCTAssertEqual(boxes.map(\.type), ["moof", "mdat"])
        let moof = boxes[0]
        XCTAssertEqual(moof.childTypes, ["mfhd", "traf", "traf"])
        XCTAssertEqual(moof.box("mfhd")?.uint(at: 4, bytes: 4), 7)
        XCTAssertEqual(moof.box("traf")?.childTypes, ["tfhd", "tfdt", "trun"])
        let runs = runs(moof)
        XCTAssertEqual(runs.map(\.trackID), [1, 2])
        XCTAssertTrue(runs.allSatisfy { $0.tfhdFlags & 0x02_0000 != 0 }, "default-base-is-moof")
        // 1000 ms at 90 kHz and at 44.1 kHz.
        XCTAssertEqual(runs.map(\.baseDecodeTime), [90_000, 44_100])
        XCTAssertEqual(runs[0].samples.map(\.duration), [33 * 90, 33 * 90, 34 * 90])
        // 23 ms at 44.1 kHz is 1014.3 ticks; absolute times are converted (45114.3 → 45114) before subtracting.
        XCTAssertEqual(runs[1].samples.map(\.duration), [1014, 1014, 1014])
        XCTAssertEqual(runs[0].samples.map(\.size), [40, 12, 14])
        XCTAssertEqual(runs[1].samples.map(\.size), [7, 8, 9])
        // Every data offset, counted from the moof, lands on the track's frames in order.
        let videoBytes = frames.filter { $0.trackNumber == 1 }.flatMap(\.bytes)
        let audioBytes = frames.filter { $0.trackNumber == 2 }.flatMap(\.bytes)
        XCTAssertEqual(Array(bytes[runs[0].dataOffset..<(runs[0].dataOffset + videoBytes.count)]), videoBytes)
        XCTAssertEqual(Array(bytes[runs[1].dataOffset..<(runs[1].dataOffset + audioBytes.count)]), audioBytes)
        XCTAssertEqual(boxes[1].payload.count, videoBytes.count + audioBytes.count)
        XCTAssertEqual(runs[0].dataOffset, moof.size + 8)
    }

    func testSampleFlags() throws {
        let runs = runs(try MP4TestBoxWalker.parse(MP4MediaFragment.bytes(
            sequenceNumber: 1, tracks: try tracks(), frames: frames, timecodeScale: 1_000_000))[0])
        // A GOP: non-sync default, sync first sample, no per-sample flags.
        XCTAssertEqual(runs[0].defaultFlags, 0x0101_0000)
        XCTAssertEqual(runs[0].firstFlags, 0x0200_0000)
        XCTAssertEqual(runs[0].trunFlags & 0x400, 0)
        // Audio: every sample sync, given once in tfhd.
        XCTAssertEqual(runs[1].defaultFlags, 0x0200_0000)
        XCTAssertNil(runs[1].firstFlags)
        // Key frames in the middle need per-sample flags.
        let mixed = [M.frame(1, 0), M.frame(1, 40, keyframe: false), M.frame(1, 80), M.frame(1, 120, keyframe: false)]
        let mixedRun = self.runs(try MP4TestBoxWalker.parse(MP4MediaFragment.bytes(
            sequenceNumber: 1, tracks: try tracks(), frames: mixed, timecodeScale: 1_000_000))[0])[0]
        XCTAssertNil(mixedRun.defaultFlags)
        XCTAssertNil(mixedRun.firstFlags)
        XCTAssertEqual(mixedRun.samples.map(\.flags), [0x0200_0000, 0x0101_0000, 0x0200_0000, 0x0101_0000])
    }

    func testLastFrameDurationFallbacks() throws {
        func lastDurations(_ frames: [MatroskaFrame], defaultDuration: UInt64? = nil,
                           following: [UInt64: Int64] = [:]) throws -> [UInt64] {
            let moof = try MP4TestBoxWalker.parse(MP4MediaFragment.bytes(
                sequenceNumber: 1, tracks: try tracks(defaultDuration: defaultDuration), frames: frames,
                timecodeScale: 1_000_000, followingTimecodes: following))[0]
            return runs(moof).map { $0.samples.last!.duration }
        }
        let video = [M.frame(1, 0), M.frame(1, 40, keyframe: false), M.frame(1, 100, keyframe: false)]
        XCTAssertEqual(try lastDurations(video, following: [1: 150]), [50 * 90], "next fragment's first frame")
        XCTAssertEqual(try lastDurations(video, defaultDuration: 40_000_000), [40 * 90], "DefaultDuration")
        XCTAssertEqual(try lastDurations(video), [50 * 90], "average spacing of 100 ms over two gaps")
        XCTAssertEqual(try lastDurations([M.frame(1, 0), M.frame(1, 40, keyframe: false, duration: 25)]), [25 * 90],
                       "BlockDuration")
        XCTAssertEqual(try lastDurations([M.frame(2, 0)]), [1024], "a lone AAC frame lasts 1024 samples")
        XCTAssertEqual(try lastDurations([M.frame(1, 0)]), [0], "a lone video frame with nothing known")
    }

    func testTrackSubsetAndTracksWithoutFrames() throws {
        let all = try tracks()
        let audioOnly = try MP4TestBoxWalker.parse(MP4MediaFragment.bytes(
            sequenceNumber: 3, tracks: [all[1]], frames: frames, timecodeScale: 1_000_000))
        XCTAssertEqual(audioOnly[0].all("traf").count, 1)
        XCTAssertEqual(runs(audioOnly[0]).first?.trackID, 2)
        XCTAssertEqual(audioOnly[1].payload.count, 7 + 8 + 9)
        let videoOnlyFrames = frames.filter { $0.trackNumber == 1 }
        let both = try MP4TestBoxWalker.parse(MP4MediaFragment.bytes(
            sequenceNumber: 3, tracks: all, frames: videoOnlyFrames, timecodeScale: 1_000_000))
        XCTAssertEqual(runs(both[0]).map(\.trackID), [1], "a track without frames gets no traf")
    }

    func testTimecodeScaleIsApplied() throws {
        // TimecodeScale 100 µs: tick 12345 is 1.2345 s = 111,105 ticks at 90 kHz.
        let moof = try MP4TestBoxWalker.parse(MP4MediaFragment.bytes(
            sequenceNumber: 1, tracks: try tracks(), frames: [M.frame(1, 12345), M.frame(1, 12745, keyframe: false)],
            timecodeScale: 100_000))[0]
        XCTAssertEqual(runs(moof)[0].baseDecodeTime, 111_105)
        XCTAssertEqual(runs(moof)[0].samples.first?.duration, 3600)
    }
}
