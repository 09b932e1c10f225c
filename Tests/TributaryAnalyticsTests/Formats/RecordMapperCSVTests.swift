import XCTest
@testable import TributaryAnalytics

final class RecordMapperCSVTests: XCTestCase {
    private func mapper(_ columns: [(String, String)], rowDelimiter: String = "\n",
                        columnDelimiter: String = ",") throws -> RecordMapper {
        try RecordMapper(schema: InputSchema(
            format: .csv(recordDelimiter: rowDelimiter, columnDelimiter: columnDelimiter),
            columns: columns.map { RecordColumn(name: $0.0, sqlType: $0.1) }))
    }

    func testDefaultDelimitersAndSeveralRowsPerRecord() throws {
        let mapper = try mapper([("LastName", "VARCHAR(16)"), ("FirstName", "VARCHAR(16)"), ("CustomerId", "INTEGER")])
        XCTAssertEqual(mapper.rows(from: Array("Doe,John,7\nRoe,Jane,8\n".utf8)), [
            .row([.string("Doe"), .string("John"), .integer(7)]),
            .row([.string("Roe"), .string("Jane"), .integer(8)]),
        ])
    }

    func testMultiCharacterDelimiters() throws {
        let mapper = try mapper([("A", "VARCHAR(8)"), ("B", "DOUBLE"), ("C", "BOOLEAN")], rowDelimiter: "\r\n",
                                columnDelimiter: "|~|")
        XCTAssertEqual(mapper.rows(from: Array("x|y|~|2.5|~|TRUE\r\nz|~|-1|~|false".utf8)), [
            .row([.string("x|y"), .double(2.5), .boolean(true)]),
            .row([.string("z"), .double(-1), .boolean(false)]),
        ])
    }

    func testMissingFieldsAreNullExtraFieldsIgnoredEmptyFieldsNullUnlessCharacter() throws {
        let mapper = try mapper([("A", "VARCHAR(4)"), ("B", "INTEGER"), ("C", "VARCHAR(4)")])
        XCTAssertEqual(mapper.rows(from: Array("only".utf8)), [.row([.string("only"), .null, .null])])
        XCTAssertEqual(mapper.rows(from: Array("a,1,c,extra,more".utf8)),
                       [.row([.string("a"), .integer(1), .string("c")])])
        XCTAssertEqual(mapper.rows(from: Array(",,".utf8)), [.row([.string(""), .null, .string("")])])
        XCTAssertEqual(mapper.rows(from: Array("toolong,2".utf8)), [.row([.string("tool"), .integer(2), .null])])
    }

    func testBadFieldMakesOnlyItsRowAnErrorWithThatRowInHex() throws {
        let mapper = try mapper([("A", "VARCHAR(4)"), ("B", "INTEGER")])
        XCTAssertEqual(mapper.rows(from: Array("a,1\nb,x\nc,3".utf8)), [
            .row([.string("a"), .integer(1)]),
            .error(message: "Cannot convert 'x' to INTEGER for column \"B\"", data: HexText.encode(Array("b,x".utf8))),
            .row([.string("c"), .integer(3)]),
        ])
    }

    func testBinaryFieldsTakeBareHexOrBinaryLiterals() throws {
        let mapper = try mapper([("A", "VARBINARY(8)"), ("B", "VARBINARY(1)")])
        XCTAssertEqual(mapper.rows(from: Array("0aFF,X'0102'".utf8)), [.row([.binary([0x0A, 0xFF]), .binary([1])])])
    }

    func testEmptyDelimiterIsAConfigurationError() {
        XCTAssertThrowsError(try mapper([("A", "INTEGER")], rowDelimiter: ""))
    }
}
