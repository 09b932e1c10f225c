import Foundation
import Synchronization
import XCTest
@testable import TributaryLog

/// A fresh directory under the system temp directory, removed by `remove()`.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tributary-log-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A clock the test sets by hand, so timestamps are known.
final class ManualClock: Sendable {
    private let nowMs: Mutex<Int64>

    init(_ startMs: Int64) {
        nowMs = Mutex(startMs)
    }

    func set(_ valueMs: Int64) {
        nowMs.withLock { $0 = valueMs }
    }

    var function: @Sendable () -> Int64 {
        { [self] in nowMs.withLock { $0 } }
    }
}

/// A record whose key and value tell which number it is.
func numberedRecord(_ number: Int, valueBytes: Int = 16) -> LogRecordInput {
    let value = Array("value-\(number)-".utf8) + [UInt8](repeating: UInt8(truncatingIfNeeded: number), count: valueBytes)
    return LogRecordInput(key: Array("key-\(number)".utf8), value: value, attributes: UInt8(truncatingIfNeeded: number))
}

/// Appends records 0 ..< count one per append.
@discardableResult
func appendNumbered(_ log: any RecordLog, count: Int, startingAt start: Int = 0, valueBytes: Int = 16) async throws -> [AppendResult] {
    var results: [AppendResult] = []
    for number in start ..< start + count {
        results.append(try await log.append([numberedRecord(number, valueBytes: valueBytes)]))
    }
    return results
}

/// Reads every committed record from `offset` on, in pages.
func readAll(_ log: any RecordLog, from offset: UInt64 = 0, pageRecords: Int = 100) throws -> [LogRecord] {
    var records: [LogRecord] = []
    var cursor = offset
    while true {
        let page = try log.read(from: cursor, maxRecords: pageRecords, maxBytes: Int.max)
        guard let last = page.last else { return records }
        records += page
        cursor = last.offset + 1
    }
}

/// Polls `condition` until it holds or `timeoutSeconds` pass (a liveness guard, not a timing assertion).
func waitUntil(
    timeoutSeconds: Double = 10, file: StaticString = #filePath, line: UInt = #line,
    _ condition: @Sendable () -> Bool
) async throws {
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    while !condition() {
        guard Date() < deadline else {
            XCTFail("condition not reached in \(timeoutSeconds) s", file: file, line: line)
            return
        }
        try await Task.sleep(nanoseconds: 1_000_000)
    }
}

/// The paths of a log's files with the given extension, sorted.
func logFiles(_ directory: TemporaryDirectory, _ path: [String], extension fileExtension: String) throws -> [String] {
    let logDirectory = ([directory.path] + path).joined(separator: "/")
    return try FileManager.default.contentsOfDirectory(atPath: logDirectory)
        .filter { $0.hasSuffix("." + fileExtension) }
        .sorted()
        .map { logDirectory + "/" + $0 }
}
