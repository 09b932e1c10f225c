import XCTest
@testable import TributaryLog

/// The shared catalog: entries survive a reopen, refused changes leave nothing behind, removal respects `where`.
final class MetadataCatalogTests: XCTestCase {
    private struct Entry: Codable, Sendable, Equatable {
        var name: String
        var generation: Int
    }

    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    private func open() throws -> MetadataCatalog<Entry> {
        let store = try FileMetadataStore(directory: directory.url.appendingPathComponent("meta"))
        return try MetadataCatalog(metadata: store, namespace: "entries") { $0.name }
    }

    func testEntriesAndUpdatesSurviveAReopen() throws {
        let catalog = try open()
        try catalog.insert(Entry(name: "a", generation: 1)) { _ in }
        try catalog.insert(Entry(name: "b", generation: 1)) { _ in }
        XCTAssertNotNil(try catalog.update("a") { $0.generation = 2 })
        let reopened = try open()
        XCTAssertEqual(reopened.entry("a"), Entry(name: "a", generation: 2))
        XCTAssertEqual(reopened.all().map(\.name).sorted(), ["a", "b"])
    }

    func testARefusedInsertOrUpdateChangesNothingOnDiskOrInMemory() throws {
        struct Refused: Error {}
        let catalog = try open()
        try catalog.insert(Entry(name: "a", generation: 1)) { _ in }
        XCTAssertThrowsError(try catalog.insert(Entry(name: "b", generation: 1)) { existing in
            XCTAssertEqual(existing.map(\.name), ["a"])
            throw Refused()
        })
        XCTAssertThrowsError(try catalog.update("a") { entry in
            entry.generation = 9
            throw Refused()
        })
        XCTAssertNil(try catalog.update("missing") { $0.generation = 1 })
        let reopened = try open()
        XCTAssertEqual(reopened.all(), [Entry(name: "a", generation: 1)])
        XCTAssertEqual(catalog.entry("a")?.generation, 1)
    }

    func testRemoveOnlyWhenTheConditionHolds() throws {
        let catalog = try open()
        try catalog.insert(Entry(name: "a", generation: 2)) { _ in }
        try catalog.remove("a") { $0.generation == 1 }
        XCTAssertNotNil(catalog.entry("a"), "a newer generation stays")
        try catalog.remove("a") { $0.generation == 2 }
        XCTAssertNil(catalog.entry("a"))
        XCTAssertNil(try open().entry("a"))
    }
}
