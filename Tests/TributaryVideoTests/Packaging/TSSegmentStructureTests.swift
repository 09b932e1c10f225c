import TributaryVideo
import XCTest

/// Reads segments back with `TSTestDemuxer`: packet framing, program tables, PES timing, continuity counters and
/// clock references.
final class TSSegmentStructureTests: XCTestCase {
    private func segment(_ frames: [MatroskaFrame] = TSTestMedia.twoSeconds(), scale: UInt64 = 1_000_000,
                         base: Int = 0) throws -> TSTestDemuxer {
        let bytes = try TSSegment.make(tracks: [TSTestMedia.videoTrack(), TSTestMedia.audioTrack()], frames: frames,
                                       timecodeScale: scale, continuityBase: base)
        return try TSTestDemuxer(bytes)
    }

    func testEveryPacketIs188BytesWithSyncByte() throws {
        let bytes = try TSSegment.make(tracks: [TSTestMedia.videoTrack(), TSTestMedia.audioTrack()],
                                       frames: TSTestMedia.twoSeconds(), timecodeScale: 1_000_000, continuityBase: 0)
        XCTAssertEqual(bytes.count % 188, 0)
        XCTAssertGreaterThan(bytes.count, 188 * 100)
        for start in stride(from: 0, to: bytes.count, by: 188) {
            XCTAssertEqual(bytes[start], 0x47, "packet at byte \(start)")
        }
    }

    func testProgramTablesComeFirstAndParseBack() throws {
        let demuxer = try segment()
        XCTAssertEqual(demuxer.packets.prefix(2).map(\.pid), [0x0000, 0x1000])
        XCTAssertEqual(try demuxer.programMapPID(), 0x1000)
        let map = try demuxer.programMap()
        XCTAssertEqual(map.streams.map(\.type), [0x1B, 0x0F])
        XCTAssertEqual(map.streams.map(\.pid), [0x100, 0x101])
        XCTAssertEqual(map.clockReferencePID, 0x100)
    }

    func testCorruptedProgramTableFailsTheCRCCheck() throws {
        var bytes = try TSSegment.make(tracks: [TSTestMedia.videoTrack()], frames: [], timecodeScale: 1_000_000,
                                       continuityBase: 0)
        XCTAssertEqual(bytes.count, 2 * 188, "no frames: the PAT and the PMT alone")
        XCTAssertNoThrow(try TSTestDemuxer(bytes).programMap())
        bytes[188 + 5 + 13] ^= 0x01  // the PMT's stream type
        XCTAssertThrowsError(try TSTestDemuxer(bytes).programMap())
    }

    func testHEVCStreamTypeAndAudioOnlyClockPID() throws {
        let hevc = try TSTestDemuxer(TSSegment.make(tracks: [TSTestMedia.audioTrack(number: 1),
                                                             TSTestMedia.hevcTrack(number: 2)],
                                                    frames: [], timecodeScale: 1_000_000, continuityBase: 0))
        XCTAssertEqual(try hevc.programMap().streams.map(\.type), [0x0F, 0x24])
        XCTAssertEqual(try hevc.programMap().clockReferencePID, 0x101, "the video track carries the PCR")
        let audioOnly = try TSTestDemuxer(TSSegment.make(tracks: [TSTestMedia.audioTrack()], frames: [],
                                                         timecodeScale: 1_000_000, continuityBase: 0))
        XCTAssertEqual(try audioOnly.programMap().clockReferencePID, 0x100)
    }

    func testPresentationTimesAreTheFramesTimesIn90kHz() throws {
        let frames = TSTestMedia.twoSeconds()
        let pes = try segment(frames).pesPackets()
        XCTAssertEqual(pes.count, frames.count)
        XCTAssertEqual(pes.filter { $0.pid == 0x100 }.map(\.presentationTime),
                       frames.filter { $0.trackNumber == 1 }.map { UInt64($0.absoluteTimecode * 90) })
        XCTAssertEqual(pes.filter { $0.pid == 0x101 }.map(\.presentationTime),
                       frames.filter { $0.trackNumber == 2 }.map { UInt64($0.absoluteTimecode * 90) })
        XCTAssertTrue(pes.allSatisfy { !$0.hasDecodeTime }, "no DTS: it equals the PTS")
        XCTAssertEqual(Set(pes.filter { $0.pid == 0x100 }.map(\.streamID)), [0xE0])
        XCTAssertEqual(Set(pes.filter { $0.pid == 0x101 }.map(\.streamID)), [0xC0])
    }

    func testOtherTimecodeScalesAndProducerTimesWrapAt33Bits() throws {
        // 0.1 ms ticks: 1234.5 ms is 111,105 ticks of 90 kHz.
        let fine = try segment([TSTestMedia.videoFrame(12_345, keyframe: true)], scale: 100_000).pesPackets()
        XCTAssertEqual(fine.map(\.presentationTime), [111_105])
        let producerTime: Int64 = 1_726_677_687_758
        let wrapped = try segment([TSTestMedia.videoFrame(producerTime, keyframe: true)]).pesPackets()
        XCTAssertEqual(wrapped.map(\.presentationTime), [UInt64(producerTime * 90) % (1 << 33)])
    }

    func testContinuityCountersStartAtTheBaseAndGrowPerPID() throws {
        for (base, first) in [(0, 0), (21, 5), (-3, 13)] {
            let demuxer = try segment(base: base)
            let pids = Set(demuxer.packets.map(\.pid))
            XCTAssertEqual(pids, [0x0000, 0x1000, 0x100, 0x101])
            for pid in pids {
                let packets = demuxer.packets.filter { $0.pid == pid }
                let payloadCounters = packets.filter(\.hasPayload).map(\.continuityCounter)
                XCTAssertEqual(payloadCounters.first, UInt8(first), "PID \(pid), base \(base)")
                for (previous, next) in zip(payloadCounters, payloadCounters.dropFirst()) {
                    XCTAssertEqual(next, (previous + 1) % 16, "PID \(pid), base \(base)")
                }
                // An adaptation-only packet repeats the counter of the PID's previous payload packet.
                var last: UInt8?
                for packet in packets {
                    if !packet.hasPayload {
                        XCTAssertEqual(packet.continuityCounter, last ?? UInt8((first + 15) % 16))
                    } else {
                        last = packet.continuityCounter
                    }
                }
            }
            XCTAssertGreaterThan(demuxer.packets.filter { $0.pid == 0x100 && $0.hasPayload }.count, 16,
                                 "the counter wraps")
        }
    }

    func testClockReferenceLeadsFramesNeverGoesBackAndIsFrequent() throws {
        let demuxer = try segment(TSTestMedia.twoSeconds(start: 5_000))
        XCTAssertNotNil(demuxer.packets.first { (0x100..<0x1000).contains($0.pid) }?.clockReference, "the first frame has a PCR")
        let references = demuxer.packets.compactMap(\.clockReference)
        XCTAssertEqual(Set(demuxer.packets.filter { $0.clockReference != nil }.map(\.pid)), [0x100])
        let pes = try demuxer.pesPackets()
        XCTAssertEqual(references, references.sorted(), "PCR never goes back")
        XCTAssertLessThanOrEqual(zip(references, references.dropFirst()).map { $1 - $0 }.max() ?? .max, 9_000)
        XCTAssertEqual(references.first, 5_000 * 90 - 9_000, "100 ms ahead of the first frame")
        for unit in pes where unit.pid == 0x100 {
            XCTAssertTrue(references.contains(unit.presentationTime - 9_000), "each video PES carries its PCR")
        }
    }

    func testAudioFirstGetsAnAdaptationOnlyClockReferenceBeforeIt() throws {
        let demuxer = try segment([TSTestMedia.audioFrame(0), TSTestMedia.videoFrame(23, keyframe: true)])
        let streamPackets = demuxer.packets.filter { (0x100..<0x1000).contains($0.pid) }
        XCTAssertEqual(streamPackets.map(\.pid), [0x100, 0x101, 0x100])
        XCTAssertFalse(streamPackets[0].hasPayload)
        XCTAssertEqual(streamPackets[0].clockReference, TSTestDemuxer.wrapped(-9_000))
        XCTAssertEqual(streamPackets[2].clockReference, TSTestDemuxer.wrapped(23 * 90 - 9_000))
    }

    func testKeyframesAreMarkedRandomAccess() throws {
        let video = try segment().pesPackets().filter { $0.pid == 0x100 }
        XCTAssertEqual(video.map(\.isRandomAccess), (0..<20).map { $0 % 10 == 0 })
    }

    func testPESPacketLengthIsExactAndUnboundedOnlyForHugeVideoFrames() throws {
        let big = TSTestMedia.videoFrame(0, keyframe: true, size: 5_000)
        let huge = TSTestMedia.videoFrame(100, keyframe: false, size: 70_000)
        let bytes = try TSSegment.make(tracks: [TSTestMedia.videoTrack()], frames: [big, huge],
                                       timecodeScale: 1_000_000, continuityBase: 0)
        let pes = try TSTestDemuxer(bytes).pesPackets()
        XCTAssertEqual(pes.count, 2)
        XCTAssertEqual(TSTestDemuxer.nalUnits(pes[0].payload).last, TSTestMedia.pictureUnit(0, keyframe: true,
                                                                                            size: 5_000))
        XCTAssertEqual(TSTestDemuxer.nalUnits(pes[1].payload).last, TSTestMedia.pictureUnit(100, keyframe: false,
                                                                                            size: 70_000))
        let starts = stride(from: 0, to: bytes.count, by: 188).filter {
            bytes[$0 + 1] == 0x41 && bytes[$0 + 2] == 0x00  // payload_unit_start on PID 0x100
        }
        let lengths = starts.map { start -> Int in
            let payload = bytes[start + 3] & 0x20 != 0 ? start + 5 + Int(bytes[start + 4]) : start + 4
            return Int(bytes[payload + 4]) << 8 | Int(bytes[payload + 5])
        }
        XCTAssertEqual(lengths.count, 2)
        XCTAssertEqual(lengths[0], pes[0].payload.count + 8)
        XCTAssertEqual(lengths[1], 0)
    }
}
