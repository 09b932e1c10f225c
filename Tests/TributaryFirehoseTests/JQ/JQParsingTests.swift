import XCTest
@testable import TributaryFirehose

/// Programs outside the subset, or not jq at all, are refused when compiled, with the problem and its position.
final class JQParsingTests: XCTestCase {
    private func syntaxMessage(_ program: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try JQProgram(program)
            XCTFail("\(program) compiled", file: file, line: line)
            return ""
        } catch JQError.syntax(let message) {
            return message
        } catch {
            XCTFail("\(program): \(error)", file: file, line: line)
            return ""
        }
    }

    func testErrorsNameTheTokenAndItsPosition() {
        XCTAssertEqual(syntaxMessage("[1,2"), "syntax error, unexpected end of program, expecting ']' at line 1, column 5")
        XCTAssertEqual(syntaxMessage("(1"), "syntax error, unexpected end of program, expecting ')' at line 1, column 3")
        XCTAssertEqual(syntaxMessage(".a |"), "syntax error, unexpected end of program at line 1, column 5")
        XCTAssertEqual(syntaxMessage(".a\n| ]"), "syntax error, unexpected ']' at line 2, column 3")
        XCTAssertEqual(syntaxMessage("{a: 1 + 2}"), "syntax error, unexpected '+' at line 1, column 7")
        XCTAssertEqual(syntaxMessage(".a.[\"b\"]"), "syntax error, unexpected '[' at line 1, column 4")
        XCTAssertEqual(syntaxMessage("1 < 2 < 3"), "syntax error, unexpected '<' at line 1, column 7")
        XCTAssertEqual(syntaxMessage("if . then 1 end"),
                       "syntax error, 'if' without 'else' (jq 1.6 requires 'else') at line 1, column 13")
        XCTAssertEqual(syntaxMessage("if . then 1 else 2"),
                       "syntax error, unexpected end of program, expecting 'end' at line 1, column 19")
        XCTAssertEqual(syntaxMessage("reduce .[] as x (0; .)"),
                       "syntax error, unexpected 'x', expecting '$name' at line 1, column 15")
    }

    func testLiteralsAreChecked() {
        XCTAssertEqual(syntaxMessage("\"abc"), "unterminated string literal at line 1, column 5")
        XCTAssertEqual(syntaxMessage("\"\\q\""), "Invalid escape at line 1, column 2")
        XCTAssertEqual(syntaxMessage("\"\\ud83d\""), "Invalid \\uXXXX\\uXXXX surrogate pair escape at line 1, column 2")
        XCTAssertEqual(syntaxMessage("1.2.3"), "Invalid numeric literal at line 1, column 1")
        XCTAssertEqual(syntaxMessage("12abc"), "Invalid numeric literal at line 1, column 1")
        XCTAssertEqual(syntaxMessage("1 / 0"), "Division by zero? at line 1, column 6")
        XCTAssertEqual(syntaxMessage("{(1): 2}"), "Cannot use number (1) as object key at line 1, column 3")
        XCTAssertEqual(syntaxMessage("é"), "unexpected character byte 0xc3 at line 1, column 1")
    }

    func testNamesMustBeDefined() {
        XCTAssertEqual(syntaxMessage("foo"), "foo/0 is not defined at line 1, column 1")
        XCTAssertEqual(syntaxMessage(". | length(1)"), "length/1 is not defined at line 1, column 5")
        XCTAssertEqual(syntaxMessage("$x"), "$x is not defined at line 1, column 1")
        XCTAssertEqual(syntaxMessage("reduce .[] as $x ($x; 1)"), "$x is not defined at line 1, column 19")
        XCTAssertEqual(syntaxMessage("(1 as $x | 2) | $x"), "$x is not defined at line 1, column 17")
        XCTAssertEqual(syntaxMessage("{$y}"), "$y is not defined at line 1, column 2")
    }

    func testFeaturesOutsideTheSubsetAreNamed() {
        XCTAssertEqual(syntaxMessage("def f: 1; f"), "'def' is not supported at line 1, column 1")
        XCTAssertEqual(syntaxMessage("..a"), "'..' (recursion) is not supported at line 1, column 1")
        XCTAssertEqual(syntaxMessage(".a = 1"), "assignment operator '=' is not supported at line 1, column 4")
        XCTAssertEqual(syntaxMessage(".a |= 1"), "assignment operator '|=' is not supported at line 1, column 4")
        XCTAssertEqual(syntaxMessage(". as [$a] | $a"), "destructuring patterns are not supported at line 1, column 6")
        XCTAssertEqual(syntaxMessage("foreach .[] as $x (0; 1)"), "'foreach' is not supported at line 1, column 1")
        XCTAssertEqual(syntaxMessage("label $out | 1"), "'label' is not supported at line 1, column 1")
        XCTAssertEqual(syntaxMessage("range(3)"), "range/1 is not defined at line 1, column 1")
        XCTAssertEqual(syntaxMessage("$__loc__"), "$__loc__ is not defined at line 1, column 1")
    }

    func testEmptyProgramsAndCommentsAreIdentity() throws {
        XCTAssertEqual(try jqOutputs("", "[1]"), ["[1]"])
        XCTAssertEqual(try jqOutputs("  # only a comment", "2"), ["2"])
        XCTAssertEqual(try jqOutputs(".a # the a member\n| . + 1 # plus one", #"{"a":1}"#), ["2"])
    }

    func testProgramKeepsItsSourceAndIsReusable() throws {
        let program = try JQProgram("{k: .a}")
        XCTAssertEqual(program.source, "{k: .a}")
        XCTAssertEqual(try program.run(json: Array(#"{"a":1}"#.utf8), now: 0).map(\.jsonText), [#"{"k":1}"#])
        XCTAssertEqual(try program.run(json: Array(#"{"a":"x"}"#.utf8), now: 0).map(\.jsonText), [#"{"k":"x"}"#])
        XCTAssertEqual(try program.run(input: ["a": [1, 2.5, .null]], now: 0).map(\.jsonText), [#"{"k":[1,2.5,null]}"#])
    }

    func testErrorsDescribeThemselves() {
        XCTAssertEqual("\(JQError.syntax("x"))", "jq syntax error: x")
        XCTAssertEqual("\(JQError.input("y"))", "jq input error: y")
        XCTAssertEqual("\(JQError.runtime("z"))", "jq error: z")
    }
}
