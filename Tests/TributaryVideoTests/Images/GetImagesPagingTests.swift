import Foundation
import TributaryWire
@testable import TributaryVideo
import XCTest

/// GetImages pages: at most 25 images each, NextToken until the last sample time, every sample time once.
final class GetImagesPagingTests: XCTestCase {
    private var images: ImagesTestStack!
    private let start: Int64 = 1_700_000_000_000

    override func setUp() async throws {
        images = try ImagesTestStack()
        try await images.stack.createActiveStream(ImagesTestStack.streamName, ["DataRetentionInHours": .integer(2)])
    }

    override func tearDown() {
        images?.remove()
    }

    /// Every page of a request, following NextToken; the sample times of each page.
    private func pages(_ request: Document) async throws -> [[Int64]] {
        var pages: [[Int64]] = []
        var token: String?
        repeat {
            var page = request
            if case .object(var members) = page, let token {
                members["NextToken"] = .string(token)
                page = .object(members)
            }
            let answer = try await images.stack.service.getImages(page)
            pages.append(try ImagesTestStack.images(answer).map(\.timeMs))
            token = try answer.string("NextToken")
            XCTAssertLessThan(pages.count, 100, "paging does not end")
        } while token != nil && pages.count < 100
        return pages
    }

    func testPagesHoldAtMost25ImagesAndCoverEverySampleOnce() async throws {
        let every = stride(from: start, through: start + 10_000, by: 200).map { $0 }
        XCTAssertEqual(every.count, 51)
        let request = ImagesTestStack.request(startMs: start, endMs: start + 10_000)
        let unbounded = try await pages(request)
        XCTAssertEqual(unbounded.map(\.count), [25, 25, 1])
        XCTAssertEqual(unbounded.flatMap { $0 }, every)

        let small = try await pages(ImagesTestStack.request(startMs: start, endMs: start + 10_000,
                                                            ["MaxResults": .integer(10)]))
        XCTAssertEqual(small.map(\.count), [10, 10, 10, 10, 10, 1])
        XCTAssertEqual(small.flatMap { $0 }, every)

        let large = try await pages(ImagesTestStack.request(startMs: start, endMs: start + 10_000,
                                                            ["MaxResults": .integer(100)]))
        XCTAssertEqual(large.map(\.count), [25, 25, 1])
    }

    func testTheLastPageHasNoToken() async throws {
        let exact = ImagesTestStack.request(startMs: start, endMs: start + 4_800, ["MaxResults": .integer(25)])
        let answer = try await images.stack.service.getImages(exact)
        XCTAssertEqual(try answer.array("Images")?.count, 25)
        XCTAssertNil(try answer.string("NextToken"))
    }

    func testPagesOfStoredMediaMatchOneRequestOfTheSameTimes() async throws {
        try ImageTool.requireFFmpeg()
        let media = try ImagesTestStack()
        defer { media.remove() }
        try await media.ingestFixture()
        let request = ImagesTestStack.request(startMs: ImagesTestStack.producerStartMs + 23,
                                              endMs: ImagesTestStack.producerStartMs + 1_923,
                                              ["MaxResults": .integer(4)])
        var paged: [[UInt8]?] = []
        var token: String?
        repeat {
            var page = request
            if case .object(var members) = page, let token {
                members["NextToken"] = .string(token)
                page = .object(members)
            }
            let answer = try await media.stack.service.getImages(page)
            paged += try ImagesTestStack.images(answer).map(\.content)
            token = try answer.string("NextToken")
        } while token != nil && paged.count < 100
        XCTAssertEqual(paged.count, 10)
        guard case .object(var whole) = request else { return XCTFail("request is not an object") }
        whole.removeValue(forKey: "MaxResults")
        let single = try ImagesTestStack.images(try await media.stack.service.getImages(.object(whole)))
        XCTAssertEqual(single.map(\.content), paged)
        XCTAssertTrue(paged.allSatisfy { $0 != nil })
        XCTAssertEqual(Set(paged.compactMap { $0 }).count, 10, "every 200 ms is another frame")
    }
}
