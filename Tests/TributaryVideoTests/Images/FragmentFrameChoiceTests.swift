import Foundation
@testable import TributaryVideo
import XCTest

/// Which frame of a stored fragment is on screen at a sample time, without decoding anything.
final class FragmentFrameChoiceTests: XCTestCase {
    typealias W = EBMLTestWriter

    /// A fragment of one video track with frames at 0, 40 and 120 ms after a cluster at `clusterMs`, and an audio
    /// frame at 60 ms that must never be chosen.
    private func media(clusterMs: Int64, scale: UInt64 = 1_000_000) throws -> FragmentMedia {
        let ticksPerMs = 1_000_000 / Int64(scale)
        let cluster = W.element(0x1F43_B675, W.uint(0xE7, UInt64(clusterMs * ticksPerMs)),
                                W.simpleBlock(track: 1, timecode: Int16(120 * ticksPerMs), keyframe: false, [3]),
                                W.simpleBlock(track: 1, timecode: 0, keyframe: true, [1]),
                                W.simpleBlock(track: 2, timecode: Int16(60 * ticksPerMs), keyframe: true, [9]),
                                W.simpleBlock(track: 1, timecode: Int16(40 * ticksPerMs), keyframe: false, [2]))
        let fragment = StoredFragment(number: FragmentNumber(offset: 0), producerTimestampMs: clusterMs,
                                      serverTimestampMs: 5_000, durationMs: 160, sizeBytes: cluster.count)
        return try FragmentMedia(FragmentContent(fragment: fragment, head: W.info(scale: scale)
            + W.tracks(W.videoTrack(1), W.audioTrack(2)), cluster: cluster, tags: []))
    }

    func testTheLastFramePresentedAtOrBeforeEachTimeIsShown() throws {
        let choice = try FragmentFrameChoice(media: try media(clusterMs: 1_000), baseMs: 1_000,
                                             samplesMs: [1_000, 1_039, 1_040, 1_100, 1_119, 1_120, 1_159])
        XCTAssertEqual(choice.frameTicksPerSample, [1_000, 1_000, 1_040, 1_040, 1_040, 1_120, 1_120])
        XCTAssertEqual(choice.distinctFrameTicks, [1_000, 1_040, 1_120])
    }

    func testServerTimesAreOffsetsIntoTheFragment() throws {
        let choice = try FragmentFrameChoice(media: try media(clusterMs: 1_000), baseMs: 5_000,
                                             samplesMs: [5_000, 5_050, 5_130])
        XCTAssertEqual(choice.frameTicksPerSample, [1_000, 1_040, 1_120])
    }

    func testATimeBeforeTheFirstFrameShowsTheFirstFrame() throws {
        let choice = try FragmentFrameChoice(media: try media(clusterMs: 1_000), baseMs: 1_010, samplesMs: [1_000])
        XCTAssertEqual(choice.frameTicksPerSample, [1_000])
    }

    func testTicksFollowTheTimecodeScale() throws {
        // 100 µs ticks: 10 ticks per millisecond.
        let choice = try FragmentFrameChoice(media: try media(clusterMs: 1_000, scale: 100_000), baseMs: 1_000,
                                             samplesMs: [1_041, 1_200])
        XCTAssertEqual(choice.frameTicksPerSample, [10_400, 11_200])
    }

    func testAFragmentWithoutVideoHasNoFrameToShow() throws {
        let cluster = W.element(0x1F43_B675, W.uint(0xE7, 0), W.simpleBlock(track: 1, timecode: 0, keyframe: true, [1]))
        let fragment = StoredFragment(number: FragmentNumber(offset: 0), producerTimestampMs: 0, serverTimestampMs: 0,
                                      durationMs: 20, sizeBytes: cluster.count)
        let audio = try FragmentMedia(FragmentContent(fragment: fragment, head: W.info() + W.tracks(W.audioTrack(1)),
                                                      cluster: cluster, tags: []))
        XCTAssertThrowsError(try FragmentFrameChoice(media: audio, baseMs: 0, samplesMs: [0])) { error in
            XCTAssertEqual(error as? ImageDecodingError, .noVideoFrames)
        }
    }
}
