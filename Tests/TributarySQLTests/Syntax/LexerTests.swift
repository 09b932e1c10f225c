import XCTest
@testable import TributarySQL

final class LexerTests: XCTestCase {
    func testFoldsWordsAndTracksPositions() throws {
        let tokens = try SQLLexer.tokenize("select \"Ab\"\"c\"\n  , 'it''s'")
        XCTAssertEqual(tokens.map(\.kind), [
            .word("SELECT"), .quotedIdentifier("Ab\"c"), .symbol(.comma), .string("it's"), .endOfInput,
        ])
        XCTAssertEqual(tokens.map(\.position), [
            SourcePosition(line: 1, column: 1), SourcePosition(line: 1, column: 8),
            SourcePosition(line: 2, column: 3), SourcePosition(line: 2, column: 5),
            SourcePosition(line: 2, column: 12),
        ])
    }
}
