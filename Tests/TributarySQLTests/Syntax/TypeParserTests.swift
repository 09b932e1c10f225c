import XCTest
@testable import TributarySQL

final class TypeParserTests: XCTestCase {
    func testRecordColumnTypes() throws {
        let cases: [(String, SQLType)] = [
            ("VARCHAR(4)", .varchar(length: 4)),
            ("varchar ( 16 )", .varchar(length: 16)),
            ("CHARACTER VARYING(8)", .varchar(length: 8)),
            ("CHAR(3)", .char(length: 3)),
            ("CHAR", .char(length: 1)),
            ("CHARACTER", .char(length: 1)),
            ("INTEGER", .integer),
            ("int", .integer),
            ("TINYINT", .tinyint),
            ("SMALLINT", .smallint),
            ("BIGINT", .bigint),
            ("DOUBLE", .double),
            ("DOUBLE PRECISION", .double),
            ("FLOAT", .double),
            ("REAL", .real),
            ("DECIMAL(8,2)", .decimal(precision: 8, scale: 2)),
            ("DECIMAL", .decimal(precision: 18, scale: 0)),
            ("NUMERIC(5)", .decimal(precision: 5, scale: 0)),
            ("DEC(18, 18)", .decimal(precision: 18, scale: 18)),
            ("TIMESTAMP", .timestamp),
            ("DATE", .date),
            ("TIME", .time),
            ("BOOLEAN", .boolean),
            ("VARBINARY(16)", .varbinary(length: 16)),
            ("BINARY(4)", .varbinary(length: 4)),
            ("INTERVAL DAY TO SECOND", .intervalDayTime),
            ("INTERVAL SECOND", .intervalDayTime),
            ("INTERVAL HOUR TO MINUTE", .intervalDayTime),
            ("INTERVAL DAY(3) TO SECOND(3)", .intervalDayTime),
            ("INTERVAL YEAR TO MONTH", .intervalYearMonth),
            ("interval month", .intervalYearMonth),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try SQLParser.parseType(text), expected, text)
        }
    }

    func testInvalidTypes() {
        let invalid = ["VARCHAR", "VARBINARY", "VARCHAR(0)", "VARCHAR(65535)", "DECIMAL(19)", "DECIMAL(0)",
                       "DECIMAL(4,5)", "STRING", "INTEGER(4)", "INTERVAL", "INTERVAL MONTH TO DAY", "", "42"]
        for text in invalid {
            XCTAssertThrowsError(try SQLParser.parseType(text), text)
        }
    }

    func testVarcharWithoutLengthPointsAtWhatFollows() {
        XCTAssertThrowsError(try SQLParser.parseType("VARCHAR")) { error in
            XCTAssertEqual((error as? SQLSyntaxError)?.message,
                           "Encountered \"<EOF>\" at line 1, column 8. Was expecting: \"(\"")
        }
    }
}
