import Foundation
import XCTest
@testable import TributaryConsole

final class ConsoleAssetsTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("js/pages"),
                                                withIntermediateDirectories: true)
        try Data("<!doctype html>".utf8).write(to: directory.appendingPathComponent("index.html"))
        try Data("export {}".utf8).write(to: directory.appendingPathComponent("js/pages/list.js"))
        try Data("body{}".utf8).write(to: directory.appendingPathComponent("console.css"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testFilesAreKeyedByTheirPathWithTheirMediaType() throws {
        let assets = try ConsoleAssets(directory: directory)
        XCTAssertEqual(assets.asset(at: "js/pages/list.js")?.bytes, Array("export {}".utf8))
        XCTAssertEqual(assets.asset(at: "js/pages/list.js")?.contentType, "text/javascript; charset=utf-8")
        XCTAssertEqual(assets.asset(at: "console.css")?.contentType, "text/css; charset=utf-8")
    }

    func testTheEmptyPathIsTheConsolePage() throws {
        let assets = try ConsoleAssets(directory: directory)
        XCTAssertEqual(assets.asset(at: "")?.contentType, "text/html; charset=utf-8")
        XCTAssertEqual(assets.asset(at: "")?.bytes, assets.asset(at: "index.html")?.bytes)
    }

    func testPathsOutsideTheDirectoryAreNotFound() throws {
        let assets = try ConsoleAssets(directory: directory.appendingPathComponent("js"))
        XCTAssertNil(assets.asset(at: "../index.html"))
        XCTAssertNil(assets.asset(at: "/etc/passwd"))
        XCTAssertNil(assets.asset(at: "pages"))
        XCTAssertNotNil(assets.asset(at: "pages/list.js"))
    }

    func testTheBundledConsoleHasItsPageAndScripts() throws {
        let assets = try XCTUnwrap(try ConsoleAssets.bundled())
        XCTAssertNotNil(assets.asset(at: ""))
        XCTAssertNotNil(assets.asset(at: "js/app.js"))
        XCTAssertNotNil(assets.asset(at: "css/console.css"))
    }

    func testUnknownExtensionsAreOctetStreams() {
        XCTAssertEqual(ConsoleMediaType.of(path: "icon.svg"), "image/svg+xml")
        XCTAssertEqual(ConsoleMediaType.of(path: "README"), "application/octet-stream")
        XCTAssertEqual(ConsoleMediaType.of(path: "data.bin"), "application/octet-stream")
    }
}
