import Foundation
import TributaryWire
@testable import TributaryVideo
import XCTest

/// A VideoService over real stores holding the fixture `h264-aac.mkv` as stored fragments (uploaded with
/// RELATIVE timecodes from `producerStartMs`, server timestamps `serverStartMs`, `serverStartMs + 1000`, …), and
/// what GetImages tests need around it: calls, image decoding with ffmpeg, PSNR.
final class ImagesTestStack {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/h264-aac.mkv")
    static let producerStartMs: Int64 = 1_700_000_000_000
    static let serverStartMs: Int64 = 1_800_000_000_000
    static let streamName = "images"

    let stack: VideoTestStack
    /// The stored fragments, in number order.
    private(set) var stored: [StoredFragment] = []

    init() throws {
        stack = try VideoTestStack()
    }

    /// Creates the stream (retention 24 hours) and stores the fixture's fragments in it.
    func ingestFixture() async throws {
        try await stack.createActiveStream(Self.streamName, ["DataRetentionInHours": .integer(24)])
        let bytes = [UInt8](try Data(contentsOf: Self.fixture))
        let steps = PutMediaHarness.steps(bytes, type: .relative, start: Self.producerStartMs,
                                          clock: TestClock(start: Self.serverStartMs, step: 1000))
        try await store(PutMediaHarness.stores(steps))
    }

    /// Appends fragments to the stream's storage, as PutMedia does.
    func store(_ inputs: [FragmentInput], stream: String = ImagesTestStack.streamName) async throws {
        let key = try stack.service.dataStream(name: stream, arn: nil).storageKey
        for input in inputs { _ = try await stack.fragments.append(input, stream: key) }
        stored = try stack.fragments.fragments(stream: key)
    }

    func remove() { stack.remove() }

    /// A GetImages request for the stream, seconds given in milliseconds; `members` adds or overrides.
    static func request(startMs: Int64, endMs: Int64, intervalMs: Int64 = 200, format: String = "PNG",
                        _ members: [String: Document] = [:]) -> Document {
        .object([
            "StreamName": .string(streamName), "ImageSelectorType": .string("PRODUCER_TIMESTAMP"),
            "StartTimestamp": .timestamp(Double(startMs) / 1000), "EndTimestamp": .timestamp(Double(endMs) / 1000),
            "SamplingInterval": .integer(intervalMs), "Format": .string(format),
        ].merging(members) { $1 })
    }

    /// The answer's images as (time in ms, image bytes or error).
    static func images(_ answer: Document) throws -> [(timeMs: Int64, content: [UInt8]?, error: String?)] {
        let entries = try answer.array("Images") ?? []
        return try entries.map { entry in
            let seconds = try XCTUnwrap(try entry.timestamp("TimeStamp"))
            let content = try entry.string("ImageContent").map { try XCTUnwrap(Base64.decode($0)) }
            return (Int64((seconds * 1000).rounded()), content, try entry.string("Error"))
        }
    }

    /// The fixture's video presentation times in ms, from ffprobe.
    static func fixtureVideoTimesMs() async throws -> [Int64] {
        let text = try await ImageTool.run(ImageTool.ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries",
                                                         "packet=pts", "-of", "csv=p=0", fixture.path])
        return String(decoding: text, as: UTF8.self).split(separator: "\n").compactMap { Int64($0) }.sorted()
    }

    /// The fixture's frame at `ms` (a presentation time), extracted by ffmpeg straight from the file, as PNG.
    static func fixtureFrame(atMs ms: Int64) async throws -> [UInt8] {
        try await ImageTool.run(ImageTool.ffmpeg, ["-v", "error", "-ss", String(format: "%.3f", Double(ms) / 1000),
                                             "-i", fixture.path, "-frames:v", "1", "-f", "image2pipe", "-c:v", "png",
                                             "-pix_fmt", "rgb24", "pipe:1"])
    }
}
