import XCTest
@testable import TributarySQL

final class PatternTests: XCTestCase {
    private func like(_ text: String, _ pattern: String, escape: String? = nil) throws -> Bool {
        try LikePattern(pattern: pattern, escape: escape).matches(text)
    }

    private func similar(_ text: String, _ pattern: String, escape: String? = nil) throws -> Bool {
        try SimilarToPattern(pattern: pattern, escape: escape).matches(text)
    }

    func testLikeWildcards() throws {
        XCTAssertTrue(try like("abc", "abc"))
        XCTAssertFalse(try like("abc", "ab"))
        XCTAssertTrue(try like("abc", "a%"))
        XCTAssertTrue(try like("abc", "%c"))
        XCTAssertTrue(try like("abc", "%b%"))
        XCTAssertTrue(try like("abc", "a_c"))
        XCTAssertFalse(try like("ac", "a_c"))
        XCTAssertTrue(try like("", "%"))
        XCTAssertFalse(try like("", "_"))
        XCTAssertTrue(try like("aXbXc", "a%b%c"))
        XCTAssertFalse(try like("abcb", "%bc"))
        XCTAssertTrue(try like("mississippi", "%iss%ppi"))
        XCTAssertTrue(try like("aaa", "%%a%%"))
        XCTAssertFalse(try like("ABC", "abc"))
        XCTAssertTrue(try like("héllo", "h_llo"))
        XCTAssertTrue(try like("a.c", "a.c"))
        XCTAssertFalse(try like("abc", "a.c"))
        XCTAssertTrue(try like("line1\nline2", "line1%"))
    }

    func testLikeEscape() throws {
        XCTAssertTrue(try like("100%", "100!%", escape: "!"))
        XCTAssertFalse(try like("1000", "100!%", escape: "!"))
        XCTAssertTrue(try like("a_b", "a!_b", escape: "!"))
        XCTAssertFalse(try like("axb", "a!_b", escape: "!"))
        XCTAssertTrue(try like("a!b", "a!!b", escape: "!"))
        XCTAssertThrowsError(try LikePattern(pattern: "a!b", escape: "!"))
        XCTAssertThrowsError(try LikePattern(pattern: "a!", escape: "!"))
        XCTAssertThrowsError(try LikePattern(pattern: "a", escape: "!!"))
        XCTAssertThrowsError(try LikePattern(pattern: "a", escape: ""))
    }

    func testLikeAgainstABruteForceMatcher() throws {
        // Every pattern over {a, b, %, _} up to length 4 against every text over {a, b} up to length 5.
        func words(_ alphabet: [Character], upTo length: Int) -> [String] {
            var all = [""]
            var frontier = [""]
            for _ in 0..<length {
                frontier = frontier.flatMap { prefix in alphabet.map { prefix + String($0) } }
                all += frontier
            }
            return all
        }
        func reference(_ text: Substring, _ pattern: Substring) -> Bool {
            guard let head = pattern.first else { return text.isEmpty }
            switch head {
            case "%":
                return text.indices.contains { reference(text[$0...], pattern.dropFirst()) }
                    || reference(text[text.endIndex...], pattern.dropFirst())
            case "_":
                return !text.isEmpty && reference(text.dropFirst(), pattern.dropFirst())
            default:
                return text.first == head && reference(text.dropFirst(), pattern.dropFirst())
            }
        }
        let texts = words(["a", "b"], upTo: 5)
        for pattern in words(["a", "b", "%", "_"], upTo: 4) {
            let compiled = try LikePattern(pattern: pattern)
            for text in texts {
                XCTAssertEqual(compiled.matches(text), reference(Substring(text), Substring(pattern)),
                               "'\(text)' LIKE '\(pattern)'")
            }
        }
    }

    func testSimilarToOperators() throws {
        XCTAssertTrue(try similar("abc", "abc"))
        XCTAssertTrue(try similar("abc", "a%"))
        XCTAssertTrue(try similar("abc", "_b_"))
        XCTAssertTrue(try similar("abc", "%(b|d)%"))
        XCTAssertFalse(try similar("abc", "(b|d)%"))
        XCTAssertTrue(try similar("aaa", "a*"))
        XCTAssertTrue(try similar("", "a*"))
        XCTAssertFalse(try similar("", "a+"))
        XCTAssertTrue(try similar("ab", "ab?c?"))
        XCTAssertTrue(try similar("aaa", "a{3}"))
        XCTAssertFalse(try similar("aa", "a{3}"))
        XCTAssertTrue(try similar("aaaa", "a{2,}"))
        XCTAssertTrue(try similar("aaa", "a{1,3}"))
        XCTAssertFalse(try similar("aaaa", "a{1,3}"))
        XCTAssertTrue(try similar("b7", "[a-c][0-9]"))
        XCTAssertFalse(try similar("d7", "[a-c][0-9]"))
        XCTAssertTrue(try similar("x", "[^a-c]"))
        XCTAssertTrue(try similar("Q9", "[[:UPPER:]][[:DIGIT:]]"))
        XCTAssertFalse(try similar("q9", "[[:UPPER:]][[:DIGIT:]]"))
        XCTAssertTrue(try similar("a-b", "a[-]b"))
    }

    func testSimilarToTreatsRegexMetacharactersLiterally() throws {
        XCTAssertTrue(try similar("a.c", "a.c"))
        XCTAssertFalse(try similar("abc", "a.c"))
        XCTAssertTrue(try similar("^x$", "^x$"))
        XCTAssertTrue(try similar("a\\b", "a\\b"))
        XCTAssertTrue(try similar("tab\there", "tab\t%"))
        XCTAssertTrue(try similar("ab", "%b"))
        XCTAssertFalse(try similar("abx", "%b"))
    }

    func testSimilarToEscapeAndErrors() throws {
        XCTAssertTrue(try similar("a%", "a!%", escape: "!"))
        XCTAssertFalse(try similar("ab", "a!%", escape: "!"))
        XCTAssertTrue(try similar("a*", "a!*", escape: "!"))
        XCTAssertTrue(try similar("[x]", "![x!]", escape: "!"))
        for bad in ["(ab", "ab)", "a{2", "a{x}", "a{3,1}", "[abc", "*a", "[[:FOO:]]", "(?i)a"] {
            XCTAssertThrowsError(try SimilarToPattern(pattern: bad), bad)
        }
        XCTAssertThrowsError(try SimilarToPattern(pattern: "a!", escape: "!"))
    }
}
