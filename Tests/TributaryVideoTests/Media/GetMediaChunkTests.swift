import Foundation
import TributaryVideo
import XCTest

final class GetMediaChunkTests: XCTestCase {
    typealias W = EBMLTestWriter

    /// Stored fragments of `upload` (as PutMedia hands them over) with numbers as storage would give them.
    func contents(of upload: [UInt8], type: FragmentTimecodeType = .absolute,
                  start: Int64? = nil) -> [FragmentContent] {
        let stores = PutMediaHarness.stores(PutMediaHarness.steps(upload, type: type, start: start,
                                                                   clock: TestClock(start: 1_726_677_687_758)))
        return stores.enumerated().map { index, input in
            FragmentContent(
                fragment: StoredFragment(number: FragmentNumber(offset: UInt64(1000 * index)),
                                         producerTimestampMs: input.producerTimestampMs,
                                         serverTimestampMs: input.serverTimestampMs, durationMs: input.durationMs,
                                         sizeBytes: input.cluster.count),
                head: input.head, cluster: input.cluster, tags: input.tags)
        }
    }

    func tags(_ events: [MatroskaEvent]) -> [[String: String]] {
        events.compactMap { event in
            guard case .tags(let tags) = event else { return nil }
            return Dictionary(tags.flatMap(\.simpleTags).map { ($0.name, $0.string ?? "") }, uniquingKeysWith: { $1 })
        }
    }

    func testLiveChunkReadsBackWithTagsAroundTheCluster() throws {
        let producerTags = W.tags([("camera", "north")])
        let body = W.info() + W.tracks(W.videoTrack(), W.audioTrack()) + producerTags
            + W.unknownSizeElement(0x1F43_B675, W.clusterPayload(timecode: 100))
        let upload = W.header() + W.unknownSizeElement(0x1853_8067, body)
        let original = ReaderHarness.frames(try ReaderHarness.events(upload))
        let content = try XCTUnwrap(contents(of: upload, type: .relative, start: 1_726_677_000_000).first)

        let chunk = GetMediaChunk.live(content, millisBehindNow: 1234, continuationToken: "token-1")
        let events = try ReaderHarness.events(chunk, chunk: 7)
        guard case .header(let header) = events.first else { return XCTFail("no header: \(events.prefix(1))") }
        XCTAssertEqual(header.docType, "matroska")
        XCTAssertEqual(tags(events), [
            [GetMediaTagName.fragmentNumber: content.fragment.number.description,
             GetMediaTagName.serverTimestamp: "1726677687.758",
             GetMediaTagName.producerTimestamp: "1726677000.100"],
            ["camera": "north"],
            [GetMediaTagName.millisBehindNow: "1234", GetMediaTagName.continuationToken: "token-1"],
        ])
        // Order: head, fragment tags, cluster, producer tags, trailing tags, end of the Segment.
        let kinds = events.compactMap { event -> String? in
            switch event {
            case .info: "info"
            case .tracks: "tracks"
            case .tags: "tags"
            case .clusterEnded: "cluster"
            case .segmentEnded: "end"
            default: nil
            }
        }
        XCTAssertEqual(kinds, ["info", "tracks", "tags", "cluster", "tags", "tags", "end"])
        let cluster = try XCTUnwrap(ReaderHarness.clusters(events).first)
        XCTAssertEqual(cluster.bytes, content.cluster)
        XCTAssertEqual(cluster.timecode, 1_726_677_000_100)
        XCTAssertEqual(ReaderHarness.frames(events).map(\.bytes), original.map(\.bytes))
    }

    func testArchivedChunkHasNoTrailingTagsAndSideTimestampNames() throws {
        let content = try XCTUnwrap(contents(of: W.document(clusters: [5_000], unknownSizes: false)).first)
        let events = try ReaderHarness.events(GetMediaChunk.archived(content))
        XCTAssertEqual(tags(events), [[
            GetMediaTagName.fragmentNumber: content.fragment.number.description,
            GetMediaTagName.serverSideTimestamp: "1726677687.758",
            GetMediaTagName.producerSideTimestamp: "5.000",
        ]])
        XCTAssertEqual(ReaderHarness.clusters(events).map(\.bytes), [content.cluster])
        XCTAssertEqual(events.last, .segmentEnded)
    }

    func testConcatenatedChunksReadAsOneDocumentEach() throws {
        let contents = contents(of: W.document(clusters: [0, 100, 200], unknownSizes: true))
        let stream = contents.enumerated().flatMap { index, content in
            GetMediaChunk.live(content, millisBehindNow: Int64(index),
                               continuationToken: content.fragment.number.description)
        }
        let events = try ReaderHarness.events(stream, chunk: 13)
        XCTAssertEqual(events.filter { $0 == .segmentEnded }.count, 3)
        XCTAssertEqual(ReaderHarness.clusters(events).map(\.timecode), [0, 100, 200])
        XCTAssertEqual(tags(events).compactMap { $0[GetMediaTagName.continuationToken] },
                       contents.map(\.fragment.number.description))
    }

    func testErrorChunk() throws {
        let events = try ReaderHarness.events(GetMediaChunk.error(code: "FRAGMENT_NOT_FOUND", id: 4000))
        XCTAssertEqual(tags(events),
                       [[GetMediaTagName.errorCode: "FRAGMENT_NOT_FOUND", GetMediaTagName.errorID: "4000"]])
        XCTAssertTrue(ReaderHarness.clusters(events).isEmpty)
    }

    func testTimestampsAreSecondsWithThreeDecimals() {
        XCTAssertEqual(GetMediaTagName.seconds(milliseconds: 1_726_677_687_758), "1726677687.758")
        XCTAssertEqual(GetMediaTagName.seconds(milliseconds: 1_726_677_687_050), "1726677687.050")
        XCTAssertEqual(GetMediaTagName.seconds(milliseconds: 5), "0.005")
        XCTAssertEqual(GetMediaTagName.seconds(milliseconds: 0), "0.000")
        XCTAssertEqual(GetMediaTagName.seconds(milliseconds: -1_500), "-1.500")
        XCTAssertEqual(GetMediaTagName.seconds(milliseconds: Int64.min), "-9223372036854775.808")
    }

    /// ffprobe reads the fixture's fragments written as concatenated GetMedia chunks and counts every video frame.
    func testFFprobeCountsEveryVideoFrameOfConcatenatedChunks() throws {
        let ffprobe = URL(fileURLWithPath: "/usr/bin/ffprobe")
        guard FileManager.default.isExecutableFile(atPath: ffprobe.path) else {
            throw XCTSkip("/usr/bin/ffprobe is not installed")
        }
        let fixture = [UInt8](try Data(contentsOf: MatroskaFixtureTests.fixture))
        let contents = contents(of: fixture, type: .relative, start: 1_726_677_687_000)
        XCTAssertEqual(contents.count, 2)
        let stream = contents.flatMap { GetMediaChunk.live($0, millisBehindNow: 0, continuationToken: "t") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("getmedia-\(UUID().uuidString).mkv")
        try Data(stream).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        func videoFrames(_ path: String) throws -> String {
            let process = Process()
            process.executableURL = ffprobe
            process.arguments = ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                                 "stream=nb_read_frames", "-of", "csv=p=0", path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let expected = try videoFrames(MatroskaFixtureTests.fixture.path)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(try videoFrames(file.path), expected)
    }
}
