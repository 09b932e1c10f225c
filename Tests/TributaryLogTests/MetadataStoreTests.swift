import Foundation
import XCTest
@testable import TributaryLog

final class MetadataStoreTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testPutLoadAndDelete() throws {
        let store = try FileMetadataStore(directory: directory.url)
        XCTAssertEqual(try store.load(namespace: "streams"), [:])
        try store.put(namespace: "streams", key: "orders", value: [1, 2, 3])
        try store.put(namespace: "streams", key: "clicks", value: [])
        try store.put(namespace: "tags", key: "orders", value: [9])
        XCTAssertEqual(try store.load(namespace: "streams"), ["orders": [1, 2, 3], "clicks": []])
        try store.put(namespace: "streams", key: "orders", value: [4])
        XCTAssertEqual(try store.load(namespace: "streams")["orders"], [4], "put replaces")
        try store.delete(namespace: "streams", key: "orders")
        try store.delete(namespace: "streams", key: "never-there")
        try store.delete(namespace: "absent-namespace", key: "x")
        XCTAssertEqual(try store.load(namespace: "streams"), ["clicks": []])
        XCTAssertEqual(try store.load(namespace: "tags"), ["orders": [9]])
    }

    func testDocumentsSurviveReopen() throws {
        do {
            let store = try FileMetadataStore(directory: directory.url)
            try store.put(namespace: "streams", key: "a", value: Array("first".utf8))
            try store.put(namespace: "streams", key: "b", value: Array("second".utf8))
            try store.delete(namespace: "streams", key: "b")
        }
        let reopened = try FileMetadataStore(directory: directory.url)
        XCTAssertEqual(try reopened.load(namespace: "streams"), ["a": Array("first".utf8)])
    }

    func testLeftoverTemporaryFileIsIgnored() throws {
        let store = try FileMetadataStore(directory: directory.url)
        try store.put(namespace: "streams", key: "kept", value: [1])
        let namespaceDirectory = directory.path + "/streams"
        // What a crash between writing the temp file and renaming it leaves behind.
        XCTAssertTrue(FileManager.default.createFile(
            atPath: namespaceDirectory + "/.kept.0A1B" + FileSystem.temporarySuffix, contents: Data([7, 7])))
        XCTAssertEqual(try FileMetadataStore(directory: directory.url).load(namespace: "streams"), ["kept": [1]])
    }

    func testUnsafeKeysAreEscapedAndRoundTrip() throws {
        let store = try FileMetadataStore(directory: directory.url)
        let keys = ["a/b", "..", ".hidden", "with space", "ünïcødé", "%41", "plain-name_1.json"]
        for (number, key) in keys.enumerated() {
            try store.put(namespace: "odd/namespace", key: key, value: [UInt8(number)])
        }
        let loaded = try store.load(namespace: "odd/namespace")
        XCTAssertEqual(Set(loaded.keys), Set(keys))
        for (number, key) in keys.enumerated() {
            XCTAssertEqual(loaded[key], [UInt8(number)])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(names, ["odd%2Fnamespace"], "nothing escapes the store directory")
    }

    func testEmptyOrOverlongKeyIsRefused() throws {
        let store = try FileMetadataStore(directory: directory.url)
        XCTAssertThrowsError(try store.put(namespace: "n", key: "", value: [1]))
        XCTAssertThrowsError(try store.put(namespace: "n", key: String(repeating: "/", count: 100), value: [1])) { error in
            guard case LogError.invalidMetadataKey = error else { return XCTFail("\(error)") }
        }
    }

    func testEscapingRoundTrips() {
        for name in ["", "a", ".a", "a.b", "/", "%", "é", "a b c"] {
            XCTAssertEqual(MetadataFileName.unescape(MetadataFileName.escape(name)), name)
            XCTAssertFalse(MetadataFileName.escape(name).hasPrefix("."))
            XCTAssertFalse(MetadataFileName.escape(name).contains("/"))
        }
    }
}
