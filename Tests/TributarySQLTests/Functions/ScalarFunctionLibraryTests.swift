import XCTest
@testable import TributarySQL

final class ScalarFunctionLibraryTests: XCTestCase, ScalarFunctionTesting {
    func testKnowsTheFunctionsOfTheReference() {
        for name in ["CHAR_LENGTH", "CHARACTER_LENGTH", "LOWER", "UPPER", "INITCAP", "SUBSTRING", "TRIM",
                     "POSITION", "OVERLAY", "REGEX_REPLACE", "ABS", "CEIL", "CEILING", "FLOOR", "EXP", "LN", "LOG10",
                     "MOD", "POWER", "STEP", "CURRENT_ROW_TIMESTAMP", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP",
                     "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "TSDIFF", "EXTRACT", "UNIX_TIMESTAMP",
                     "TO_TIMESTAMP", "CHAR_TO_TIMESTAMP", "CHAR_TO_DATE", "CHAR_TO_TIME", "TIMESTAMP_TO_CHAR",
                     "DATE_TO_CHAR", "TIME_TO_CHAR", "COALESCE", "NULLIF"] {
            XCTAssertTrue(ScalarFunctionLibrary.isScalarFunction(name), name)
        }
        XCTAssertTrue(ScalarFunctionLibrary.isScalarFunction("lower"))
        XCTAssertFalse(ScalarFunctionLibrary.isScalarFunction("AVG"))
        XCTAssertFalse(ScalarFunctionLibrary.isScalarFunction("SQRT"))
    }

    func testUnknownFunctionIsNoMatch() {
        XCTAssertEqual(resolutionError("FOO", [.value(.integer)]),
                       "No match found for function signature FOO(<NUMERIC>)")
    }

    func testWrongArgumentTypesAreNoMatch() {
        XCTAssertEqual(resolutionError("UPPER", [.value(.integer)]),
                       "No match found for function signature UPPER(<NUMERIC>)")
        XCTAssertEqual(resolutionError("LN", [.value(.varchar(length: 3))]),
                       "No match found for function signature LN(<CHARACTER>)")
        XCTAssertEqual(resolutionError("FLOOR", [.value(.timestamp), .keyword("WEEK")]),
                       "No match found for function signature FLOOR(<TIMESTAMP>, <SYMBOL>)")
        XCTAssertEqual(resolutionError("MOD", [.value(.double), .value(.integer)]),
                       "No match found for function signature MOD(<NUMERIC>, <NUMERIC>)")
    }

    func testWrongArgumentCountNamesTheBound() {
        XCTAssertEqual(resolutionError("SUBSTRING", [.value(.varchar(length: 3))]),
                       "Invalid number of arguments to function 'SUBSTRING'. Was expecting 2 arguments")
        XCTAssertEqual(resolutionError("SUBSTRING", Array(repeating: .value(.integer), count: 4)),
                       "Invalid number of arguments to function 'SUBSTRING'. Was expecting 3 arguments")
        XCTAssertEqual(resolutionError("CURRENT_DATE", [.value(.integer)]),
                       "Invalid number of arguments to function 'CURRENT_DATE'. Was expecting 0 arguments")
    }

    func testNullLiteralArgumentsResolveAndGiveNull() throws {
        XCTAssertEqual(try call("UPPER", null()), .null)
        XCTAssertEqual(try call("ABS", null()), .null)
        XCTAssertEqual(try call("POWER", int(2), null()), .null)
        XCTAssertEqual(try call("EXTRACT", kw("YEAR"), null()), .null)
    }
}
