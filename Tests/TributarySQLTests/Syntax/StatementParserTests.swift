import XCTest
@testable import TributarySQL

final class StatementParserTests: XCTestCase {
    private let demoCode = """
        -- ** Continuous Filter **
        CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ticker_symbol VARCHAR(4), sector VARCHAR(12),
                                                           change DOUBLE, price DOUBLE);
        /* a pump is a continuous insert */
        CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM ticker_symbol, sector, change, price FROM "SOURCE_SQL_STREAM_001" WHERE sector SIMILAR TO '%TECH%';
        """

    private func onlyPump(_ code: String, file: StaticString = #filePath, line: UInt = #line) throws -> CreatePump {
        let statements = try SQLParser.parse(code)
        guard statements.count == 1, case .createPump(let pump) = statements[0] else {
            XCTFail("expected one pump", file: file, line: line)
            throw SQLSyntaxError("no pump", at: SourcePosition(line: 0, column: 0))
        }
        return pump
    }

    private func onlySelect(_ code: String, file: StaticString = #filePath, line: UInt = #line) throws -> Select {
        let pump = try onlyPump("CREATE PUMP p AS INSERT INTO \"OUT\" " + code, file: file, line: line)
        guard case .select(let select) = pump.query else {
            XCTFail("expected a SELECT", file: file, line: line)
            throw SQLSyntaxError("no select", at: SourcePosition(line: 0, column: 0))
        }
        return select
    }

    func testStockTickerDemoCode() throws {
        let statements = try SQLParser.parse(demoCode)
        XCTAssertEqual(statements.count, 2)
        guard case .createStream(let stream) = statements[0], case .createPump(let pump) = statements[1] else {
            return XCTFail("unexpected statements \(statements)")
        }
        XCTAssertEqual(stream.name.name, "DESTINATION_SQL_STREAM")
        XCTAssertTrue(stream.name.wasQuoted)
        XCTAssertTrue(stream.orReplace)
        XCTAssertEqual(stream.position, SourcePosition(line: 2, column: 1))
        XCTAssertEqual(stream.columns.map(\.name.name), ["TICKER_SYMBOL", "SECTOR", "CHANGE", "PRICE"])
        XCTAssertEqual(stream.columns.map(\.type), [.varchar(length: 4), .varchar(length: 12), .double, .double])
        XCTAssertEqual(pump.name.name, "STREAM_PUMP")
        XCTAssertEqual(pump.target.name, "DESTINATION_SQL_STREAM")
        XCTAssertNil(pump.targetColumns)
        XCTAssertEqual(pump.position, SourcePosition(line: 5, column: 1))
        guard case .select(let select) = pump.query else { return XCTFail("not a select") }
        XCTAssertTrue(select.isStream)
        XCTAssertEqual(select.position, SourcePosition(line: 6, column: 1))
        XCTAssertEqual(select.items.count, 4)
        XCTAssertEqual(SyntaxRendering.render(select.from), "SOURCE_SQL_STREAM_001")
        XCTAssertEqual(select.whereClause.map(SyntaxRendering.render), "(similar SECTOR '%TECH%')")
    }

    func testCreateStreamDetails() throws {
        let statements = try SQLParser.parse("""
            create stream s2 ("id" INTEGER NOT NULL, ts TIMESTAMP, amount DECIMAL(10,2) NULL)
              DESCRIPTION 'orders';
            CREATE STREAM "s3" (x BOOLEAN)
            """)
        guard case .createStream(let first) = statements[0], case .createStream(let second) = statements[1] else {
            return XCTFail()
        }
        XCTAssertFalse(first.orReplace)
        XCTAssertEqual(first.name.name, "S2")
        // Identifiers compare by name only, so the expected ones need no real positions.
        let somewhere = SourcePosition(line: 1, column: 1)
        XCTAssertEqual(first.columns, [
            ColumnDefinition(name: Identifier(name: "id", wasQuoted: true, position: somewhere), type: .integer,
                             notNull: true),
            ColumnDefinition(name: Identifier(name: "TS", wasQuoted: false, position: somewhere), type: .timestamp),
            ColumnDefinition(name: Identifier(name: "AMOUNT", wasQuoted: false, position: somewhere),
                             type: .decimal(precision: 10, scale: 2)),
        ])
        XCTAssertEqual(first.columns.map(\.name.wasQuoted), [true, false, false])
        XCTAssertEqual(first.columns[0].name.position, SourcePosition(line: 1, column: 19))
        XCTAssertEqual(second.name.name, "s3")
    }

    func testTumblingWindowWithStep() throws {
        let select = try onlySelect("""
            SELECT STREAM ticker_symbol, AVG(price) AS avg_price FROM "SOURCE_SQL_STREAM_001"
            GROUP BY ticker_symbol, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND);
            """)
        XCTAssertEqual(select.groupBy.map(SyntaxRendering.render),
                       ["TICKER_SYMBOL", "STEP(SOURCE_SQL_STREAM_001.ROWTIME, interval(10000ms))"])
        guard case .expression(let average, let alias) = select.items[1] else { return XCTFail() }
        XCTAssertEqual(SyntaxRendering.render(average), "AVG(PRICE)")
        XCTAssertEqual(alias?.name, "AVG_PRICE")
    }

    func testTumblingWindowWithFloorAndRowtimeAlias() throws {
        let select = try onlySelect("""
            SELECT STREAM FLOOR("S".ROWTIME TO MINUTE) AS ROWTIME, ticker_symbol, COUNT(*) AS c
            FROM "S" GROUP BY FLOOR("S".ROWTIME TO MINUTE), ticker_symbol HAVING COUNT(*) > 1
            """)
        guard case .expression(let floor, let alias) = select.items[0] else { return XCTFail() }
        XCTAssertEqual(SyntaxRendering.render(floor), "FLOOR(S.ROWTIME, #MINUTE)")
        XCTAssertEqual(alias?.name, "ROWTIME")
        XCTAssertEqual(select.having.map(SyntaxRendering.render), "(greater COUNT(*) 1)")
    }

    func testSlidingWindowClause() throws {
        let select = try onlySelect("""
            SELECT STREAM ticker_symbol, AVG(price) OVER W1 AS avg_price FROM "S"
            WINDOW W1 AS (PARTITION BY ticker_symbol RANGE INTERVAL '1' MINUTE PRECEDING),
                   w2 AS (ROWS 2 PRECEDING)
            """)
        XCTAssertEqual(select.windows.map(\.name.name), ["W1", "W2"])
        XCTAssertEqual(select.windows.map { SyntaxRendering.render($0.specification) },
                       ["[partition TICKER_SYMBOL; range interval(60000ms)]", "[rows 2]"])
        guard case .expression(let average, _) = select.items[1] else { return XCTFail() }
        XCTAssertEqual(SyntaxRendering.render(average), "AVG(PRICE) over [W1]")
    }

    func testSelectListForms() throws {
        let select = try onlySelect("SELECT STREAM DISTINCT *, s.*, price total, ROWTIME FROM \"S\" AS s")
        XCTAssertTrue(select.isDistinct)
        guard select.items.count == 4, case .all(nil, let starPosition) = select.items[0],
              case .all(let qualifier?, _) = select.items[1],
              case .expression(_, let alias?) = select.items[2],
              case .expression(.column(nil, let rowtime), nil) = select.items[3] else {
            return XCTFail("\(select.items)")
        }
        XCTAssertEqual(starPosition, SourcePosition(line: 1, column: 59))
        XCTAssertEqual(qualifier.name, "S")
        XCTAssertEqual(alias.name, "TOTAL")
        XCTAssertEqual(rowtime.name, "ROWTIME")
        XCTAssertEqual(SyntaxRendering.render(select.from), "S as S")
    }

    func testJoins() throws {
        let reference = try onlySelect("""
            SELECT STREAM "S".ticker_symbol, c."Company" FROM "S" LEFT JOIN "CompanyName" AS c
            ON "S".ticker_symbol = c."Ticker"
            """)
        XCTAssertEqual(SyntaxRendering.render(reference.from),
                       "(left S CompanyName as C on (equal S.TICKER_SYMBOL C.Ticker))")
        let streams = try onlySelect("""
            SELECT STREAM o.id FROM "Orders" AS o JOIN "Trades" OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS t
            ON o.id = t.id
            """)
        XCTAssertEqual(SyntaxRendering.render(streams.from),
                       "(inner Orders as O Trades over [range interval(60000ms)] as T on (equal O.ID T.ID))")
        let kinds = try onlySelect("""
            SELECT STREAM * FROM a INNER JOIN b ON x RIGHT OUTER JOIN c ON y FULL JOIN d ON z CROSS JOIN e, f
            """)
        XCTAssertEqual(SyntaxRendering.render(kinds.from),
                       "(cross (cross (full (right (inner A B on X) C on Y) D on Z) E) F)")
    }

    func testSubqueryInFromAndUnionAll() throws {
        let select = try onlySelect("""
            SELECT STREAM * FROM (SELECT STREAM a FROM "S" WHERE a > 0) AS sub WHERE sub.a < 10
            """)
        guard case .subquery(.select(let inner), let alias, let position) = select.from else { return XCTFail() }
        XCTAssertEqual(alias?.name, "SUB")
        XCTAssertEqual(position, SourcePosition(line: 1, column: 57))
        XCTAssertEqual(inner.whereClause.map(SyntaxRendering.render), "(greater A 0)")

        let pump = try onlyPump("""
            CREATE PUMP p AS INSERT INTO o SELECT STREAM a FROM s1 UNION ALL SELECT STREAM a FROM s2
            UNION ALL (SELECT STREAM a FROM s3)
            """)
        guard case .unionAll(.unionAll(.select(let first), .select(let second)), .select(let third)) = pump.query
        else { return XCTFail("\(pump.query)") }
        XCTAssertEqual([first.from, second.from, third.from].map(SyntaxRendering.render), ["S1", "S2", "S3"])
    }

    func testInsertWithColumnsAndPumpOptions() throws {
        let pump = try onlyPump("""
            create or replace pump "P" stopped as insert into "S2" (a, "b") select stream x, y from "S1";
            """)
        XCTAssertTrue(pump.orReplace)
        XCTAssertEqual(pump.target.name, "S2")
        XCTAssertEqual(pump.targetColumns?.map(\.name), ["A", "b"])
    }

    func testOrderByAndWhereClauses() throws {
        let select = try onlySelect("""
            SELECT STREAM a FROM s WHERE a > 1 AND b IS NOT NULL ORDER BY FLOOR(s.ROWTIME TO MINUTE), a DESC
            """)
        XCTAssertEqual(select.orderBy.map { SyntaxRendering.render($0.expression) },
                       ["FLOOR(S.ROWTIME, #MINUTE)", "A"])
        XCTAssertEqual(select.orderBy.map(\.descending), [false, true])
    }

    func testScriptSeparatorsAndComments() throws {
        let code = "  ;CREATE STREAM a (x INT);;\n-- trailing\nCREATE STREAM b (y INT) /* done */"
        XCTAssertEqual(try SQLParser.parse(code).count, 2)
        XCTAssertEqual(try SQLParser.parse("CREATE STREAM a (x INT);").count, 1)
    }

    func testNonReservedWordsAsIdentifiers() throws {
        let select = try onlySelect("""
            SELECT STREAM change, price, sector, value, "year", APPROXIMATE_ARRIVAL_TIME, hour FROM s
            """)
        XCTAssertEqual(select.items.count, 7)
    }
}
