import Foundation
import Synchronization
import XCTest
@testable import TributaryFirehose

/// The deepest programs and values the bounds accept run on a small thread stack without overflowing it: 512 KiB
/// (Darwin's secondary threads) for a release build, and five times that for a debug build, whose frames are about
/// five times larger (see `JQLimits.stackBytesMax`). A program past the stack budget fails with an error, not a
/// crash.
final class JQStackDepthTests: XCTestCase {
    #if DEBUG
    private static let stackBytes = 5 * 512 * 1024
    #else
    private static let stackBytes = 512 * 1024
    #endif

    /// Runs `body` on a thread with a small stack and waits for it.
    private func onSmallStack(_ body: @escaping @Sendable () -> Void) {
        let done = expectation(description: "small-stack run")
        let thread = Thread {
            body()
            done.fulfill()
        }
        thread.stackSize = Self.stackBytes
        thread.start()
        wait(for: [done], timeout: 300)
    }

    private static func attempt(_ program: String, _ input: String) -> String {
        do {
            return try JQProgram(program).run(json: Array(input.utf8), now: 0).map(\.jsonText).joined(separator: " ")
        } catch {
            return "\(error)"
        }
    }

    private static func repeated(_ piece: String, _ count: Int, separator: String = "") -> String {
        Array(repeating: piece, count: count).joined(separator: separator)
    }

    func testDeepestAcceptedProgramsRunOnASmallStack() {
        let cases: [(program: String, output: String)] = [
            (Self.repeated("(", 126) + ".a | .b" + Self.repeated(")", 126), "7"),
            (Self.repeated("[", 127) + "." + Self.repeated("]", 127), Self.repeated("[", 127) + "{\"a\":{\"b\":7}}"
                + Self.repeated("]", 127)),
            (Self.repeated("{a:", 120) + "1" + Self.repeated("}", 120) + " | .a.a.a | length", "1"),
            (Self.repeated(".", 128, separator: "|"), "{\"a\":{\"b\":7}}"),
            (Self.repeated("1", 128, separator: " + "), "128"),
            (Self.repeated("[. | ", 63) + "1" + Self.repeated("]", 63) + " | length", "1"),
            (Self.repeated("try (", 63) + "error(\"x\")" + Self.repeated(")", 63), ""),
            (Self.repeated("if . then ", 63) + "1" + Self.repeated(" else 2 end", 63), "1"),
            (Self.repeated("-", 127) + "1", "-1"),
            (Self.repeated("\"\\(", 126) + "1" + Self.repeated(")\"", 126), "\"1\""),
        ]
        let results = Mutex<[String]>([])
        onSmallStack {
            let outputs = cases.map { Self.attempt($0.program, "{\"a\":{\"b\":7}}") }
            results.withLock { $0 = outputs }
        }
        var stoppedCount = 0
        for (testCase, output) in zip(cases, results.withLock { $0 }) {
            if output.hasPrefix("jq error: jq program nested too deeply") {
                stoppedCount += 1
                continue
            }
            XCTAssertEqual(output, testCase.output, String(testCase.program.prefix(60)))
        }
        XCTAssertEqual(results.withLock { $0 }.count, cases.count)
        // Only the longest operator chain may need more than the stack budget (in a release build).
        XCTAssertLessThanOrEqual(stoppedCount, 1)
    }

    func testDeepestValuesSerialiseCompareAndSortOnASmallStack() {
        let deepInput = String(repeating: "[", count: 256) + "1" + String(repeating: "]", count: 256)
        let elements = "[" + (0 ..< 600).map(String.init).joined(separator: ",") + "]"
        let results = Mutex<[String]>([])
        onSmallStack {
            let outputs = [
                Self.attempt("[., .] | sort | (.[0] == .[1]), (.[0] as $v | ($v | tojson | fromjson) == $v)", deepInput),
                Self.attempt("[., .] | contains([.[0]]), (unique | length), ([.[0]] - [.[1]])", deepInput),
                Self.attempt("reduce .[0:510][] as $x (1; [.]) | [., .] | sort | tojson | length", elements),
                Self.attempt("reduce .[] as $x (1; [.]) | length", elements),
                Self.attempt("reduce .[0:500][] as $x (1; {a: .}) | tojson | fromjson", elements),
            ]
            results.withLock { $0 = outputs }
        }
        let outputs = results.withLock { $0 }
        XCTAssertEqual(outputs.prefix(4), [
            "true true", "true 1 []", "2045", "jq error: value nested too deeply (more than 512 levels)",
        ])
        XCTAssertEqual(outputs.last?.hasPrefix("jq error: Exceeds depth limit for parsing at line 1, column 1281"), true)
    }
}
