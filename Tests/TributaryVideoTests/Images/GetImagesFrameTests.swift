import Foundation
import TributaryWire
@testable import TributaryVideo
import XCTest

/// GetImages over the stored fixture, checked against frames ffmpeg extracts from the fixture file itself.
final class GetImagesFrameTests: XCTestCase {
    private var images: ImagesTestStack!

    override func setUp() async throws {
        try ImageTool.requireFFmpeg()
        images = try ImagesTestStack()
        try await images.ingestFixture()
    }

    override func tearDown() {
        images?.remove()
    }

    private var start: Int64 { ImagesTestStack.producerStartMs }

    /// The one image GetImages answers for a request of one sample time.
    private func onlyImage(_ request: Document) async throws -> [UInt8] {
        let answer = try ImagesTestStack.images(try await images.stack.service.getImages(request))
        XCTAssertEqual(answer.count, 1)
        return try XCTUnwrap(answer.first?.content, answer.first?.error ?? "no entry")
    }

    /// The fixture time of the frame on screen at fixture time `ms`: the last frame presented at or before it.
    private func shownFrameMs(at ms: Int64, in frameTimes: [Int64]) throws -> Int64 {
        try XCTUnwrap(frameTimes.last { $0 <= ms })
    }

    func testImagesAreTheFramesShownAtEachProducerTime() async throws {
        let frameTimes = try await ImagesTestStack.fixtureVideoTimesMs()
        XCTAssertEqual(frameTimes.count, 20)
        // Times on a frame, between frames, and in the second fragment.
        for offsets in [[Int64(23), 250, 477, 704], [1_123, 1_390, 1_657, 1_924]] {
            let request = ImagesTestStack.request(startMs: start + offsets[0], endMs: start + offsets[3],
                                                  intervalMs: offsets[1] - offsets[0])
            let answer = try ImagesTestStack.images(try await images.stack.service.getImages(request))
            XCTAssertEqual(answer.map(\.timeMs), offsets.map { start + $0 })
            for (entry, offset) in zip(answer, offsets) {
                let content = try XCTUnwrap(entry.content, "no image at +\(offset) ms: \(entry.error ?? "")")
                let expectedMs = try shownFrameMs(at: offset, in: frameTimes)
                let reference = try await ImagesTestStack.fixtureFrame(atMs: expectedMs)
                let psnr = try await ImageTool.psnr(content, reference)
                XCTAssertGreaterThan(psnr, 30, "image at +\(offset) ms against the frame at \(expectedMs) ms")
                // The neighbouring frame must match worse, so a frame off by one is noticed.
                let neighbourMs = expectedMs == frameTimes.last ? expectedMs - 100 : expectedMs + 100
                let neighbour = try await ImagesTestStack.fixtureFrame(atMs: neighbourMs)
                let neighbourPSNR = try await ImageTool.psnr(content, neighbour)
                XCTAssertLessThan(neighbourPSNR, psnr, "image at +\(offset) ms is closer to the frame at \(neighbourMs)")
            }
        }
    }

    func testServerTimestampsPickTheFrameAtTheSameOffsetIntoTheFragment() async throws {
        let frameTimes = try await ImagesTestStack.fixtureVideoTimesMs()
        let second = images.stored[1]
        XCTAssertEqual(second.serverTimestampMs, ImagesTestStack.serverStartMs + 1000)
        let offsetMs: Int64 = 450
        let request = ImagesTestStack.request(
            startMs: second.serverTimestampMs + offsetMs, endMs: second.serverTimestampMs + offsetMs,
            ["ImageSelectorType": .string("SERVER_TIMESTAMP")])
        let content = try await onlyImage(request)
        let fixtureMs = second.producerTimestampMs - start + offsetMs
        let expectedMs = try shownFrameMs(at: fixtureMs, in: frameTimes)
        let reference = try await ImagesTestStack.fixtureFrame(atMs: expectedMs)
        let psnr = try await ImageTool.psnr(content, reference)
        XCTAssertGreaterThan(psnr, 30)
    }

    func testTimesNoFragmentCoversAreNoMedia() async throws {
        let lastEnd = try XCTUnwrap(images.stored.last.map { $0.producerTimestampMs + $0.durationMs })
        let request = ImagesTestStack.request(startMs: start - 400, endMs: start + 200)
        let answer = try ImagesTestStack.images(try await images.stack.service.getImages(request))
        XCTAssertEqual(answer.map(\.error), ["NO_MEDIA", "NO_MEDIA", nil, nil])
        XCTAssertEqual(answer.map { $0.content == nil }, [true, true, false, false])

        let after = ImagesTestStack.request(startMs: lastEnd, endMs: lastEnd + 1000)
        let afterAnswer = try ImagesTestStack.images(try await images.stack.service.getImages(after))
        XCTAssertEqual(afterAnswer.count, 6)
        XCTAssertEqual(Set(afterAnswer.map(\.error)), ["NO_MEDIA"])
    }

    func testWidthAndHeightStretchAndHeightAloneKeepsTheAspectRatio() async throws {
        let stretched = ImagesTestStack.request(startMs: start + 500, endMs: start + 500,
                                                ["WidthPixels": .integer(90), "HeightPixels": .integer(30)])
        let stretchedImage = try await onlyImage(stretched)
        let stretchedPixels = try await ImageTool.pixels(stretchedImage)
        XCTAssertEqual([stretchedPixels.width, stretchedPixels.height], [90, 30])

        let byHeight = ImagesTestStack.request(startMs: start + 500, endMs: start + 500, format: "JPEG",
                                               ["HeightPixels": .integer(60)])
        let heightImage = try await onlyImage(byHeight)
        let heightPixels = try await ImageTool.pixels(heightImage)
        // The fixture is 160x120.
        XCTAssertEqual([heightPixels.width, heightPixels.height], [80, 60])

        let original = ImagesTestStack.request(startMs: start + 500, endMs: start + 500)
        let originalImage = try await onlyImage(original)
        let originalPixels = try await ImageTool.pixels(originalImage)
        XCTAssertEqual([originalPixels.width, originalPixels.height], [160, 120])
    }

    func testFormatsAreJPEGOrPNGAndJPEGQualityChangesTheEncoding() async throws {
        func image(_ format: String, _ members: [String: Document] = [:]) async throws -> [UInt8] {
            let request = ImagesTestStack.request(startMs: start + 700, endMs: start + 700, format: format, members)
            return try await onlyImage(request)
        }
        let png = try await image("PNG")
        XCTAssertEqual(Array(png.prefix(8)), StillImageSplitter.pngSignature)
        let jpeg = try await image("JPEG")
        XCTAssertEqual(Array(jpeg.prefix(3)), [0xFF, 0xD8, 0xFF])
        XCTAssertEqual(Array(jpeg.suffix(2)), [0xFF, 0xD9])
        let best = try await image("JPEG", ["FormatConfig": .object(["JPEGQuality": .string("100")])])
        let worst = try await image("JPEG", ["FormatConfig": .object(["JPEGQuality": .string("1")])])
        XCTAssertGreaterThan(best.count, jpeg.count)
        XCTAssertGreaterThan(jpeg.count, worst.count)
        let reference = try await ImagesTestStack.fixtureFrame(atMs: 623)
        let bestPSNR = try await ImageTool.psnr(best, reference)
        let worstPSNR = try await ImageTool.psnr(worst, reference)
        XCTAssertGreaterThan(bestPSNR, worstPSNR)
    }

    func testAFragmentWithoutAnImageIsAMediaError() async throws {
        typealias W = EBMLTestWriter
        // An audio-only upload, and a video upload whose frames are not H.264, in a stream of their own each.
        let audioOnly = W.header() + W.unknownSizeElement(
            0x1853_8067, W.info(), W.tracks(W.audioTrack(1)),
            W.element(0x1F43_B675, W.uint(0xE7, 1_900_000_000_000),
                      W.simpleBlock(track: 1, timecode: 0, keyframe: true, [1, 2, 3]),
                      W.simpleBlock(track: 1, timecode: 500, keyframe: true, [4, 5, 6])))
        let garbageVideo = W.document(clusters: [1_900_000_000_000], unknownSizes: false)
        for (name, upload) in [("audio-only", audioOnly), ("garbage-video", garbageVideo)] {
            try await images.stack.createActiveStream(name, ["DataRetentionInHours": .integer(1)])
            try await images.store(PutMediaHarness.stores(PutMediaHarness.steps(upload)), stream: name)
            let request = ImagesTestStack.request(startMs: 1_900_000_000_000, endMs: 1_900_000_000_000,
                                                  ["StreamName": .string(name)])
            let answer = try ImagesTestStack.images(try await images.stack.service.getImages(request))
            XCTAssertEqual(answer.map(\.error), ["MEDIA_ERROR"], name)
        }
    }
}
