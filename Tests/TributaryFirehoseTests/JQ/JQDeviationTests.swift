import XCTest
@testable import TributaryFirehose

/// Where this interpreter deliberately differs from jq 1.6 (each listed in docs/jq.md), it behaves as documented.
/// jq 1.6's own result is noted beside each case.
final class JQDeviationTests: XCTestCase {
    /// jq 1.6 evaluates an object's members lazily, so a `try` in an earlier key is still active while later members
    /// run and swallows their errors (`[{((.k)?): error("x")}]` is `[]` there); here each part has finished before
    /// the next runs, so the error comes out.
    func testTryInsideAnObjectPartSeesOnlyThatPart() {
        XCTAssertThrowsError(try jqOutputs(#"[{((.k)?): error("x")}]"#, #"{"k":"a"}"#)) {
            XCTAssertEqual($0 as? JQError, .runtime("x"))
        }
    }

    /// jq 1.6 loops until memory runs out on an empty match; here every position is replaced once.
    func testGsubWithEmptyMatchesTerminates() {
        XCTAssertEqual(try jqOutputs(#"[gsub("";"-"), gsub("x*";"-"), gsub("^";">")]"#, #""ab""#),
                       [#"["-a-b-","-a-b-",">ab"]"#])
    }

    /// jq 1.6 fails oddly when `reduce`'s initial value has several outputs; here each starts its own reduction.
    func testReduceRunsOncePerInitialValue() {
        XCTAssertEqual(try jqOutputs("[reduce .[] as $x (0, 10; . + $x)]", "[1,2]"), ["[3,13]"])
    }

    /// A run reports all its outputs or an error, never the outputs before the error (the jq command prints both).
    func testARunFailsWhole() {
        XCTAssertThrowsError(try jqOutputs(".[] | if . == 2 then error(\"two\") else . end", "[1,2,3]")) {
            XCTAssertEqual($0 as? JQError, .runtime("two"))
        }
    }

    /// Regular expressions are ICU's, not Oniguruma's: ICU gives up on a pattern that exhausts its backtracking
    /// stack (no match) where jq 1.6 keeps searching.
    func testRegexBacktrackingLimitGivesNoMatch() {
        let subject = "\"" + String(repeating: "a", count: 30) + "!\""
        XCTAssertEqual(try jqOutputs(#"test("^(a+)+$")"#, subject), ["false"])
    }
}
