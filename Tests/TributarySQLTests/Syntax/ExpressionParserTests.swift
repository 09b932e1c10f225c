import XCTest
@testable import TributarySQL

final class ExpressionParserTests: XCTestCase {
    private func parsed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return SyntaxRendering.render(try SQLParser.parseExpression(text))
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return ""
        }
    }

    func testArithmeticPrecedenceAndAssociativity() {
        XCTAssertEqual(parsed("1 + 2 * 3"), "(add 1 (multiply 2 3))")
        XCTAssertEqual(parsed("(1 + 2) * 3"), "(multiply (add 1 2) 3)")
        XCTAssertEqual(parsed("10 - 4 - 3"), "(subtract (subtract 10 4) 3)")
        XCTAssertEqual(parsed("8 / 4 / 2"), "(divide (divide 8 4) 2)")
        XCTAssertEqual(parsed("-a * b"), "(multiply (negate A) B)")
        XCTAssertEqual(parsed("- - +a"), "(negate (negate (plus A)))")
        XCTAssertEqual(parsed("a || b || 'c'"), "(concatenate (concatenate A B) 'c')")
        XCTAssertEqual(parsed("a || b + c"), "(add (concatenate A B) C)")
    }

    func testLogicalPrecedence() {
        XCTAssertEqual(parsed("a OR b AND c"), "(or A (and B C))")
        XCTAssertEqual(parsed("NOT a AND b"), "(and (not A) B)")
        XCTAssertEqual(parsed("NOT a = 1 OR b"), "(or (not (equal A 1)) B)")
        XCTAssertEqual(parsed("a = 1 + 2"), "(equal A (add 1 2))")
        XCTAssertEqual(parsed("a + 1 < b * 2 AND c <> d OR e >= f"),
                       "(or (and (less (add A 1) (multiply B 2)) (notEqual C D)) (greaterOrEqual E F))")
        XCTAssertEqual(parsed("a != b"), "(notEqual A B)")
        XCTAssertEqual(parsed("a <= b"), "(lessOrEqual A B)")
        XCTAssertEqual(parsed("a > b"), "(greater A B)")
    }

    func testPredicates() {
        XCTAssertEqual(parsed("price IS NULL"), "(isNull PRICE)")
        XCTAssertEqual(parsed("price IS NOT NULL AND x"), "(and (isNotNull PRICE) X)")
        XCTAssertEqual(parsed("price BETWEEN 1 AND 2 AND x"), "(and (between PRICE 1 2) X)")
        XCTAssertEqual(parsed("price NOT BETWEEN a + 1 AND b"), "(notBetween PRICE (add A 1) B)")
        XCTAssertEqual(parsed("s LIKE 'A%'"), "(like S 'A%')")
        XCTAssertEqual(parsed("s NOT LIKE 'A!%%' ESCAPE '!'"), "(notLike S 'A!%%' escape '!')")
        XCTAssertEqual(parsed("sector SIMILAR TO '%TECH%'"), "(similar SECTOR '%TECH%')")
        XCTAssertEqual(parsed("sector NOT SIMILAR TO 'x' ESCAPE '\\'"), "(notSimilar SECTOR 'x' escape '\\')")
        XCTAssertEqual(parsed("t IN ('A', 'B')"), "(in T ['A' 'B'])")
        XCTAssertEqual(parsed("t NOT IN (1)"), "(notIn T [1])")
        XCTAssertEqual(parsed("NOT t IN (1, 2)"), "(not (in T [1 2]))")
        XCTAssertEqual(parsed("flag IS UNKNOWN"), "(isNull FLAG)")
        XCTAssertEqual(parsed("flag IS NOT UNKNOWN"), "(isNotNull FLAG)")
        XCTAssertEqual(parsed("a > 1 IS TRUE"), "(case when (greater A 1) then TRUE else FALSE)")
        XCTAssertEqual(parsed("flag IS NOT TRUE"), "(case when FLAG then FALSE else TRUE)")
        XCTAssertEqual(parsed("flag IS FALSE"), "(case when (not FLAG) then TRUE else FALSE)")
        XCTAssertEqual(parsed("flag IS NOT FALSE"), "(case when (not FLAG) then FALSE else TRUE)")
    }

    func testIdentifiersAndColumns() {
        XCTAssertEqual(parsed("ticker_symbol"), "TICKER_SYMBOL")
        XCTAssertEqual(parsed("\"tickerSymbol\""), "tickerSymbol")
        XCTAssertEqual(parsed("\"SOURCE_SQL_STREAM_001\".ROWTIME"), "SOURCE_SQL_STREAM_001.ROWTIME")
        XCTAssertEqual(parsed("c.\"Ticker\""), "C.Ticker")
        XCTAssertEqual(parsed("change + price + sector"), "(add (add CHANGE PRICE) SECTOR)")
        let column = try? SQLParser.parseExpression("  s.\"x\"")
        guard case .column(let qualifier?, let name) = column else { return XCTFail("not a column") }
        XCTAssertEqual(qualifier.position, SourcePosition(line: 1, column: 3))
        XCTAssertFalse(qualifier.wasQuoted)
        XCTAssertTrue(name.wasQuoted)
        XCTAssertEqual(name.position, SourcePosition(line: 1, column: 5))
    }

    func testCaseAndCast() {
        XCTAssertEqual(parsed("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END"),
                       "(case when (greater A 1) then 'x' when (greater A 0) then 'y' else 'z')")
        XCTAssertEqual(parsed("case sector when 'TECH' then 1 end"), "(case SECTOR when 'TECH' then 1)")
        XCTAssertEqual(parsed("CAST(price AS DECIMAL(8,2))"), "(cast PRICE DECIMAL(8,2))")
        XCTAssertEqual(parsed("cast(x as varchar(10)) || 'a'"), "(concatenate (cast X VARCHAR(10)) 'a')")
    }

    func testFunctionCalls() {
        XCTAssertEqual(parsed("avg(price)"), "AVG(PRICE)")
        XCTAssertEqual(parsed("COUNT(*)"), "COUNT(*)")
        XCTAssertEqual(parsed("COUNT(DISTINCT ticker)"), "COUNT(distinct TICKER)")
        XCTAssertEqual(parsed("\"myFunc\"(1, 'a')"), "myFunc(1, 'a')")
        XCTAssertEqual(parsed("MOD(a, 3) + ABS(-b)"), "(add MOD(A, 3) ABS((negate B)))")
        XCTAssertEqual(parsed("REGEX_REPLACE(s, 'a+', 'b', 1, 0)"), "REGEX_REPLACE(S, 'a+', 'b', 1, 0)")
        XCTAssertEqual(parsed("CURRENT_ROW_TIMESTAMP"), "CURRENT_ROW_TIMESTAMP()")
        XCTAssertEqual(parsed("localtimestamp - CURRENT_TIMESTAMP"),
                       "(subtract LOCALTIMESTAMP() CURRENT_TIMESTAMP())")
        XCTAssertEqual(parsed("CURRENT_DATE"), "CURRENT_DATE()")
        XCTAssertEqual(parsed("CURRENT_TIME"), "CURRENT_TIME()")
    }

    func testWindowedCalls() {
        XCTAssertEqual(parsed("AVG(price) OVER W1"), "AVG(PRICE) over [W1]")
        XCTAssertEqual(parsed("AVG(price) OVER (PARTITION BY ticker_symbol ROWS 10 PRECEDING)"),
                       "AVG(PRICE) over [partition TICKER_SYMBOL; rows 10]")
        XCTAssertEqual(parsed("SUM(x) OVER (PARTITION BY a, b RANGE INTERVAL '1' MINUTE PRECEDING)"),
                       "SUM(X) over [partition A, B; range interval(60000ms)]")
        XCTAssertEqual(parsed("MAX(x) OVER (w ROWS UNBOUNDED PRECEDING)"), "MAX(X) over [W; unbounded]")
        XCTAssertEqual(parsed("MIN(x) OVER (ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)"), "MIN(X) over [rows 4]")
        XCTAssertEqual(parsed("MIN(x) OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"),
                       "MIN(X) over [unbounded]")
        XCTAssertEqual(parsed("MIN(x) OVER (ROWS CURRENT ROW)"), "MIN(X) over [rows 0]")
        XCTAssertEqual(parsed("FIRST_VALUE(x) OVER (ORDER BY ROWTIME DESC RANGE INTERVAL '2' SECOND PRECEDING)"),
                       "FIRST_VALUE(X) over [order ROWTIME desc; range interval(2000ms)]")
    }

    func testSpecialSyntaxesAreNormalized() {
        XCTAssertEqual(parsed("EXTRACT(HOUR FROM ROWTIME)"), "EXTRACT(#HOUR, ROWTIME)")
        XCTAssertEqual(parsed("FLOOR(\"S\".ROWTIME TO MINUTE)"), "FLOOR(S.ROWTIME, #MINUTE)")
        XCTAssertEqual(parsed("floor(price)"), "FLOOR(PRICE)")
        XCTAssertEqual(parsed("CEIL(ROWTIME TO HOUR)"), "CEIL(ROWTIME, #HOUR)")
        XCTAssertEqual(parsed("CEILING(x)"), "CEIL(X)")
        XCTAssertEqual(parsed("STEP(\"S\".ROWTIME BY INTERVAL '10' SECOND)"),
                       "STEP(S.ROWTIME, interval(10000ms))")
        XCTAssertEqual(parsed("POSITION('a' IN s)"), "POSITION('a', S)")
        XCTAssertEqual(parsed("POSITION('a' IN s FROM 3)"), "POSITION('a', S, 3)")
        XCTAssertEqual(parsed("SUBSTRING(s FROM 2)"), "SUBSTRING(S, 2)")
        XCTAssertEqual(parsed("SUBSTRING(s FROM 2 FOR 3)"), "SUBSTRING(S, 2, 3)")
        XCTAssertEqual(parsed("SUBSTRING(s, 2, 3)"), "SUBSTRING(S, 2, 3)")
        XCTAssertEqual(parsed("TRIM(s)"), "TRIM(#BOTH, ' ', S)")
        XCTAssertEqual(parsed("TRIM(LEADING 'x' FROM s)"), "TRIM(#LEADING, 'x', S)")
        XCTAssertEqual(parsed("TRIM(TRAILING FROM s)"), "TRIM(#TRAILING, ' ', S)")
        XCTAssertEqual(parsed("TRIM('x' FROM s)"), "TRIM(#BOTH, 'x', S)")
        XCTAssertEqual(parsed("TRIM(BOTH FROM s)"), "TRIM(#BOTH, ' ', S)")
        XCTAssertEqual(parsed("OVERLAY(s PLACING 'ab' FROM 2)"), "OVERLAY(S, 'ab', 2)")
        XCTAssertEqual(parsed("OVERLAY(s PLACING 'ab' FROM 2 FOR 1)"), "OVERLAY(S, 'ab', 2, 1)")
    }

    func testDatetimeDifferenceWithQualifier() {
        XCTAssertEqual(parsed("FLOOR((\"S\".ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND)"),
                       "FLOOR((divide (cast (subtract S.ROWTIME timestamp(0)) INTERVAL DAY TO SECOND) 10), #SECOND)")
        XCTAssertEqual(parsed("(a - b) YEAR TO MONTH"), "(cast (subtract A B) INTERVAL YEAR TO MONTH)")
        XCTAssertEqual(parsed("(a + b)"), "(add A B)")
    }

    func testPositionsOfNodes() throws {
        let expression = try SQLParser.parseExpression("\n  a +\n   b * 2")
        guard case .binary(.add, let left, let right, let position) = expression else { return XCTFail() }
        XCTAssertEqual(position, SourcePosition(line: 2, column: 3))
        XCTAssertEqual(left.position, SourcePosition(line: 2, column: 3))
        XCTAssertEqual(right.position, SourcePosition(line: 3, column: 4))
        let call = try SQLParser.parseExpression("x + AVG(y)")
        guard case .binary(_, _, .call(let function), _) = call else { return XCTFail() }
        XCTAssertEqual(function.position, SourcePosition(line: 1, column: 5))
        let trim = try SQLParser.parseExpression("TRIM(LEADING FROM s)")
        guard case .call(let trimCall) = trim, case .keyword("LEADING", let keywordPosition) = trimCall.arguments[0]
        else { return XCTFail() }
        XCTAssertEqual(keywordPosition, SourcePosition(line: 1, column: 6))
    }
}
