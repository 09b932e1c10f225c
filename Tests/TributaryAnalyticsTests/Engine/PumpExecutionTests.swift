import XCTest
@testable import TributaryAnalytics
import TributarySQL

final class PumpExecutionTests: XCTestCase {
    func testFilterPumpKeepsMatchingRowsWithTheirRowtime() throws {
        let engine = try EngineHarness("""
            CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ticker_symbol VARCHAR(4), sector VARCHAR(12),
                change DOUBLE, price DOUBLE);
            CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
              SELECT STREAM ticker_symbol, sector, change, price FROM "SOURCE_SQL_STREAM_001"
              WHERE sector SIMILAR TO '%TECH%';
            """)
        let out = engine.collect("DESTINATION_SQL_STREAM")
        engine.push(1000, "AAPL", "TECHNOLOGY", change: 1.5, price: 100)
        engine.push(2000, "JNJ", "HEALTHCARE", change: -0.5, price: 50)
        engine.push(3000, "MSFT", "TECHNOLOGY", change: 0.25, price: 200)
        XCTAssertEqual(out.rows.count, 2)
        XCTAssertEqual(out.rows[0], [.timestamp(milliseconds: 1000), .string("AAPL"), .string("TECHNOLOGY"),
                                     .double(1.5), .double(100)])
        XCTAssertEqual(out.rows[1][1], .string("MSFT"))
        XCTAssertEqual(out.rows[1][0], .timestamp(milliseconds: 3000))
    }

    func testTumblingWindowEmitsEachTickersAverageWhenTheWindowCloses() throws {
        let engine = try EngineHarness("""
            CREATE STREAM "AVERAGES" (ticker VARCHAR(4), avg_price DOUBLE, trades BIGINT);
            CREATE PUMP "P" AS INSERT INTO "AVERAGES"
              SELECT STREAM ticker_symbol, AVG(price), COUNT(*) FROM "SOURCE_SQL_STREAM_001"
              GROUP BY ticker_symbol, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND);
            """)
        let out = engine.collect("AVERAGES")
        engine.push(1000, "AAA", "X", change: 0, price: 10)
        engine.push(2000, "BBB", "X", change: 0, price: 5)
        engine.push(9999, "AAA", "X", change: 0, price: 20)
        XCTAssertTrue(out.rows.isEmpty, "the window [0, 10s) is still open")
        engine.push(10_000, "AAA", "X", change: 0, price: 100)
        XCTAssertEqual(out.rows, [
            [.timestamp(milliseconds: 10_000), .string("AAA"), .double(15), .integer(2)],
            [.timestamp(milliseconds: 10_000), .string("BBB"), .double(5), .integer(1)],
        ])
        engine.advance(to: 20_000)
        XCTAssertEqual(out.rows.last, [.timestamp(milliseconds: 20_000), .string("AAA"), .double(100), .integer(1)])
    }

    func testFloorRowtimeGroupsByMinuteAndHavingFilters() throws {
        let engine = try EngineHarness("""
            CREATE STREAM "BUSY" (minute_start TIMESTAMP, ticker VARCHAR(4), n INTEGER);
            CREATE PUMP "P" AS INSERT INTO "BUSY"
              SELECT STREAM FLOOR(s.ROWTIME TO MINUTE), ticker_symbol, COUNT(*) FROM "SOURCE_SQL_STREAM_001" AS s
              GROUP BY FLOOR(s.ROWTIME TO MINUTE), ticker_symbol HAVING COUNT(*) > 1;
            """)
        let out = engine.collect("BUSY")
        engine.push(61_000, "AAA", "X", change: 0, price: 1)
        engine.push(62_000, "AAA", "X", change: 0, price: 1)
        engine.push(63_000, "BBB", "X", change: 0, price: 1)
        engine.advance(to: 120_000)
        XCTAssertEqual(out.rows, [[.timestamp(milliseconds: 120_000), .timestamp(milliseconds: 60_000),
                                   .string("AAA"), .integer(2)]])
    }

    func testSlidingRangeWindowGivesOneRowPerInputOverTheLastInterval() throws {
        let engine = try EngineHarness("""
            CREATE STREAM "MOVING" (ticker VARCHAR(4), avg_price DOUBLE, max_price DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "MOVING"
              SELECT STREAM ticker_symbol, AVG(price) OVER w, MAX(price) OVER w FROM "SOURCE_SQL_STREAM_001"
              WINDOW w AS (PARTITION BY ticker_symbol RANGE INTERVAL '10' SECOND PRECEDING);
            """)
        let out = engine.collect("MOVING")
        engine.push(0, "AAA", "X", change: 0, price: 10)
        engine.push(5000, "AAA", "X", change: 0, price: 20)
        engine.push(6000, "BBB", "X", change: 0, price: 1)
        engine.push(12_000, "AAA", "X", change: 0, price: 30)
        XCTAssertEqual(out.rows.map { $0[2] }, [.double(10), .double(15), .double(1), .double(25)])
        XCTAssertEqual(out.rows.map { $0[3] }, [.double(10), .double(20), .double(1), .double(30)])
    }

    func testRowsWindowCountsTheCurrentRowAndThePrecedingOnes() throws {
        let engine = try EngineHarness("""
            CREATE STREAM "LAST3" (ticker VARCHAR(4), total DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "LAST3"
              SELECT STREAM ticker_symbol, SUM(price) OVER (PARTITION BY ticker_symbol ROWS 2 PRECEDING)
              FROM "SOURCE_SQL_STREAM_001";
            """)
        let out = engine.collect("LAST3")
        for (index, price) in [1.0, 2, 4, 8].enumerated() {
            engine.push(Int64(index), "AAA", "X", change: 0, price: price)
        }
        XCTAssertEqual(out.rows.map { $0[2] }, [.double(1), .double(3), .double(7), .double(14)])
    }

    func testReferenceTableJoinAddsTheCompanyAndLeftJoinKeepsUnmatchedRows() throws {
        let companies: [[SQLValue]] = [[.string("AAA"), .string("Alpha Inc")], [.string("BBB"), .string("Beta Ltd")]]
        let engine = try EngineHarness("""
            CREATE STREAM "NAMED" (ticker VARCHAR(4), company VARCHAR(32), price DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "NAMED"
              SELECT STREAM s.ticker_symbol, c."Company", s.price FROM "SOURCE_SQL_STREAM_001" AS s
              LEFT JOIN "CompanyName" AS c ON s.ticker_symbol = c."Ticker";
            """, tables: ["CompanyName": ([ColumnDescription(name: "Ticker", type: .varchar(length: 4)),
                                          ColumnDescription(name: "Company", type: .varchar(length: 32))], companies)])
        let out = engine.collect("NAMED")
        engine.push(1, "BBB", "X", change: 0, price: 3)
        engine.push(2, "ZZZ", "X", change: 0, price: 4)
        XCTAssertEqual(out.rows, [
            [.timestamp(milliseconds: 1), .string("BBB"), .string("Beta Ltd"), .double(3)],
            [.timestamp(milliseconds: 2), .string("ZZZ"), .null, .double(4)],
        ])
    }

    func testChainedPumpsAndStreamToStreamJoinOverAWindow() throws {
        let engine = try EngineHarness("""
            CREATE STREAM "BUYS" (ticker VARCHAR(4), price DOUBLE);
            CREATE STREAM "SELLS" (ticker VARCHAR(4), price DOUBLE);
            CREATE STREAM "PAIRS" (ticker VARCHAR(4), buy DOUBLE, sell DOUBLE);
            CREATE PUMP "B" AS INSERT INTO "BUYS" SELECT STREAM ticker_symbol, price FROM "SOURCE_SQL_STREAM_001"
              WHERE change > 0;
            CREATE PUMP "S" AS INSERT INTO "SELLS" SELECT STREAM ticker_symbol, price FROM "SOURCE_SQL_STREAM_001"
              WHERE change < 0;
            CREATE PUMP "J" AS INSERT INTO "PAIRS"
              SELECT STREAM b.ticker, b.price, s.price FROM "SELLS" AS s
              JOIN "BUYS" OVER (RANGE INTERVAL '5' SECOND PRECEDING) AS b ON b.ticker = s.ticker;
            """)
        let out = engine.collect("PAIRS")
        engine.push(1000, "AAA", "X", change: 1, price: 10)
        engine.push(2000, "BBB", "X", change: 1, price: 20)
        engine.push(4000, "AAA", "X", change: -1, price: 11)
        engine.push(9000, "BBB", "X", change: -1, price: 21)
        XCTAssertEqual(out.rows, [[.timestamp(milliseconds: 4000), .string("AAA"), .double(10), .double(11)]])
    }

    func testRowsThatFailToComputeGoToErrorStream() throws {
        let engine = try EngineHarness("""
            CREATE STREAM "RATIO" (ticker VARCHAR(4), ratio DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "RATIO"
              SELECT STREAM ticker_symbol, price / change FROM "SOURCE_SQL_STREAM_001";
            """)
        let out = engine.collect("RATIO")
        let errors = engine.collect("error_stream")
        engine.push(1000, "AAA", "X", change: 0, price: 10)
        engine.push(2000, "AAA", "X", change: 2, price: 10)
        XCTAssertEqual(out.rows.map { $0[2] }, [.double(5)])
        XCTAssertEqual(errors.rows.count, 1)
        XCTAssertNotEqual(errors.rows[0][4], .null, "the message says what failed")
        XCTAssertEqual(errors.rows[0][3], .string("Error_Computing"))
        XCTAssertEqual(errors.rows[0][5], .timestamp(milliseconds: 1000))
        XCTAssertEqual(errors.rows[0][7], .string("P"))
    }
}
