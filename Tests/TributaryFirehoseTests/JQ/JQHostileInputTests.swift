import Foundation
import XCTest
@testable import TributaryFirehose

/// Programs and records built to break the interpreter end in a `JQError`, never in a crash or a hang: every bound of
/// `JQLimits` is reached here, and the deepest accepted programs and values run on a 512 KiB thread stack.
final class JQHostileInputTests: XCTestCase {
    private func runtimeMessage(_ program: String, _ input: String) -> String? {
        do {
            _ = try JQProgram(program).run(json: Array(input.utf8), now: testNow)
            return nil
        } catch JQError.runtime(let message) {
            return message
        } catch {
            return "\(error)"
        }
    }

    private func syntaxMessage(_ program: String) -> String? {
        do {
            _ = try JQProgram(program)
            return nil
        } catch JQError.syntax(let message) {
            return message
        } catch {
            return "\(error)"
        }
    }

    func testDeeplyNestedProgramsAreSyntaxErrors() {
        for program in [
            String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000),
            String(repeating: "[", count: 1000) + "1" + String(repeating: "]", count: 1000),
            String(repeating: "{a:", count: 600) + "1" + String(repeating: "}", count: 600),
            String(repeating: "-", count: 2000) + "1",
            String(repeating: "try ", count: 1000) + "1",
            Array(repeating: ".", count: 2000).joined(separator: "|"),
            Array(repeating: "1", count: 2000).joined(separator: "+"),
            Array(repeating: "1", count: 2000).joined(separator: "//"),
            String(repeating: ".a", count: 1000),
            String(repeating: "\"\\(", count: 1000) + "1" + String(repeating: ")\"", count: 1000),
        ] {
            let message = syntaxMessage(program) ?? "accepted"
            XCTAssertTrue(message.contains("too deeply") || message.contains("too long"), message)
        }
    }

    func testProgramSizeIsBounded() {
        let long = "[" + Array(repeating: "1", count: 2600).joined(separator: ",") + "]"
        XCTAssertEqual(syntaxMessage(long), "program too long (5201 bytes; at most 5120)")
        XCTAssertNil(syntaxMessage("[" + Array(repeating: "1", count: 2500).joined(separator: ",") + "]"))
    }

    func testDeepInputIsRefusedPastJqsDepth() throws {
        let accepted = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        XCTAssertEqual(try jqOutputs("tojson | length", accepted), ["512"])
        for depth in [257, 100_000] {
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            XCTAssertThrowsError(try JQProgram(".").run(json: Array(text.utf8))) { error in
                XCTAssertEqual(error as? JQError, .input("Exceeds depth limit for parsing at line 1, column 257"))
            }
        }
        let objects = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        XCTAssertThrowsError(try JQProgram(".").run(json: Array(objects.utf8)))
        let quoted = "\"" + String(repeating: "[", count: 300) + "\""
        XCTAssertEqual(runtimeMessage("fromjson", quoted)?.hasPrefix("Exceeds depth limit for parsing"), true)
    }

    func testBuiltValuesAreBoundedInDepthAndSize() {
        let thousand = "[" + (0 ..< 1000).map(String.init).joined(separator: ",") + "]"
        XCTAssertEqual(runtimeMessage("reduce .[] as $x (.; [.]) | length", thousand),
                       "value nested too deeply (more than 512 levels)")
        XCTAssertEqual(runtimeMessage("reduce .[] as $x (.; [., .]) | tojson", thousand),
                       "value too large (more than 33554432 units)")
        XCTAssertEqual(runtimeMessage("reduce .[] as $x (\"ab\"; . + .)", thousand),
                       "string too long (more than 16777216 bytes)")
        XCTAssertEqual(runtimeMessage(". * 1e18", "\"ab\""), "string too long (more than 16777216 bytes)")
        XCTAssertEqual(runtimeMessage("reduce .[] as $x ({}; {a: ., b: .}) | tojson", thousand),
                       "value too large (more than 33554432 units)")
    }

    func testRunawayOutputsExhaustTheBudget() {
        let array = "[" + (0 ..< 2000).map(String.init).joined(separator: ",") + "]"
        let started = Date()
        XCTAssertEqual(runtimeMessage("{a: .[], b: .[], c: .[]} | .a", array),
                       "jq program exceeded its budget of 10000000 evaluation steps")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }

    func testTryCannotSwallowTheBudget() {
        let array = "[" + (0 ..< 3000).map(String.init).joined(separator: ",") + "]"
        XCTAssertEqual(runtimeMessage("try ([.[] as $x | (.[] | tostring)?] | length) catch \"caught\"", array),
                       "jq program exceeded its budget of 10000000 evaluation steps")
    }

    func testCatastrophicBacktrackingIsStopped() {
        let subject = "\"" + String(repeating: "a", count: 40) + "!\""
        let started = Date()
        XCTAssertEqual(runtimeMessage("test(\"(a|a)*b\")", subject),
                       "jq program exceeded its budget of 10000000 evaluation steps")
        XCTAssertEqual(runtimeMessage("[gsub(\"(a*)*b\"; \"x\")]", subject),
                       "jq program exceeded its budget of 10000000 evaluation steps")
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }

    func testHugeAndOddNumbersStayNumbers() throws {
        XCTAssertEqual(try jqOutputs(".[] | (., tostring, . + 1, -., floor, . % 7, todate?)",
                                     "[1e999, -1e999, 123456789012345678901234567890]").prefix(6),
                       ["1.7976931348623157e+308", "\"1.7976931348623157e+308\"", "1.7976931348623157e+308",
                        "-1.7976931348623157e+308", "1.7976931348623157e+308", "-1"])
        XCTAssertEqual(try jqOutputs(".[] | gmtime?", "[1e300, -1e300, 9.3e18]"), [])
        XCTAssertEqual(try jqOutputs("[.[] | [.] | mktime?]", "[1e300]"), ["[]"])
        XCTAssertEqual(try jqOutputs("[.[] | tostring]", "[NaN, Infinity, -Infinity, 0.1e-400]"),
                       ["[\"null\",\"1.7976931348623157e+308\",\"-1.7976931348623157e+308\",\"0\"]"])
        XCTAssertEqual(try jqOutputs(".[1e300:], .[-1e300:1], .[0:0/0]", "[1,2]"), ["[]", "[1]", "[]"])
        XCTAssertEqual(try jqOutputs("length", "\"" + String(repeating: "9", count: 100_000) + "\""), ["100000"])
        XCTAssertEqual(try jqOutputs("tonumber", "\"" + String(repeating: "9", count: 5000) + "\""),
                       ["1.7976931348623157e+308"])
    }

    func testBadUTF8BecomesReplacementCharacters() throws {
        var record = Array("{\"name\":\"a".utf8)
        record += [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80]
        record += Array("b\",\"k\":1}".utf8)
        let outputs = try JQProgram("{name, k}").run(json: record, now: testNow)
        guard case .object(let object)? = outputs.first, case .string(let name)? = object["name"] else {
            return XCTFail("got \(outputs)")
        }
        XCTAssertTrue(name.hasPrefix("a\u{FFFD}"))
        XCTAssertTrue(name.hasSuffix("(\u{FFFD}\u{FFFD}\u{FFFD}b") || name.hasSuffix("(\u{FFFD}b"), name)
        XCTAssertThrowsError(try JQProgram(".").run(json: [0xFF, 0xFE]))
        XCTAssertThrowsError(try JQProgram(".").run(json: [0x22, 0x61, 0x00, 0x22]))
    }

    func testLongSubstitutionsStayLinear() throws {
        let subject = "\"" + String(repeating: "a-", count: 200_000) + "\""
        let started = Date()
        XCTAssertEqual(try jqOutputs("gsub(\"-\"; \"_\") | length", subject), ["400000"])
        XCTAssertEqual(try jqOutputs("split(\"-\") | length", subject), ["200001"])
        XCTAssertEqual(try jqOutputs("contains(\"a-a-b\")", subject), ["false"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }

    func testPrintingLargeSharedValuesIsCharged() {
        let thousand = "[" + (0 ..< 1000).map(String.init).joined(separator: ",") + "]"
        XCTAssertEqual(runtimeMessage("(reduce .[0:15][] as $x (.; [., .])) as $big | $big | tojson | length",
                                      thousand),
                       "string too long (more than 16777216 bytes)")
        let started = Date()
        XCTAssertEqual(runtimeMessage("(reduce .[0:11][] as $x (.; [., .])) as $big | [.[] | $big | tostring | length]",
                                      thousand),
                       "jq program exceeded its budget of 10000000 evaluation steps")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }

    func testDateFormatsCannotBuildHugeStrings() throws {
        XCTAssertEqual(runtimeMessage(#"strftime("%999999999Y")"#, "0"), "strftime/1: unknown system failure")
        let widths = #"{"f":"\#(String(repeating: "%9999c", count: 50_000))"}"#
        XCTAssertEqual(runtimeMessage(".f as $f | 0 | strftime($f)", widths), "strftime/1: unknown system failure")
        let days = #"{"f":"\#(String(repeating: "%d", count: 100_000))"}"#
        XCTAssertEqual(try jqOutputs(".f as $f | 0 | strftime($f) | length", days), ["200000"])
    }

    func testAddingAndJoiningManyPiecesIsLinear() throws {
        let strings = "[" + (0 ..< 100_000).map { "\"s\($0)\"" }.joined(separator: ",") + "]"
        let arrays = "[" + (0 ..< 100_000).map { "[\($0)]" }.joined(separator: ",") + "]"
        let started = Date()
        XCTAssertEqual(try jqOutputs("add | length", strings), ["588890"])
        XCTAssertEqual(try jqOutputs("join(\",\") | length", strings), ["688889"])
        XCTAssertEqual(try jqOutputs("add | length", arrays), ["100000"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }
}
