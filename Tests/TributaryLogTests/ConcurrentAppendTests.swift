import XCTest
@testable import TributaryLog

final class ConcurrentAppendTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    func testConcurrentAppendersGetUniqueGapFreeOffsetsAndKeepTheirOwnOrder() async throws {
        let appenders = 8
        let appendsPerAppender = 500
        let store = try FileRecordStore(
            directory: directory.url, configuration: LogConfiguration(segmentBytesMax: 32 << 10, indexIntervalBytes: 512))
        let log = try store.log(LogIdentifier(["streams", "c", "shard"]))
        let fsyncsBefore = store.fsyncCount
        let offsetsByAppender = try await withThrowingTaskGroup(of: (Int, [UInt64]).self) { group in
            for appender in 0 ..< appenders {
                group.addTask {
                    var offsets: [UInt64] = []
                    for sequence in 0 ..< appendsPerAppender {
                        let record = LogRecordInput(key: [UInt8(appender)], value: Array("\(sequence)".utf8))
                        let result = try await log.append([record])
                        XCTAssertEqual(result.count, 1)
                        offsets.append(result.firstOffset)
                    }
                    return (appender, offsets)
                }
            }
            var collected: [Int: [UInt64]] = [:]
            for try await (appender, offsets) in group {
                collected[appender] = offsets
            }
            return collected
        }
        let total = appenders * appendsPerAppender
        XCTAssertEqual(log.endOffset, UInt64(total))
        let allOffsets = offsetsByAppender.values.flatMap { $0 }.sorted()
        XCTAssertEqual(allOffsets, (0 ..< total).map(UInt64.init), "offsets are unique and gap-free")

        let records = try readAll(log, pageRecords: 333)
        XCTAssertEqual(records.map(\.offset), (0 ..< total).map(UInt64.init))
        var lastSequenceByAppender: [UInt8: Int] = [:]
        for record in records {
            let appender = record.key[0]
            let sequence = Int(String(decoding: record.value, as: UTF8.self))!
            XCTAssertEqual(sequence, (lastSequenceByAppender[appender] ?? -1) + 1, "appender \(appender) out of order")
            lastSequenceByAppender[appender] = sequence
            XCTAssertEqual(offsetsByAppender[Int(appender)]![sequence], record.offset)
        }
        XCTAssertEqual(lastSequenceByAppender.count, appenders)
        XCTAssertLessThan(store.fsyncCount - fsyncsBefore, total, "group commit shares fsyncs between appends")
        try await store.close()
    }

    func testConcurrentAppendsToManyLogsStayIndependent() async throws {
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        let logs = try (0 ..< 10).map { try store.log(LogIdentifier(["streams", "m", "shard-\($0)"])) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for log in logs {
                group.addTask {
                    try await appendNumbered(log, count: 100)
                }
            }
            try await group.waitForAll()
        }
        for log in logs {
            XCTAssertEqual(log.endOffset, 100)
            XCTAssertEqual(try readAll(log).map(\.value), (0 ..< 100).map { numberedRecord($0).value })
        }
    }
}
