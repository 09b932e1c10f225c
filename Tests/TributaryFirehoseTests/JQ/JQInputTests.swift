import XCTest
@testable import TributaryFirehose

/// Records are read as jq 1.6 reads its input: JSON text, one or more values, numbers as doubles (with jq's lenient
/// spellings), member order kept, and clear errors for anything else.
final class JQInputTests: XCTestCase {
    private func inputMessage(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let outputs = try JQProgram(".").run(json: Array(text.utf8), now: 0)
            XCTFail("\(text) gave \(outputs)", file: file, line: line)
            return ""
        } catch JQError.input(let message) {
            return message
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return ""
        }
    }

    func testSeveralValuesRunOneAtATime() throws {
        XCTAssertEqual(try jqOutputs(".a", #"{"a":1} {"a":2}"# + "\n" + #"{"a":3}"#), ["1", "2", "3"])
        XCTAssertEqual(try jqOutputs(".", "1\"a\"[]"), ["1", "\"a\"", "[]"])
        XCTAssertEqual(try jqOutputs(".", " \n\t "), [])
    }

    func testLenientNumbersOfJq16AreAccepted() throws {
        XCTAssertEqual(try jqOutputs(".", "[01, 1., .5, +1, -.5e1, 1E2, NaN, Infinity, -Infinity]"),
                       ["[1,1,0.5,1,-5,100,null,1.7976931348623157e+308,-1.7976931348623157e+308]"])
    }

    func testMalformedTextIsRefusedWithItsPlace() {
        XCTAssertEqual(inputMessage("[1,]"), "Expected another array element at line 1, column 4")
        XCTAssertEqual(inputMessage(#"{"a":1,}"#), "Expected another key-value pair at line 1, column 8")
        XCTAssertEqual(inputMessage("[1 2]"), "Expected separator between values at line 1, column 4")
        XCTAssertEqual(inputMessage(#"{"a" 1}"#), "Objects must consist of key:value pairs at line 1, column 6")
        XCTAssertEqual(inputMessage("{1:2}"), "Object keys must be strings at line 1, column 2")
        XCTAssertEqual(inputMessage(#""abc"#), "Unfinished string at EOF at line 1, column 4")
        XCTAssertEqual(inputMessage("[1"), "Unfinished JSON term at EOF at line 1, column 2")
        XCTAssertEqual(inputMessage("tru"), "Invalid literal at EOF at line 1, column 3")
        XCTAssertEqual(inputMessage("nan"), "Invalid literal at EOF at line 1, column 3")
        XCTAssertEqual(inputMessage("123abc"), "Invalid numeric literal at EOF at line 1, column 6")
        XCTAssertEqual(inputMessage("0x10"), "Invalid numeric literal at EOF at line 1, column 4")
        XCTAssertEqual(inputMessage("'a'"), "Invalid numeric literal at EOF at line 1, column 3")
        XCTAssertEqual(inputMessage("]"), "Unmatched ']' at line 1, column 1")
        XCTAssertEqual(inputMessage("{\n\"a\":\n}"), "Unmatched '}' at line 3, column 1")
    }

    func testStringsFollowJqsEscapeRules() throws {
        XCTAssertEqual(try jqOutputs(".", #""\u00e9\ud83d\ude00\/""#), [#""é😀/""#])
        XCTAssertEqual(try jqOutputs(".", #""\udE00x""#), ["\"\u{FFFD}x\""])
        XCTAssertEqual(inputMessage(#""\ud800""#), "Invalid \\uXXXX\\uXXXX surrogate pair escape at line 1, column 8")
        XCTAssertEqual(inputMessage(#""\q""#), "Invalid escape at line 1, column 4")
        XCTAssertEqual(inputMessage("\"a\tb\""),
                       "Invalid string: control characters from U+0000 through U+001F must be escaped at line 1, column 3")
    }

    func testLaterDuplicateKeysWinInTheFirstPlace() throws {
        XCTAssertEqual(try jqOutputs(".", #"{"a":1,"b":2,"a":3}"#), [#"{"a":3,"b":2}"#])
    }
}
