import Foundation
import TributaryWire
@testable import TributaryVideo
import XCTest

/// GetImages' refusals, each with AWS's error code and status. The stream holds no fragments, so no image is
/// decoded and ffmpeg is not needed.
final class GetImagesValidationTests: XCTestCase {
    private var images: ImagesTestStack!
    private let start: Int64 = 1_700_000_000_000

    override func setUp() async throws {
        images = try ImagesTestStack()
        try await images.stack.createActiveStream(ImagesTestStack.streamName, ["DataRetentionInHours": .integer(2)])
    }

    override func tearDown() {
        images?.remove()
    }

    private func request(_ members: [String: Document] = [:], removing: [String] = []) -> Document {
        guard case .object(var all) = ImagesTestStack.request(startMs: start, endMs: start + 1000, members) else {
            return .null
        }
        for name in removing { all.removeValue(forKey: name) }
        return .object(all)
    }

    /// The error a request fails with; fails the test when it succeeds.
    private func failure(_ request: Document, file: StaticString = #filePath, line: UInt = #line) async
        -> ServiceError? {
        do {
            _ = try await images.stack.service.getImages(request)
            XCTFail("GetImages succeeded", file: file, line: line)
            return nil
        } catch {
            return VideoTestStack.serviceError(error)
        }
    }

    private func assertInvalid(_ request: Document, _ what: String, file: StaticString = #filePath,
                               line: UInt = #line) async {
        let error = await failure(request, file: file, line: line)
        XCTAssertEqual(error?.code, "InvalidArgumentException", what, file: file, line: line)
        XCTAssertEqual(error?.status, 400, what, file: file, line: line)
    }

    func testRequiredMembersAndEnumsAreChecked() async {
        for name in ["ImageSelectorType", "StartTimestamp", "EndTimestamp", "Format"] {
            await assertInvalid(request(removing: [name]), "without \(name)")
        }
        await assertInvalid(request(["ImageSelectorType": .string("ARRIVAL_TIMESTAMP")]), "selector type")
        await assertInvalid(request(["Format": .string("GIF")]), "format")
        await assertInvalid(request(["FormatConfig": .object(["Quality": .string("80")])]), "format config key")
    }

    func testTheStreamIsNamedByExactlyOneOfNameAndARN() async throws {
        await assertInvalid(request(removing: ["StreamName"]), "neither name nor ARN")
        let arn = try await images.stack.streamInfo(ImagesTestStack.streamName)["StreamARN"]
        await assertInvalid(request(["StreamARN": try XCTUnwrap(arn)]), "both name and ARN")
        let withARN = try await images.stack.service.getImages(
            request(["StreamARN": try XCTUnwrap(arn)], removing: ["StreamName"]))
        XCTAssertEqual(try withARN.array("Images")?.count, 6)

        let missing = await failure(request(["StreamName": .string("no-such-stream")]))
        XCTAssertEqual(missing?.code, "ResourceNotFoundException")
        XCTAssertEqual(missing?.status, 404)
        let otherAccount = await failure(request(
            ["StreamARN": .string("arn:aws:kinesisvideo:us-east-1:999999999999:stream/images/1")],
            removing: ["StreamName"]))
        XCTAssertEqual(otherAccount?.code, "NotAuthorizedException")
    }

    func testAStreamThatKeepsNoDataIsRefused() async throws {
        try await images.stack.createActiveStream("buffer-only")
        let error = await failure(request(["StreamName": .string("buffer-only")]))
        XCTAssertEqual(error?.code, "NoDataRetentionException")
        XCTAssertEqual(error?.status, 400)
    }

    func testTheRangeIsOrderedAndAtMost300Seconds() async throws {
        await assertInvalid(request(["EndTimestamp": .timestamp(Double(start - 1) / 1000)]), "end before start")
        await assertInvalid(request(["EndTimestamp": .timestamp(Double(start + 300_001) / 1000)]), "301 seconds")
        let longest = try await images.stack.service.getImages(
            request(["EndTimestamp": .timestamp(Double(start + 300_000) / 1000)]))
        XCTAssertEqual(try longest.array("Images")?.count, ImageLimits.pageImagesMax)
        let instant = try await images.stack.service.getImages(
            request(["EndTimestamp": .timestamp(Double(start) / 1000)]))
        XCTAssertEqual(try ImagesTestStack.images(instant).map(\.timeMs), [start])
    }

    func testSamplingIntervalIsAtLeast200Milliseconds() async throws {
        await assertInvalid(request(["SamplingInterval": .integer(199)]), "199 ms")
        await assertInvalid(request(["SamplingInterval": .integer(-200)]), "negative")
        let fastest = try await images.stack.service.getImages(request(["SamplingInterval": .integer(200)]))
        XCTAssertEqual(try ImagesTestStack.images(fastest).map(\.timeMs),
                       stride(from: start, through: start + 1000, by: 200).map { $0 })
        let longer = try await images.stack.service.getImages(request(["SamplingInterval": .integer(5000)]))
        XCTAssertEqual(try ImagesTestStack.images(longer).map(\.timeMs), [start])
        let unset = try await images.stack.service.getImages(
            request(["EndTimestamp": .timestamp(Double(start + 9000) / 1000)], removing: ["SamplingInterval"]))
        XCTAssertEqual(try ImagesTestStack.images(unset).map(\.timeMs),
                       stride(from: start, through: start + 9000, by: Int(ImageLimits.samplingIntervalMsDefault)).map { $0 })
    }

    func testJPEGQualityIsAnIntegerFrom1To100() async throws {
        for quality in ["0", "101", "abc", "", "8.5"] {
            await assertInvalid(request(["Format": .string("JPEG"),
                                         "FormatConfig": .object(["JPEGQuality": .string(quality)])]),
                                "JPEGQuality \(quality)")
        }
        for quality in ["1", "100"] {
            _ = try await images.stack.service.getImages(
                request(["Format": .string("JPEG"), "FormatConfig": .object(["JPEGQuality": .string(quality)])]))
        }
    }

    func testPixelsAreBoundedAndWidthNeedsHeight() async throws {
        await assertInvalid(request(["WidthPixels": .integer(320)]), "width alone")
        await assertInvalid(request(["WidthPixels": .integer(3841), "HeightPixels": .integer(100)]), "width 3841")
        await assertInvalid(request(["WidthPixels": .integer(100), "HeightPixels": .integer(2161)]), "height 2161")
        await assertInvalid(request(["WidthPixels": .integer(0), "HeightPixels": .integer(100)]), "width 0")
        await assertInvalid(request(["HeightPixels": .integer(0)]), "height 0")
        _ = try await images.stack.service.getImages(request(["HeightPixels": .integer(2160)]))
        _ = try await images.stack.service.getImages(request(["WidthPixels": .integer(3840),
                                                              "HeightPixels": .integer(1)]))
    }

    func testMaxResultsAndNextTokenAreChecked() async {
        await assertInvalid(request(["MaxResults": .integer(0)]), "MaxResults 0")
        await assertInvalid(request(["MaxResults": .integer(101)]), "MaxResults 101")
        await assertInvalid(request(["NextToken": .string("not a token!")]), "token pattern")
        await assertInvalid(request(["NextToken": .string("abcd")]), "token that is no time")
        // A time of this request's range that is not one of its sample times, and one outside the range.
        await assertInvalid(request(["NextToken": .string(GetImagesToken(nextSampleMs: start + 100).description)]),
                            "off the sampling grid")
        await assertInvalid(request(["NextToken": .string(GetImagesToken(nextSampleMs: start + 1200).description)]),
                            "after the range")
    }

    func testJPEGQualityMapsOntoTheWholeQuantizerScale() {
        XCTAssertEqual(ImageEncoding(format: .jpeg, jpegQuality: 100).quantizerScale, 1)
        XCTAssertEqual(ImageEncoding(format: .jpeg, jpegQuality: 1).quantizerScale, 31)
        let scales = (1...100).map { ImageEncoding(format: .jpeg, jpegQuality: $0).quantizerScale }
        XCTAssertEqual(scales, scales.sorted(by: >), "a higher quality never gets a coarser quantizer")
        XCTAssertEqual(ImageEncoding(format: .jpeg).quantizerScale, ImageEncoding(format: .jpeg, jpegQuality: 80)
            .quantizerScale)
    }
}
