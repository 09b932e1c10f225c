@testable import TributaryVideo
import XCTest

/// Which fragments each playback mode lists: the newest for LIVE, a real-time sliding window for LIVE_REPLAY, the
/// range for ON_DEMAND; all capped at the session's maximum, by the session's timestamp.
final class SessionFragmentsTests: XCTestCase {
    private var stack: VideoTestStack!
    private let baseMs: Int64 = 1_700_000_000_000

    override func setUpWithError() throws {
        stack = try VideoTestStack()
    }

    override func tearDown() {
        stack.remove()
    }

    private func ordinals(_ window: PlaybackWindow) -> [UInt64] {
        window.fragments.map(\.ordinal)
    }

    func testLiveListsTheNewestFragmentsAndSlides() {
        let session = StreamingTestFragments.session(mode: .live, max: 3)
        var index = StreamingTestFragments.index(count: 8, startMs: baseMs, firstOrdinal: 40)
        let first = stack.service.sessionFragments(session, index: index, nowMs: baseMs)
        XCTAssertEqual(ordinals(first), [45, 46, 47])
        XCTAssertFalse(first.isComplete)

        index += StreamingTestFragments.index(count: 2, startMs: baseMs + 16_000, firstOrdinal: 48)
        index.removeFirst(3)
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: baseMs)), [47, 48, 49])
    }

    func testLiveWithFewerFragmentsThanTheMaximumListsThemAll() {
        let session = StreamingTestFragments.session(mode: .live, max: 5)
        let index = StreamingTestFragments.index(count: 2, startMs: baseMs)
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: baseMs)), [0, 1])
        XCTAssertEqual(stack.service.sessionFragments(session, index: [], nowMs: baseMs).fragments, [])
    }

    func testOnDemandListsTheRangeUpToTheMaximumAndIsComplete() {
        let index = StreamingTestFragments.index(count: 20, startMs: baseMs)
        // Fragments start every 2 s; the range takes starts in [baseMs + 3 s, baseMs + 14 s]: ordinals 2 ... 7.
        let session = StreamingTestFragments.session(mode: .onDemand, startMs: baseMs + 3_000, endMs: baseMs + 14_000,
                                                     max: 100)
        let window = stack.service.sessionFragments(session, index: index, nowMs: baseMs + 100_000)
        XCTAssertEqual(ordinals(window), [2, 3, 4, 5, 6, 7])
        XCTAssertTrue(window.isComplete)

        let capped = StreamingTestFragments.session(mode: .onDemand, startMs: baseMs + 3_000, endMs: baseMs + 14_000,
                                                    max: 4)
        XCTAssertEqual(ordinals(stack.service.sessionFragments(capped, index: index, nowMs: baseMs)), [2, 3, 4, 5])
    }

    func testEndTimestampIsInclusiveAndComparedWithTheFragmentStart() {
        let index = StreamingTestFragments.index(count: 10, startMs: baseMs)
        let session = StreamingTestFragments.session(mode: .onDemand, startMs: baseMs + 2_000, endMs: baseMs + 6_000,
                                                     max: 100)
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: baseMs)), [1, 2, 3])
    }

    func testSelectionUsesTheSessionsTimestamp() {
        // Server timestamps lag producer timestamps by 5 s.
        let index = StreamingTestFragments.index(count: 10, startMs: baseMs, serverLagMs: 5_000)
        let producer = StreamingTestFragments.session(mode: .onDemand, source: .producerTimestamp,
                                                      startMs: baseMs, endMs: baseMs + 4_000, max: 100)
        let server = StreamingTestFragments.session(mode: .onDemand, source: .serverTimestamp,
                                                    startMs: baseMs, endMs: baseMs + 4_000, max: 100)
        XCTAssertEqual(ordinals(stack.service.sessionFragments(producer, index: index, nowMs: baseMs)), [0, 1, 2])
        XCTAssertEqual(ordinals(stack.service.sessionFragments(server, index: index, nowMs: baseMs)), [])
    }

    func testProducerTimestampsKeepTheNewestOfEqualStartsAndPlayInTimeOrder() {
        var index = StreamingTestFragments.index(count: 4, startMs: baseMs)
        // A resent copy of ordinal 1 (same producer time, larger number), and a late fragment from before ordinal 0.
        var resent = index[1]
        resent.ordinal = 4
        resent.fragment.number = FragmentNumber(offset: 4_000)
        var late = index[0]
        late.ordinal = 5
        late.fragment.number = FragmentNumber(offset: 5_000)
        late.fragment.producerTimestampMs = baseMs - 2_000
        index += [resent, late]
        let session = StreamingTestFragments.session(mode: .onDemand, source: .producerTimestamp,
                                                     startMs: baseMs - 10_000, endMs: baseMs + 10_000, max: 100)
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: baseMs)), [5, 0, 4, 2, 3])
    }

    func testLiveReplayStartsAtTheRangeAndSlidesAsFragmentDurationsElapse() {
        let createdMs = baseMs + 100_000
        let index = StreamingTestFragments.index(count: 10, startMs: baseMs)
        let session = StreamingTestFragments.session(mode: .liveReplay, startMs: baseMs + 4_000, max: 3,
                                                     createdMs: createdMs)
        let atStart = stack.service.sessionFragments(session, index: index, nowMs: createdMs)
        XCTAssertEqual(ordinals(atStart), [2, 3, 4])
        XCTAssertFalse(atStart.isComplete)
        // 2 s is one fragment's duration: the window moves on by one; 5.9 s later, by two.
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: createdMs + 1_999)),
                       [2, 3, 4])
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: createdMs + 2_000)),
                       [3, 4, 5])
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: createdMs + 5_900)),
                       [4, 5, 6])
        // Caught up with the newest fragments, it keeps the newest ones until new fragments arrive.
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: createdMs + 60_000)),
                       [7, 8, 9])
        let grown = index + StreamingTestFragments.index(count: 1, startMs: baseMs + 20_000, firstOrdinal: 10)
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: grown, nowMs: createdMs + 60_000)),
                       [8, 9, 10])
    }

    func testLiveReplayStopsAtItsEndTimestamp() {
        let index = StreamingTestFragments.index(count: 10, startMs: baseMs)
        let session = StreamingTestFragments.session(mode: .liveReplay, startMs: baseMs, endMs: baseMs + 8_000,
                                                     max: 3, createdMs: baseMs)
        XCTAssertEqual(ordinals(stack.service.sessionFragments(session, index: index, nowMs: baseMs + 60_000)),
                       [2, 3, 4])
    }

    func testDiscontinuitySequenceStaysConsistentAsTheLiveWindowSlides() {
        // A 1-second hole after ordinal 3 and another after ordinal 6.
        var index = StreamingTestFragments.index(count: 4, startMs: baseMs)
        index += StreamingTestFragments.index(count: 3, startMs: baseMs + 9_000, firstOrdinal: 4)
        index += StreamingTestFragments.index(count: 3, startMs: baseMs + 16_000, firstOrdinal: 7)
        let onBreaks = StreamingTestFragments.session(mode: .live, discontinuity: .onDiscontinuity, max: 3)
        let always = StreamingTestFragments.session(mode: .live, discontinuity: .always, max: 3)
        let never = StreamingTestFragments.session(mode: .live, discontinuity: .never, max: 3)
        // The discontinuity number of each listed fragment, worked out as a player does.
        func numbers(_ session: StreamingSession, _ visible: Int) -> [UInt64: UInt64] {
            let window = stack.service.sessionFragments(session, index: Array(index.prefix(visible)), nowMs: baseMs)
            var number = window.discontinuitySequence
            var result: [UInt64: UInt64] = [:]
            for (position, entry) in window.fragments.enumerated() {
                if position > 0, session.marksDiscontinuity(from: window.fragments[position - 1].fragment,
                                                            to: entry.fragment) {
                    number += 1
                }
                result[entry.ordinal] = number
            }
            return result
        }
        for session in [onBreaks, always, never] {
            var seen: [UInt64: UInt64] = [:]
            for visible in 3...index.count {
                for (ordinal, number) in numbers(session, visible) {
                    XCTAssertEqual(seen[ordinal] ?? number, number, "\(session.discontinuityMode) \(ordinal)")
                    seen[ordinal] = number
                }
            }
            let expected: [UInt64: UInt64] = switch session.discontinuityMode {
            case .onDiscontinuity: [0: 0, 3: 0, 4: 1, 6: 1, 7: 2, 9: 2]
            case .always: [0: 0, 3: 3, 4: 4, 9: 9]
            case .never: [0: 0, 4: 0, 9: 0]
            }
            for (ordinal, number) in expected {
                XCTAssertEqual(seen[ordinal], number, "\(session.discontinuityMode) \(ordinal)")
            }
        }
    }
}
