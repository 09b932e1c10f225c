import Foundation
import Synchronization
import TributaryWire
@testable import TributaryAnalytics
import TributarySQL
import XCTest

/// A clock the test moves by hand.
private final class ManualClock: Sendable {
    private let ms = Atomic<Int64>(1_000_000)
    var now: @Sendable () -> Int64 { { [self] in ms.load(ordering: .relaxed) } }
    func move(byMs step: Int64) { _ = ms.add(step, ordering: .relaxed) }
}

/// The tap behind GetInApplicationStreamRecords: what it records and for how long, its ring and numbering, the
/// registry that keeps taps across runs, how names and values are answered, and the operation's errors.
final class InAppStreamTapTests: XCTestCase {
    private let priceColumns = [ColumnDescription(name: "PRICE", type: .double)]

    private func row(_ ms: Int64, _ price: Double) -> [SQLValue] {
        [.timestamp(milliseconds: ms), .double(price)]
    }

    private func prices(_ snapshot: InAppStreamTap.Snapshot) -> [SQLValue] {
        snapshot.entries.map { $0.values[1] }
    }

    func testAnUnwatchedStreamRecordsNothing() {
        let tap = InAppStreamTap(columns: priceColumns, nowMs: ManualClock().now)
        for index in 0..<10 { tap.push(row(Int64(index), Double(index))) }
        let first = tap.watch(after: nil)
        XCTAssertEqual(first.entries, [])
        XCTAssertEqual(first.newestSequence, 0)
        XCTAssertEqual(first.columns, [ColumnDescription(name: "ROWTIME", type: .timestamp)] + priceColumns)
    }

    func testAWatchedStreamNumbersItsRowsAndAnswersThoseAfterTheGivenSequence() {
        let tap = InAppStreamTap(columns: priceColumns, nowMs: ManualClock().now)
        XCTAssertEqual(tap.watch(after: nil).newestSequence, 0)
        tap.push(row(1, 10))
        tap.push(row(2, 20))
        tap.push(row(3, 30))
        let all = tap.watch(after: 0)
        XCTAssertEqual(all.entries.map(\.sequence), [1, 2, 3])
        XCTAssertEqual(all.entries[1].values, row(2, 20))
        XCTAssertEqual(all.newestSequence, 3)
        XCTAssertEqual(prices(tap.watch(after: 2)), [.double(30)])
        XCTAssertEqual(tap.watch(after: 3).entries, [], "nothing new since the last poll")
        XCTAssertEqual(tap.watch(after: nil).entries.count, 3, "a first call gets what the ring holds")
        XCTAssertEqual(tap.watch(after: 99).entries.map(\.sequence), [1, 2, 3],
                       "a sequence from an earlier numbering reads every row held")
    }

    func testTheRingKeepsOnlyTheNewestRows() {
        let tap = InAppStreamTap(columns: priceColumns, capacity: 4, nowMs: ManualClock().now)
        _ = tap.watch(after: nil)
        for index in 1...10 { tap.push(row(Int64(index), Double(index))) }
        let snapshot = tap.watch(after: 0)
        XCTAssertEqual(snapshot.entries.map(\.sequence), [7, 8, 9, 10])
        XCTAssertEqual(prices(snapshot), [.double(7), .double(8), .double(9), .double(10)])
        XCTAssertEqual(tap.watch(after: 8).entries.map(\.sequence), [9, 10])
    }

    func testTheDefaultRingHoldsFiveHundredRows() {
        let tap = InAppStreamTap(columns: priceColumns, nowMs: ManualClock().now)
        _ = tap.watch(after: nil)
        for index in 1...1234 { tap.push(row(Int64(index), Double(index))) }
        let snapshot = tap.watch(after: nil)
        XCTAssertEqual(snapshot.entries.count, AnalyticsLimits.tappedRowsMax)
        XCTAssertEqual(snapshot.entries.first?.sequence, 1234 - 500 + 1)
        XCTAssertEqual(snapshot.newestSequence, 1234)
    }

    func testAWatchLastsThirtySecondsFromTheLastCallThenTheRowsAreForgotten() {
        let clock = ManualClock()
        let tap = InAppStreamTap(columns: priceColumns, nowMs: clock.now)
        _ = tap.watch(after: nil)
        clock.move(byMs: 20_000)
        tap.push(row(1, 1))
        _ = tap.watch(after: 1)
        clock.move(byMs: 29_000)
        tap.push(row(2, 2))
        XCTAssertEqual(tap.watch(after: 0).entries.map(\.sequence), [1, 2], "each call arms the tap again")

        clock.move(byMs: 30_001)
        tap.push(row(3, 3))
        tap.push(row(4, 4))
        let late = tap.watch(after: 2)
        XCTAssertEqual(late.entries, [], "rows after the watch lapsed are not recorded, and held ones are dropped")
        XCTAssertEqual(late.newestSequence, 2, "the numbering goes on")
        tap.push(row(5, 5))
        XCTAssertEqual(tap.watch(after: 2).entries.map(\.sequence), [3])
    }

    func testAWatchThatLapsedWhileNoRowCameKeepsItsRows() {
        let clock = ManualClock()
        let tap = InAppStreamTap(columns: priceColumns, nowMs: clock.now)
        _ = tap.watch(after: nil)
        tap.push(row(1, 1))
        clock.move(byMs: 60_000)
        XCTAssertEqual(tap.watch(after: 0).entries.map(\.sequence), [1], "no row was missed meanwhile")
    }

    func testTapsSurviveARestartOfTheApplicationAndAreEmptiedWhenColumnsChange() {
        let taps = InAppStreamTaps(nowMs: ManualClock().now)
        let first = taps.attach(application: "app", streams: ["OUT": priceColumns, "GONE": priceColumns])
        _ = first["OUT"]!.watch(after: nil)
        first["OUT"]!.push(row(1, 1))

        let second = taps.attach(application: "app", streams: ["OUT": priceColumns])
        XCTAssertTrue(second["OUT"] === first["OUT"])
        XCTAssertNil(taps.tap(application: "app", stream: "GONE"))
        second["OUT"]!.push(row(2, 2))
        XCTAssertEqual(second["OUT"]!.watch(after: 0).entries.map(\.sequence), [1, 2])

        let wider = priceColumns + [ColumnDescription(name: "TICKER", type: .varchar(length: 4))]
        let third = taps.attach(application: "app", streams: ["OUT": wider])
        let changed = third["OUT"]!.watch(after: 0)
        XCTAssertEqual(changed.entries, [])
        XCTAssertEqual(changed.newestSequence, 2)
        XCTAssertEqual(changed.columns.map(\.name), ["ROWTIME", "PRICE", "TICKER"])

        taps.remove(application: "app")
        XCTAssertNil(taps.tap(application: "app", stream: "OUT"))
    }

    func testATapSubscribedToAStreamSeesTheRowsItsPumpComputes() throws {
        let engine = try EngineHarness("""
            CREATE STREAM "DESTINATION_SQL_STREAM" (ticker VARCHAR(4), doubled DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
              SELECT STREAM ticker_symbol, price * 2 FROM "SOURCE_SQL_STREAM_001" WHERE price > 10;
            """)
        let taps = InAppStreamTaps(nowMs: ManualClock().now)
        for (name, tap) in taps.attach(application: "app", streams: engine.compiled.streams) {
            XCTAssertTrue(engine.graph.subscribe(tap, to: name))
        }
        let output = try XCTUnwrap(taps.tap(application: "app", stream: "DESTINATION_SQL_STREAM"))
        let input = try XCTUnwrap(taps.tap(application: "app", stream: "SOURCE_SQL_STREAM_001"))
        _ = output.watch(after: nil)
        engine.push(1000, "AAPL", "TECHNOLOGY", change: 0, price: 50)
        engine.push(2000, "JNJ", "HEALTHCARE", change: 0, price: 5)
        XCTAssertEqual(output.watch(after: 0).entries.map(\.values),
                       [[.timestamp(milliseconds: 1000), .string("AAPL"), .double(100)]])
        XCTAssertEqual(input.watch(after: nil).entries, [], "the input stream was not watched")
    }

    func testNamesAreFoldedAsTheSQLFoldsThemThenTriedAsWritten() {
        XCTAssertEqual(InAppStreamNaming.candidates("destination_sql_stream"),
                       ["DESTINATION_SQL_STREAM", "destination_sql_stream"])
        XCTAssertEqual(InAppStreamNaming.candidates("SOURCE_SQL_STREAM_001"), ["SOURCE_SQL_STREAM_001"])
        XCTAssertEqual(InAppStreamNaming.candidates("\"myStream\""), ["myStream", "\"myStream\""])
        XCTAssertEqual(InAppStreamNaming.candidates("error_stream"), ["ERROR_STREAM", "error_stream"])
        XCTAssertEqual(InAppStreamNaming.candidates("a-b"), ["a-b"], "not an SQL name: only as written")
    }

    func testValuesAreAnsweredAsJSONWithTimestampsInEpochSeconds() {
        let snapshot = InAppStreamTap.Snapshot(
            columns: [ColumnDescription(name: "ROWTIME", type: .timestamp),
                      ColumnDescription(name: "AMOUNT", type: .decimal(precision: 8, scale: 2)),
                      ColumnDescription(name: "RATIO", type: .double),
                      ColumnDescription(name: "COUNTED", type: .bigint),
                      ColumnDescription(name: "NAME", type: .varchar(length: 8)),
                      ColumnDescription(name: "FLAG", type: .boolean),
                      ColumnDescription(name: "DAY", type: .date)],
            entries: [TappedRows.Entry(sequence: 7, values: [
                .timestamp(milliseconds: 1_700_000_000_123), .decimal(Decimal(string: "12.5")!), .double(.nan),
                .integer(42), .string("x"), .boolean(true), .date(days: 1)])],
            newestSequence: 7)
        let answer = InAppStreamRecordsDocument.answer(snapshot)
        XCTAssertEqual(answer["NextSequence"], .integer(7))
        guard case .array(let columns)? = answer["Columns"], case .array(let records)? = answer["Records"] else {
            return XCTFail("no Columns or Records in \(answer)")
        }
        XCTAssertEqual(columns[1], .object(["Name": .string("AMOUNT"), "SqlType": .string("DECIMAL(8,2)")]))
        XCTAssertEqual(records, [.object([
            "Sequence": .integer(7),
            "Values": .array([.timestamp(1_700_000_000.123), .string("12.50"), .null, .integer(42), .string("x"),
                              .bool(true), .string("1970-01-02")]),
        ])])
    }
}

/// GetInApplicationStreamRecords through the service, with the recording runner (which keeps no taps).
final class InAppStreamRecordsOperationTests: XCTestCase {
    var directory: URL!
    var stack: AnalyticsTestStack!

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stack = try AnalyticsTestStack(directory: directory)
    }

    override func tearDown() async throws {
        try await stack.close()
        try? FileManager.default.removeItem(at: directory)
    }

    private func read(_ members: [String: Document]) async -> String? {
        await stack.errorCode("GetInApplicationStreamRecords", members)
    }

    func testTheOperationNeedsARunningApplicationWithSuchAStream() async throws {
        let stream: [String: Document] = ["ApplicationName": .string("app"),
                                          "InAppStreamName": .string("DESTINATION_SQL_STREAM")]
        let missing = await read(stream)
        XCTAssertEqual(missing, "ResourceNotFoundException")
        try await stack.createApplication("app")
        let ready = await read(stream)
        XCTAssertEqual(ready, "ResourceInUseException")
        try await stack.call("StartApplication", ["ApplicationName": .string("app"), "InputConfigurations": .array([])])
        await stack.advance()
        let status = try await stack.status("app")
        XCTAssertEqual(status, "RUNNING")
        let noTap = await read(stream)
        XCTAssertEqual(noTap, "ResourceNotFoundException", "the recording runner runs no stream")
    }

    func testRequestsAreValidatedLikeTheServicesOthers() async {
        let noStream = await read(["ApplicationName": .string("app")])
        XCTAssertEqual(noStream, "ValidationException")
        let badName = await read(["ApplicationName": .string("a b"), "InAppStreamName": .string("S")])
        XCTAssertEqual(badName, "ValidationException")
        let negative = await read(["ApplicationName": .string("app"), "InAppStreamName": .string("S"),
                                   "AfterSequence": .integer(-1)])
        XCTAssertEqual(negative, "ValidationException")
        let wrongType = await read(["ApplicationName": .string("app"), "InAppStreamName": .string("S"),
                                    "AfterSequence": .string("x")])
        XCTAssertEqual(wrongType, "SerializationException")
    }
}
