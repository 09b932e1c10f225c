import XCTest
@testable import TributaryFirehose

/// One jq program run over one JSON input, with what jq 1.6 gives for it.
struct JQCase {
    enum Expectation {
        /// The compact JSON text of every output, in order.
        case outputs([String])
        /// The run fails with exactly this message.
        case runtimeError(String)
        /// The program does not compile.
        case syntaxError
        /// The input is not JSON.
        case inputError
    }

    let program: String
    let input: String
    let expected: Expectation
    let line: UInt

    init(_ program: String, _ input: String, _ expected: Expectation, line: UInt = #line) {
        self.program = program
        self.input = input
        self.expected = expected
        self.line = line
    }
}

/// The instant every test run sees as `now`: 2015-03-05T23:53:41Z.
let testNow = 1_425_599_621.0

/// The outputs of `program` over `input`, as compact JSON text.
func jqOutputs(_ program: String, _ input: String) throws -> [String] {
    try JQProgram(program).run(json: Array(input.utf8), now: testNow).map(\.jsonText)
}

extension XCTestCase {
    func assertCases(_ cases: [JQCase], file: StaticString = #filePath) {
        for testCase in cases {
            let label = "\(testCase.program)  over  \(testCase.input)"
            let program: JQProgram
            do {
                program = try JQProgram(testCase.program)
            } catch {
                if case .syntaxError = testCase.expected { continue }
                XCTFail("\(label): unexpected \(error)", file: file, line: testCase.line)
                continue
            }
            do {
                let outputs = try program.run(json: Array(testCase.input.utf8), now: testNow).map(\.jsonText)
                guard case .outputs(let expected) = testCase.expected else {
                    XCTFail("\(label): expected \(testCase.expected), got \(outputs)", file: file, line: testCase.line)
                    continue
                }
                XCTAssertEqual(outputs, expected, label, file: file, line: testCase.line)
            } catch JQError.runtime(let message) {
                guard case .runtimeError(let expected) = testCase.expected else {
                    XCTFail("\(label): unexpected runtime error \(message)", file: file, line: testCase.line)
                    continue
                }
                XCTAssertEqual(message, expected, label, file: file, line: testCase.line)
            } catch JQError.input(let message) {
                guard case .inputError = testCase.expected else {
                    XCTFail("\(label): unexpected input error \(message)", file: file, line: testCase.line)
                    continue
                }
            } catch {
                XCTFail("\(label): unexpected \(error)", file: file, line: testCase.line)
            }
        }
    }
}
