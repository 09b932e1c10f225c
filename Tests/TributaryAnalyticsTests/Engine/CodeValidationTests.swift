import XCTest
@testable import TributaryAnalytics
import TributarySQL

final class CodeValidationTests: XCTestCase {
    func testUnknownColumnPointsAtIt() {
        let error = EngineHarness.compileError("""
            CREATE STREAM "O" (a DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "O" SELECT STREAM pricey FROM "SOURCE_SQL_STREAM_001";
            """)
        XCTAssertEqual(error?.message, "Column 'PRICEY' not found in any table")
        XCTAssertEqual(error?.position, SourcePosition(line: 2, column: 50))
    }

    func testSyntaxErrorsComeFromTheParserWithTheirPosition() {
        let error = EngineHarness.compileError("CREATE STREAM \"O\" (a DOUBLE);\nCREATE PUMP \"P\" AS INSERT INTO \"O\" SELECT STREAM price FORM x;")
        XCTAssertNotNil(error)
        XCTAssertEqual(error?.position?.line, 2)
    }

    func testAggregateWithoutARowtimeWindowIsRefused() {
        let error = EngineHarness.compileError("""
            CREATE STREAM "O" (t VARCHAR(4), n BIGINT);
            CREATE PUMP "P" AS INSERT INTO "O" SELECT STREAM ticker_symbol, COUNT(*) FROM "SOURCE_SQL_STREAM_001"
              GROUP BY ticker_symbol;
            """)
        XCTAssertTrue(error?.message.hasPrefix("Streaming aggregation requires") ?? false)
    }

    func testColumnOutsideGroupByIsRefused() {
        let error = EngineHarness.compileError("""
            CREATE STREAM "O" (t VARCHAR(4), n DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "O" SELECT STREAM sector, AVG(price) FROM "SOURCE_SQL_STREAM_001"
              GROUP BY ticker_symbol, FLOOR(ROWTIME TO MINUTE);
            """)
        XCTAssertEqual(error?.message, "Expression 'SECTOR' is not being grouped")
    }

    func testTypeErrorsAndColumnCountMismatchAreRefused() {
        XCTAssertNotNil(EngineHarness.compileError("""
            CREATE STREAM "O" (n DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "O" SELECT STREAM ticker_symbol + 1 FROM "SOURCE_SQL_STREAM_001";
            """))
        XCTAssertEqual(EngineHarness.compileError("""
            CREATE STREAM "O" (n DOUBLE, m DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "O" SELECT STREAM price FROM "SOURCE_SQL_STREAM_001";
            """)?.message, "Number of INSERT target columns (2) does not equal number of source items (1)")
        XCTAssertEqual(EngineHarness.compileError("""
            CREATE STREAM "O" (n DOUBLE);
            CREATE PUMP "P" AS INSERT INTO "O" SELECT STREAM ticker_symbol FROM "SOURCE_SQL_STREAM_001";
            """)?.message,
            "Cannot assign to target field 'N' of type DOUBLE from source field 'TICKER_SYMBOL' of type VARCHAR(4)")
    }

    func testPumpsWriteOnlyIntoCreatedStreamsAndNamesAreUnique() {
        XCTAssertNotNil(EngineHarness.compileError("""
            CREATE PUMP "P" AS INSERT INTO "SOURCE_SQL_STREAM_001"
              SELECT STREAM * FROM "SOURCE_SQL_STREAM_001";
            """))
        XCTAssertEqual(EngineHarness.compileError("""
            CREATE STREAM "O" (n DOUBLE);
            CREATE STREAM "O" (n DOUBLE);
            """)?.message, "Stream 'O' already exists")
        XCTAssertNil(EngineHarness.compileError("""
            CREATE OR REPLACE STREAM "O" (n DOUBLE);
            CREATE OR REPLACE STREAM "O" (n DOUBLE);
            """))
    }
}
