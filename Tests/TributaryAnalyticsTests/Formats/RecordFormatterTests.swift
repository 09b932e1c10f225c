import XCTest
@testable import TributaryAnalytics
import TributarySQL

final class RecordFormatterTests: XCTestCase {
    private let columns: [(name: String, type: SQLType)] = [
        ("TICKER_SYMBOL", .varchar(length: 4)), ("price", .real), ("AVG_CHANGE", .double),
        ("COUNT", .bigint), ("AMOUNT", .decimal(precision: 8, scale: 2)), ("HOT", .boolean),
        ("ROWTIME", .timestamp), ("NOTE", .varchar(length: 32)),
    ]

    private var row: [SQLValue] {
        [.string("QXZ"), .double(Double(Float(84.51))), .double(1e10), .integer(42),
         .decimal(Decimal(string: "12.5")!), .boolean(true), .timestamp(milliseconds: 1_700_000_000_123),
         .string("say \"hi\"\n")]
    }

    func testJSONRecordUsesColumnNamesAndJSONTypes() {
        let formatter = RecordFormatter(format: .json, columns: columns)
        XCTAssertEqual(String(decoding: formatter.record(row), as: UTF8.self),
                       #"{"TICKER_SYMBOL":"QXZ","price":84.51,"AVG_CHANGE":1.0E10,"COUNT":42,"AMOUNT":12.50,"#
                           + #""HOT":true,"ROWTIME":"2023-11-14 22:13:20.123","NOTE":"say \"hi\"\n"}"#)
    }

    func testJSONWritesNullForNullAndNonFiniteNumbers() {
        let formatter = RecordFormatter(format: .json, columns: [("A", .double), ("B", .varchar(length: 1))])
        XCTAssertEqual(String(decoding: formatter.record([.double(.nan), .null]), as: UTF8.self),
                       #"{"A":null,"B":null}"#)
    }

    func testCSVRecordJoinsTextWithCommasAndEndsWithNewline() {
        let formatter = RecordFormatter(format: .csv, columns: Array(columns.prefix(7)) + [("NOTE", .varchar(length: 4))])
        var values = row
        values[7] = .null
        XCTAssertEqual(String(decoding: formatter.record(values), as: UTF8.self),
                       "QXZ,84.51,1.0E10,42,12.50,true,2023-11-14 22:13:20.123,\n")
    }

    func testOutputFormatCodesAsAWSNames() throws {
        XCTAssertEqual(String(decoding: try JSONEncoder().encode([OutputFormat.csv]), as: UTF8.self), #"["CSV"]"#)
    }
}
