import Foundation
import TributaryVideo
import XCTest

final class PutMediaSessionTests: XCTestCase {
    typealias W = EBMLTestWriter
    typealias H = PutMediaHarness

    static let chunkSizes = [1, 2, 3, 5, 7, 16, 61, 256, 1000, Int.max]

    func testEachClusterIsBufferedReceivedAndStoredAtEveryChunkSize() throws {
        for unknownSizes in [true, false] {
            let upload = W.document(clusters: [0, 100, 200], unknownSizes: unknownSizes)
            let reference = H.steps(upload)
            XCTAssertEqual(reference.count, 9)
            for chunk in Self.chunkSizes {
                let steps = H.steps(upload, chunk: chunk)
                XCTAssertEqual(steps, reference, "chunk \(chunk), unknown sizes \(unknownSizes)")
            }
            for (index, timecode) in [Int64(0), 100, 200].enumerated() {
                XCTAssertEqual(reference[3 * index], .acknowledge(.buffering(timecode: timecode)))
                XCTAssertEqual(reference[3 * index + 1], .acknowledge(.received(timecode: timecode)))
                guard case .store(_, let fragmentTimecode) = reference[3 * index + 2] else {
                    return XCTFail("step \(3 * index + 2) is not a store: \(reference[3 * index + 2])")
                }
                XCTAssertEqual(fragmentTimecode, timecode)
            }
            XCTAssertNil(H.failure(reference))
        }
    }

    func testAbsoluteFragmentsKeepTheClusterAndTheDocumentHead() throws {
        let upload = W.document(clusters: [1_700_000_000_000, 1_700_000_000_100], unknownSizes: true)
        let stores = H.stores(H.steps(upload, chunk: 10))
        XCTAssertEqual(stores.map(\.producerTimestampMs), [1_700_000_000_000, 1_700_000_000_100])
        XCTAssertEqual(stores.map(\.durationMs), [99, 99])
        XCTAssertEqual(stores.map(\.tags), [[], []])
        for (input, timecode) in zip(stores, [UInt64(1_700_000_000_000), 1_700_000_000_100]) {
            XCTAssertEqual(input.head, W.info() + W.tracks(W.videoTrack(), W.audioTrack()))
            XCTAssertEqual(input.cluster, MatroskaCluster.knownSize(W.clusterPayload(timecode: timecode)))
        }
    }

    func testRelativeFragmentsGetAbsoluteTimecodesAndKeepEveryFrame() throws {
        let start: Int64 = 1_663_277_247_152
        let upload = W.document(clusters: [0, 100], unknownSizes: true)
        let original = ReaderHarness.frames(try ReaderHarness.events(upload))
        for chunk in Self.chunkSizes {
            let steps = H.steps(upload, chunk: chunk, type: .relative, start: start)
            let stores = H.stores(steps)
            XCTAssertEqual(stores.map(\.producerTimestampMs), [start, start + 100])
            XCTAssertEqual(H.storedTimecodes(steps), [0, 100], "acknowledgements carry the producer's timecodes")
            XCTAssertEqual(H.acknowledgements(steps).map(\.fragmentTimecode), [0, 0, 100, 100])
            var frames: [MatroskaFrame] = []
            for input in stores {
                let events = try H.readBack(input)
                let clusters = ReaderHarness.clusters(events)
                XCTAssertEqual(clusters.count, 1)
                XCTAssertEqual(clusters.first.map { Int64($0.timecode) }, input.producerTimestampMs)
                frames += ReaderHarness.frames(events)
            }
            XCTAssertEqual(frames.map(\.bytes), original.map(\.bytes))
            XCTAssertEqual(frames.map(\.trackNumber), original.map(\.trackNumber))
            XCTAssertEqual(frames.map(\.absoluteTimecode), original.map { $0.absoluteTimecode + start })
        }
    }

    func testRelativeWithoutAStartTimestampStartsAtTheFirstByte() {
        let clock = TestClock(start: 5_000_000, step: 1_000)
        let steps = H.steps(W.document(clusters: [0, 100], unknownSizes: false), chunk: 50, type: .relative,
                            clock: clock)
        // The first clock reading is the first byte; later readings are the clusters' BUFFERING.
        XCTAssertEqual(H.stores(steps).map(\.producerTimestampMs), [5_000_000, 5_000_100])
        XCTAssertEqual(H.stores(steps).map(\.serverTimestampMs), [5_001_000, 5_002_000])
    }

    func testServerTimestampIsTakenWhenEachClusterStarts() {
        let clock = TestClock(start: 42, step: 7)
        let stores = H.stores(H.steps(W.document(clusters: [0, 100, 200], unknownSizes: true), clock: clock))
        XCTAssertEqual(stores.map(\.serverTimestampMs), [42, 49, 56])
    }

    func testRelativeRewriteCountsInTheSegmentsTimecodeScale() throws {
        // 100 µs ticks: cluster timecode 1000 ticks is 100 ms.
        let body = W.info(scale: 100_000) + W.tracks(W.videoTrack(), W.audioTrack())
            + W.unknownSizeElement(0x1F43_B675, W.clusterPayload(timecode: 1000))
        let upload = W.header() + W.unknownSizeElement(0x1853_8067, body)
        let steps = H.steps(upload, chunk: 9, type: .relative, start: 2_000)
        XCTAssertEqual(H.storedTimecodes(steps), [100])
        let input = try XCTUnwrap(H.stores(steps).first)
        XCTAssertEqual(input.producerTimestampMs, 2_100)
        let cluster = try XCTUnwrap(ReaderHarness.clusters(try H.readBack(input)).first)
        XCTAssertEqual(cluster.timecode, 21_000, "(2000 ms start + 100 ms) in 100 µs ticks")
        XCTAssertEqual(cluster.timecodeScale, 100_000)
    }

    func testProducerTagsBeforeAClusterAreStoredWithIt() throws {
        let tags = W.tags([("camera", "north"), ("mode", "day")])
        let body = W.info() + W.tracks(W.videoTrack(), W.audioTrack())
            + W.element(0x1F43_B675, W.clusterPayload(timecode: 0)) + tags
            + W.element(0x1F43_B675, W.clusterPayload(timecode: 100))
            + W.element(0x1F43_B675, W.clusterPayload(timecode: 200))
        let upload = W.header() + W.unknownSizeElement(0x1853_8067, body)
        for chunk in Self.chunkSizes {
            let stores = H.stores(H.steps(upload, chunk: chunk))
            XCTAssertEqual(stores.count, 3)
            XCTAssertEqual(stores[0].tags, [])
            XCTAssertEqual(stores[2].tags, [])
            let read = try H.readBack(stores[1]).compactMap { if case .tags(let t) = $0 { t } else { nil } }
            XCTAssertEqual(read, [[MatroskaTag(targetTypeValue: 50, simpleTags: [
                MatroskaSimpleTag(name: "camera", string: "north"), MatroskaSimpleTag(name: "mode", string: "day"),
            ])]])
        }
    }

    func testAnUploadWithoutInfoGetsAMinimalInfo() throws {
        let body = W.tracks(W.videoTrack(), W.audioTrack()) + W.element(0x1F43_B675, W.clusterPayload(timecode: 7))
        let input = try XCTUnwrap(H.stores(H.steps(W.header() + W.element(0x1853_8067, body))).first)
        XCTAssertEqual(input.head, W.element(0x1549_A966, W.uint(0x2AD7B1, 1_000_000))
                       + W.tracks(W.videoTrack(), W.audioTrack()))
    }

    func testConcatenatedDocumentsKeepEachDocumentsHead() throws {
        let first = W.document(clusters: [0, 100], unknownSizes: true)
        let secondBody = W.info(scale: 1_000_000) + W.tracks(W.videoTrack(codec: "V_MPEGH/ISO/HEVC"))
            + W.unknownSizeElement(0x1F43_B675, W.uint(0xE7, 300) + W.simpleBlock(track: 1, timecode: 0,
                                                                                   keyframe: true, [9, 9]))
        let upload = first + W.header() + W.unknownSizeElement(0x1853_8067, secondBody)
        for chunk in Self.chunkSizes {
            let stores = H.stores(H.steps(upload, chunk: chunk))
            XCTAssertEqual(stores.count, 3, "chunk \(chunk)")
            let codecs = try stores.map { input in
                try H.readBack(input).compactMap { if case .tracks(let t) = $0 { t.map(\.codecID) } else { nil } }
            }
            XCTAssertEqual(codecs, [[["V_MPEG4/ISO/AVC", "A_AAC"]], [["V_MPEG4/ISO/AVC", "A_AAC"]],
                                    [["V_MPEGH/ISO/HEVC"]]], "chunk \(chunk)")
            // Large chunks hold the first document's last cluster end and the second document's head: the first
            // head is then rebuilt from parsed values, which for these elements gives the same bytes.
            XCTAssertEqual(stores[1].head, W.info() + W.tracks(W.videoTrack(), W.audioTrack()), "chunk \(chunk)")
            XCTAssertEqual(stores[2].head, W.info() + W.tracks(W.videoTrack(codec: "V_MPEGH/ISO/HEVC")))
        }
    }

    func testFixtureFragmentsReadBackWithTheSameFrames() throws {
        let bytes = [UInt8](try Data(contentsOf: MatroskaFixtureTests.fixture))
        let original = ReaderHarness.frames(try ReaderHarness.events(bytes))
        for chunk in [1, 4096, Int.max] {
            let steps = H.steps(bytes, chunk: chunk, type: .relative, start: 1_726_677_687_000)
            XCTAssertNil(H.failure(steps))
            let stores = H.stores(steps)
            XCTAssertEqual(stores.count, 2)
            let clusterTimecodes = ReaderHarness.clusters(try ReaderHarness.events(bytes)).map(\.timecodeMilliseconds)
            XCTAssertEqual(H.storedTimecodes(steps), clusterTimecodes)
            XCTAssertEqual(stores.map(\.producerTimestampMs), clusterTimecodes.map { 1_726_677_687_000 + $0 })
            XCTAssertTrue(stores.allSatisfy { (900...1100).contains($0.durationMs) })
            let frames = try stores.flatMap { ReaderHarness.frames(try H.readBack($0)) }
            XCTAssertEqual(frames.map(\.bytes), original.map(\.bytes))
            XCTAssertEqual(frames.map(\.isKeyframe), original.map(\.isKeyframe))
        }
    }
}

extension MatroskaCluster {
    /// A Cluster element with an 8-byte known size, as storage keeps it.
    static func knownSize(_ payload: [UInt8]) -> [UInt8] {
        EBMLVarint.encodeID(.cluster) + (EBMLVarint.encodeSize(UInt64(payload.count), length: 8) ?? []) + payload
    }
}
