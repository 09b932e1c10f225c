import TributarySQL
import XCTest

/// Application code on which `FuzzSQLParser` (Fuzz/) found the SQL parser overflowing its stack.
///
/// The parser is recursive descent with no bound on nesting: each parenthesis goes once more through the whole
/// expression grammar (OR, AND, NOT, predicate, +, *, unary, primary), so nesting that fits in ApplicationCode's
/// 102,400 characters crashed the process (AddressSanitizer: stack-overflow in `SQLTokenParser.primaryExpression`;
/// SIGSEGV in a release build on an 8 MiB stack). Nesting that deep must be an `SQLSyntaxError`.
final class RegressionSQLNestingDepthTests: XCTestCase {
    /// ApplicationCode's largest length (the API's `max` for the member).
    private let applicationCodeCharactersMax = 102_400

    private func pump(selecting expression: String) -> String {
        """
        CREATE OR REPLACE STREAM "O" (a INTEGER);
        CREATE OR REPLACE PUMP "P" AS INSERT INTO "O" SELECT STREAM \(expression) FROM "SOURCE_SQL_STREAM_001";
        """
    }

    private func nested(_ open: String, _ close: String, depth: Int) -> String {
        String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
    }

    private func assertSyntaxError(_ code: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(code.count, applicationCodeCharactersMax, file: file, line: line)
        XCTAssertThrowsError(try SQLParser.parse(code), file: file, line: line)
    }

    func testParenthesesNestedFiftyThousandDeepAreASyntaxError() {
        assertSyntaxError(pump(selecting: nested("(", ")", depth: 50_000)))
    }

    func testFunctionCallsNestedTenThousandDeepAreASyntaxError() {
        assertSyntaxError(pump(selecting: nested("ABS(", ")", depth: 10_000)))
    }

    /// NOT and unary signs recurse too: stacked 20,000 deep they are refused the same way.
    func testStackedNotAndSignsAreASyntaxError() {
        assertSyntaxError(pump(selecting: String(repeating: "NOT ", count: 20_000) + "TRUE"))
        assertSyntaxError(pump(selecting: String(repeating: "- ", count: 20_000) + "1"))
    }

    /// The bound must leave room for real queries: 32 levels of parentheses and function calls still parse.
    func testModerateNestingStillParses() throws {
        XCTAssertEqual(try SQLParser.parse(pump(selecting: nested("(", ")", depth: 32))).count, 2)
        XCTAssertEqual(try SQLParser.parse(pump(selecting: nested("ABS(", ")", depth: 32))).count, 2)
    }
}
