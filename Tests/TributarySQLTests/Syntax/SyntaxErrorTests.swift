import XCTest
@testable import TributarySQL

final class SyntaxErrorTests: XCTestCase {
    private func scriptError(_ code: String, file: StaticString = #filePath, line: UInt = #line) -> SQLSyntaxError? {
        do {
            let statements = try SQLParser.parse(code)
            XCTFail("parsed into \(statements)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func expressionError(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> SQLSyntaxError? {
        do {
            let expression = try SQLParser.parseExpression(text)
            XCTFail("parsed into \(expression)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testMisspelledKeywordPointsAtIt() {
        let error = scriptError("""
            CREATE STREAM s (x INT);
            CREATE PUMP p AS INSERT INTO s
            SELECT STREAM x AS y FORM s
            """)
        XCTAssertEqual(error?.message,
                       "Encountered \"FORM\" at line 3, column 22. Was expecting one of: \"FROM\", \",\"")
        XCTAssertEqual(error?.position, SourcePosition(line: 3, column: 22))
    }

    func testLexicalErrors() {
        XCTAssertEqual(scriptError("CREATE STREAM #")?.message,
                       "Lexical error at line 1, column 15. Encountered: \"#\" (35)")
        let unterminated = scriptError("CREATE STREAM s (x INT)\n DESCRIPTION 'abc")
        XCTAssertEqual(unterminated?.message, "Lexical error at line 2, column 14. Unterminated string literal")
        XCTAssertEqual(unterminated?.position, SourcePosition(line: 2, column: 14))
        XCTAssertEqual(scriptError("CREATE STREAM \"abc")?.message,
                       "Lexical error at line 1, column 15. Unterminated quoted identifier")
        XCTAssertEqual(scriptError("CREATE STREAM s /* never closed")?.message,
                       "Lexical error at line 1, column 17. Unterminated comment")
        XCTAssertEqual(scriptError("CREATE STREAM \"\" (x INT)")?.position, SourcePosition(line: 1, column: 15))
        XCTAssertNotNil(expressionError("1.5E"))
    }

    func testEmptyScript() {
        XCTAssertEqual(scriptError("")?.position, SourcePosition(line: 1, column: 1))
        let commentsOnly = scriptError("-- nothing here\n  ;\n")
        XCTAssertEqual(commentsOnly?.message,
                       "Application code contains no statement; expecting CREATE STREAM or CREATE PUMP")
        XCTAssertEqual(commentsOnly?.position, SourcePosition(line: 3, column: 1))
    }

    func testOnlyCreateStreamAndCreatePumpAreStatements() {
        XCTAssertEqual(scriptError("SELECT STREAM * FROM s")?.message,
                       "Encountered \"SELECT\" at line 1, column 1. Was expecting: \"CREATE\"")
        XCTAssertEqual(scriptError("create view v as select stream * from s")?.message,
                       "Encountered \"view\" at line 1, column 8. Was expecting one of: \"OR\", \"STREAM\", \"PUMP\"")
        XCTAssertEqual(scriptError("CREATE OR REPLACE FUNCTION f")?.message,
                       "Encountered \"FUNCTION\" at line 1, column 19. Was expecting one of: \"STREAM\", \"PUMP\"")
        XCTAssertNotNil(scriptError("INSERT INTO s SELECT STREAM * FROM t"))
    }

    func testStatementsNeedSeparators() {
        XCTAssertEqual(scriptError("CREATE STREAM a (x INT) CREATE STREAM b (y INT)")?.message,
                       "Encountered \"CREATE\" at line 1, column 25. Was expecting one of: \";\", \"<EOF>\"")
    }

    func testReservedWordsNeedQuotes() {
        XCTAssertEqual(scriptError("CREATE STREAM s (select INT)")?.message,
                       "Encountered \"select\" at line 1, column 18. "
                       + "Was expecting one of: <IDENTIFIER>, <QUOTED_IDENTIFIER>")
        XCTAssertNoThrow(try SQLParser.parse("CREATE STREAM s (\"select\" INT)"))
        XCTAssertEqual(expressionError("a + from")?.message,
                       "Encountered \"from\" at line 1, column 5. Was expecting: <expression>")
    }

    func testQueryErrors() {
        let prefix = "CREATE PUMP p AS INSERT INTO o "
        XCTAssertEqual(scriptError(prefix + "SELECT STREAM a FROM s UNION SELECT STREAM a FROM t")?.message,
                       "Encountered \"SELECT\" at line 1, column 61. Was expecting: \"ALL\"")
        XCTAssertEqual(scriptError(prefix + "SELECT STREAM a FROM s JOIN t")?.message,
                       "Encountered \"<EOF>\" at line 1, column 61. Was expecting: \"ON\"")
        XCTAssertEqual(scriptError(prefix + "VALUES (1)")?.message,
                       "Encountered \"VALUES\" at line 1, column 32. Was expecting one of: \"SELECT\", \"(\"")
        XCTAssertNotNil(scriptError(prefix + "SELECT STREAM a"))
        XCTAssertNotNil(scriptError(prefix + "SELECT STREAM FROM s"))
        XCTAssertNotNil(scriptError(prefix + "SELECT STREAM a FROM s WHERE"))
        XCTAssertNotNil(scriptError(prefix + "SELECT STREAM a FROM s GROUP a"))
    }

    func testWindowErrors() {
        XCTAssertEqual(expressionError("AVG(x) OVER (ROWS -4 PRECEDING)")?.message,
                       "Encountered \"-\" at line 1, column 19. Was expecting one of: <UNSIGNED_INTEGER_LITERAL>, "
                       + "\"UNBOUNDED\", \"CURRENT\"")
        XCTAssertEqual(expressionError("AVG(x) OVER (RANGE INTERVAL '1' MINUTE FOLLOWING)")?.message,
                       "Encountered \"FOLLOWING\" at line 1, column 40. Was expecting: \"PRECEDING\"")
        XCTAssertNotNil(expressionError("AVG(x) OVER (RANGE 5 PRECEDING)"))
        XCTAssertNotNil(expressionError("AVG(x) OVER (ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING)"))
        XCTAssertNotNil(expressionError("AVG(x) OVER (PARTITION ticker)"))
    }

    func testExpressionErrors() {
        XCTAssertEqual(expressionError("1 +")?.message,
                       "Encountered \"<EOF>\" at line 1, column 4. Was expecting: <expression>")
        XCTAssertEqual(expressionError("a b")?.message,
                       "Encountered \"b\" at line 1, column 3. Was expecting: \"<EOF>\"")
        XCTAssertEqual(expressionError("CASE WHEN a THEN b")?.message,
                       "Encountered \"<EOF>\" at line 1, column 19. Was expecting one of: \"END\", \"WHEN\", \"ELSE\"")
        XCTAssertEqual(expressionError("x IS 1")?.message,
                       "Encountered \"1\" at line 1, column 6. Was expecting one of: \"NULL\", \"TRUE\", \"FALSE\", "
                       + "\"UNKNOWN\", \"NOT\"")
        XCTAssertNotNil(expressionError("CAST(x AS)"))
        XCTAssertNotNil(expressionError("f(1,)"))
        XCTAssertNotNil(expressionError("(1 + 2"))
        XCTAssertNotNil(expressionError("EXTRACT(FORTNIGHT FROM x)"))
        XCTAssertNotNil(expressionError("TRIM(LEADING 'x' s)"))
        XCTAssertNotNil(expressionError("(SELECT STREAM a FROM s)"))
        XCTAssertNotNil(expressionError("a IN (SELECT STREAM a FROM s)"))
        XCTAssertNotNil(expressionError("DATE 5"))
        XCTAssertNotNil(expressionError("a.b.c"))
        XCTAssertEqual(expressionError("CURRENT_ROW_TIMESTAMP()")?.message,
                       "Encountered \"(\" at line 1, column 22. Was expecting: \"<EOF>\"")
    }
}
