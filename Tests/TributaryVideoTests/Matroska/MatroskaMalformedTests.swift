import TributaryVideo
import XCTest

final class MatroskaMalformedTests: XCTestCase {
    typealias W = EBMLTestWriter
    typealias H = ReaderHarness

    private func segment(_ parts: [UInt8]...) -> [UInt8] {
        W.header() + W.unknownSizeElement(0x1853_8067, parts.flatMap { $0 })
    }

    func testTruncatedVarintAndElement() {
        guard case .truncated = H.error([0x1A, 0x45]) else { return XCTFail("truncated id") }
        guard case .truncated = H.error(W.header() + [0x18, 0x53, 0x80, 0x67, 0x01, 0xFF]) else {
            return XCTFail("truncated size")
        }
        guard case .truncated = H.error(Array(W.document(unknownSizes: true).dropLast(3))) else {
            return XCTFail("truncated block")
        }
        guard case .truncated = H.error(Array(W.document(unknownSizes: false).dropLast(12))) else {
            return XCTFail("known-size cluster cut at an element boundary")
        }
    }

    func testInvalidVarints() {
        guard case .invalidData = H.error([0x00, 0x00, 0x00]) else { return XCTFail("zero id byte") }
        guard case .invalidData = H.error(W.id(0x1A45_DFA3) + [0x00, 0x00]) else { return XCTFail("zero size byte") }
        guard case .invalidData = H.error(W.header() + [0x08, 1, 2, 3, 4, 0x81, 0]) else { return XCTFail("5-byte id") }
    }

    func testSizesBeyondLimitsAreErrors() {
        let huge: [UInt8] = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE]  // 2^56 - 2
        let tracks = W.tracks(W.videoTrack())
        guard case .clusterTooLarge = H.error(segment(tracks, W.id(0x1F43_B675) + huge)) else {
            return XCTFail("huge cluster")
        }
        guard case .elementTooLarge(_, .tracks, _, _) = H.error(segment(W.id(0x1654_AE6B) + huge)) else {
            return XCTFail("huge tracks")
        }
        guard case .clusterTooLarge = H.error(segment(tracks, W.id(0x1F43_B675) + W.unknownSize + W.uint(0xE7, 0)
                                                       + W.id(0xA3) + huge)) else {
            return XCTFail("huge block")
        }
        // A 2 KB cluster with a 1 KB limit fails while it grows (unknown size), before it is complete.
        let small = MatroskaLimits(maximumClusterSize: 1024)
        var reader = MatroskaStreamReader(limits: small)
        XCTAssertNoThrow(try reader.feed(segment(tracks) + W.unknownSizeElement(0x1F43_B675, W.uint(0xE7, 0))))
        let block = W.simpleBlock(track: 1, timecode: 0, keyframe: true, [UInt8](repeating: 1, count: 600))
        XCTAssertNoThrow(try reader.feed(block))
        XCTAssertThrowsError(try reader.feed(block)) { error in
            guard case .clusterTooLarge(_, _, 1024) = error as? MatroskaError else { return XCTFail("\(error)") }
        }
        // A skipped element inside a known-size Segment cannot claim more than the Segment holds.
        guard case .invalidData = H.error(W.header() + W.element(0x1853_8067, W.id(0xEC) + huge)) else {
            return XCTFail("void overrunning the segment")
        }
    }

    func testStructuralErrors() {
        let tracks = W.tracks(W.videoTrack(), W.audioTrack())
        let cluster = W.unknownSizeElement(0x1F43_B675, W.clusterPayload(timecode: 0))
        XCTAssertEqual(H.error(segment(W.info(), cluster)), .missingTrackInfo(offset: Int64(W.header().count + 12 + W.info().count)))
        XCTAssertEqual(H.error(segment(W.tracks(W.videoTrack()), cluster))?.awsErrorID, 4010)
        guard case .undeclaredTrack(_, 2) = H.error(segment(W.tracks(W.videoTrack()), cluster)) else {
            return XCTFail("undeclared track")
        }
        let four = W.tracks(W.videoTrack(1), W.audioTrack(2), W.audioTrack(3), W.audioTrack(4))
        XCTAssertEqual(H.error(segment(four)), .tooManyTracks(count: 4, limit: 3))
        XCTAssertEqual(H.error(segment(four))?.awsErrorID, 4012)
        guard case .invalidData = H.error(segment(W.tracks(W.videoTrack(1), W.videoTrack(1)))) else {
            return XCTFail("duplicate track number")
        }
        guard case .invalidData = H.error(segment(tracks, W.unknownSizeElement(
            0x1F43_B675, W.simpleBlock(track: 1, timecode: 0, keyframe: true, [1])))) else {
            return XCTFail("block before timecode")
        }
        guard case .invalidData = H.error(segment(tracks, W.element(0x1F43_B675, W.void(2)))) else {
            return XCTFail("cluster without timecode")
        }
        guard case .invalidData = H.error(W.header(docType: "avi") + W.unknownSizeElement(0x1853_8067)) else {
            return XCTFail("doc type")
        }
        guard case .invalidData = H.error(W.unknownSizeElement(0x1853_8067, tracks)) else {
            return XCTFail("segment without header")
        }
        guard case .invalidData = H.error(segment(W.element(0x1654_AE6B, W.element(0xAE, W.uint(0xD7, 1), [0x86, 0x85, 0x41])))) else {
            return XCTFail("child overrunning its parent")
        }
        guard case .invalidData = H.error(segment(tracks, W.unknownSizeElement(0x1F43_B675, W.uint(0xE7, 0),
                                                                                W.element(0xA3, [0x81, 0x00])))) else {
            return XCTFail("short block")
        }
        XCTAssertEqual(H.error(segment(tracks, cluster))?.awsErrorID, nil)
    }

    func testEventsBeforeAnErrorAreDeliveredAndTheErrorFollows() throws {
        let good = W.document(clusters: [0], unknownSizes: true)
        var reader = MatroskaStreamReader()
        // A new Cluster header closes the first (unknown-size) cluster; the new one holds garbage (a zero byte
        // where an id should be). The completed cluster is still delivered; the error comes with the next call.
        let events = try reader.feed(good + [0x1F, 0x43, 0xB6, 0x75, 0x81, 0x00] + [0x00])
        XCTAssertEqual(H.clusters(events).map(\.timecode), [0])
        XCTAssertEqual(H.frames(events).count, 4)
        XCTAssertThrowsError(try reader.finish())
        XCTAssertThrowsError(try reader.feed([0x1A]))
    }

    func testGarbageNeverTraps() {
        var generator = SplitMix64(seed: 6)
        for _ in 0..<300 {
            let length = Int(generator.next() % 200)
            let garbage = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = H.error(garbage, chunk: 1 + Int(generator.next() % 9))
            _ = H.error(W.header() + garbage)
            _ = H.error(segment(W.tracks(W.videoTrack(), W.audioTrack())) + garbage)
        }
    }

    func testMutatedDocumentsNeverTrap() {
        var generator = SplitMix64(seed: 42)
        let base = W.document(unknownSizes: false, extra: W.tags([("K", "V")])) + W.document(unknownSizes: true)
        var failures = 0
        for _ in 0..<2000 {
            var bytes = base
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            if generator.next() % 4 == 0 { bytes.removeLast(Int(generator.next() % UInt64(bytes.count))) }
            if H.error(bytes, chunk: 1 + Int(generator.next() % 50)) != nil { failures += 1 }
        }
        XCTAssertGreaterThan(failures, 0)
    }
}

/// A small deterministic generator so fuzz-style tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
