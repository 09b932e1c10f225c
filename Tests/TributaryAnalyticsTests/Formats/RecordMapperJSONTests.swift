import XCTest
@testable import TributaryAnalytics

final class RecordMapperJSONTests: XCTestCase {
    private func mapper(_ columns: [(String, String, String)], rowPath: String = "$") throws -> RecordMapper {
        try RecordMapper(schema: InputSchema(
            format: .json(recordRowPath: rowPath),
            columns: columns.map { RecordColumn(name: $0.0, sqlType: $0.1, mapping: $0.2) }))
    }

    private func rows(_ mapper: RecordMapper, _ json: String) -> [MappedRow] {
        mapper.rows(from: Array(json.utf8))
    }

    private var stockTicker: [(String, String, String)] {
        [("TICKER_SYMBOL", "VARCHAR(4)", "$.TICKER_SYMBOL"), ("SECTOR", "VARCHAR(16)", "$.SECTOR"),
         ("CHANGE", "REAL", "$.CHANGE"), ("PRICE", "REAL", "$.PRICE")]
    }

    func testStockTickerDemoRecordMapsToTypedRow() throws {
        let mapper = try mapper(stockTicker)
        XCTAssertEqual(mapper.columnTypes, [.varchar(length: 4), .varchar(length: 16), .real, .real])
        let result = rows(mapper, #"{"TICKER_SYMBOL":"QXZ","SECTOR":"HEALTHCARE","CHANGE":-0.05,"PRICE":84.51}"#)
        XCTAssertEqual(result, [.row([.string("QXZ"), .string("HEALTHCARE"),
                                      .double(Double(Float(-0.05))), .double(Double(Float(84.51)))])])
    }

    func testDecimalColumnKeepsExactDigitsAndTinyintTakesIntegers() throws {
        let mapper = try mapper([("CHANGE", "TINYINT", "$.CHANGE"), ("PRICE", "DECIMAL(5,2)", "$.PRICE")])
        XCTAssertEqual(rows(mapper, #"{"CHANGE":-3,"PRICE":84.51}"#),
                       [.row([.integer(-3), .decimal(Decimal(string: "84.51")!)])])
    }

    func testMissingMemberAndJSONNullAreNull() throws {
        let mapper = try mapper(stockTicker)
        XCTAssertEqual(rows(mapper, #"{"TICKER_SYMBOL":null,"PRICE":1}"#), [.row([.null, .null, .null, .double(1)])])
    }

    func testJSONTypesCoerceIntoColumnTypes() throws {
        let mapper = try mapper([
            ("N_TEXT", "VARCHAR(8)", "$.n"), ("S_INT", "INTEGER", "$.s"), ("O_TEXT", "VARCHAR(64)", "$.o"),
            ("B_INT", "INTEGER", "$.b"), ("N_BOOL", "BOOLEAN", "$.zero"), ("S_BOOL", "BOOLEAN", "$.yes"),
            ("LONG", "VARCHAR(3)", "$.long"), ("TS", "TIMESTAMP", "$.ts"), ("B_TEXT", "CHAR(6)", "$.b"),
        ])
        let record = #"{"n":-0.050,"s":"12","o":{"b":1, "a":[1, "x"]},"b":true,"zero":0,"yes":"TRUE","#
            + #""long":"ABCDEF","ts":"1992-02-14 18:35:44.0"}"#
        XCTAssertEqual(rows(mapper, record), [.row([
            .string("-0.050"), .integer(12), .string(#"{"b":1,"a":[1,"x"]}"#), .integer(1), .boolean(false),
            .boolean(true), .string("ABC"), .timestamp(milliseconds: 698_092_544_000), .string("true  "),
        ])])
    }

    func testBinaryColumnsTakeBinaryLiteralsAndBooleans() throws {
        let mapper = try mapper([("B", "VARBINARY(2)", "$.b"), ("F", "VARBINARY(4)", "$.f")])
        XCTAssertEqual(rows(mapper, #"{"b":"X'3F67A2'","f":true}"#), [.row([.binary([0x3F, 0x67]), .binary([1])])])
        guard case .error = rows(mapper, #"{"b":"3F67"}"#).first else { return XCTFail("JSON needs X'..'") }
        guard case .error = rows(mapper, #"{"b":12}"#).first else { return XCTFail("number into VARBINARY") }
    }

    func testValuesThatDoNotFitAreErrorRowsWithTheRecordInHex() throws {
        let mapper = try mapper([("TICKER_SYMBOL", "INTEGER", "$.TICKER_SYMBOL")])
        let record = #"{"TICKER_SYMBOL":"QXZ"}"#
        XCTAssertEqual(rows(mapper, record), [.error(
            message: "Cannot convert 'QXZ' to INTEGER for column \"TICKER_SYMBOL\"",
            data: HexText.encode(Array(record.utf8)))])

        let integer = try self.mapper([("N", "INTEGER", "$.n")])
        guard case .error = rows(integer, #"{"n":123.4}"#).first else { return XCTFail("123.4 fits no INTEGER") }
        XCTAssertEqual(rows(integer, #"{"n":1.0e2}"#), [.row([.integer(100)])])
        guard case .error = rows(integer, #"{"n":3000000000}"#).first else { return XCTFail("beyond INTEGER") }
        guard case .error = rows(integer, #"{"n":[1]}"#).first else { return XCTFail("array into INTEGER") }

        let date = try self.mapper([("D", "DATE", "$.d")])
        guard case .error = rows(date, #"{"d":true}"#).first else { return XCTFail("boolean into DATE") }
    }

    func testRecordThatIsNotJSONIsOneErrorRow() throws {
        let mapper = try mapper(stockTicker)
        guard case .error(let message, let data) = rows(mapper, "QXZ,HEALTHCARE").first else {
            return XCTFail("expected an error row")
        }
        XCTAssertTrue(message.hasPrefix("Unable to parse the record as JSON"), message)
        XCTAssertEqual(data, "51585a2c4845414c544843415245")
    }

    func testNestedMappings() throws {
        let mapper = try mapper([("city", "VARCHAR(16)", "$.address.city"),
                                 ("street", "VARCHAR(16)", "$.address.street.name"),
                                 ("quoted", "INTEGER", "$['odd.key']")])
        XCTAssertEqual(rows(mapper, #"{"address":{"city":"Anytown","street":{"name":"Main"}},"odd.key":7}"#),
                       [.row([.string("Anytown"), .string("Main"), .integer(7)])])
        XCTAssertEqual(rows(mapper, #"{"address":"flat"}"#), [.row([.null, .null, .null])])
    }

    func testRecordRowPathSelectsArrayElementsAsRows() throws {
        // Mappings written from the record root (starting with the row path) and relative to the row both work.
        let mapper = try mapper([("ID", "INTEGER", "$.items[0:].id"), ("NAME", "VARCHAR(8)", "$.name")],
                                rowPath: "$.items[0:]")
        XCTAssertEqual(rows(mapper, #"{"items":[{"id":1,"name":"a"},{"id":2},{"id":3,"name":"c"}]}"#), [
            .row([.integer(1), .string("a")]), .row([.integer(2), .null]), .row([.integer(3), .string("c")]),
        ])
        let nested = try self.mapper([("V", "INTEGER", "$.data.v")], rowPath: "$.data")
        XCTAssertEqual(rows(nested, #"{"data":{"v":5}}"#), [.row([.integer(5)])])
    }

    func testColumnMappingFlattensOneArrayAndRepeatsOtherColumns() throws {
        let mapper = try mapper([("customerName", "VARCHAR(16)", "$.customerName"),
                                 ("orderId", "INTEGER", "$.orders[0:].orderId"),
                                 ("itemName", "VARCHAR(16)", "$.orders[0:].itemName")])
        let record = #"{"customerName":"John Doe","orders":[{"orderId":"23284","itemName":"Widget"},"#
            + #"{"orderId":"63122","itemName":"Gadget"},{"orderId":"77284"}]}"#
        XCTAssertEqual(rows(mapper, record), [
            .row([.string("John Doe"), .integer(23284), .string("Widget")]),
            .row([.string("John Doe"), .integer(63122), .string("Gadget")]),
            .row([.string("John Doe"), .integer(77284), .null]),
        ])
        XCTAssertEqual(rows(mapper, #"{"customerName":"Jane","orders":[]}"#), [.row([.string("Jane"), .null, .null])])
    }

    func testMappingEndingInArrayStepTakesTheWholeArray() throws {
        let mapper = try mapper([("orders", "VARCHAR(64)", "$.orders[0:]")])
        XCTAssertEqual(rows(mapper, #"{"orders": [ {"orderId": "1"}, 2 ]}"#),
                       [.row([.string(#"[{"orderId":"1"},2]"#)])])
    }

    func testSeveralDocumentsInOneRecordEachMap() throws {
        let mapper = try mapper([("A", "INTEGER", "$.a")])
        XCTAssertEqual(rows(mapper, "{\"a\":1}\n{\"a\":2}\n"), [.row([.integer(1)]), .row([.integer(2)])])
    }

    func testInvalidConfigurationsAreRejected() {
        XCTAssertThrowsError(try mapper([("A", "VARCHAR", "$.a")])) { error in
            XCTAssertTrue("\(error)".contains("Invalid SqlType 'VARCHAR' for column \"A\""), "\(error)")
        }
        XCTAssertThrowsError(try mapper([("A", "INTEGER", "a")]))
        XCTAssertThrowsError(try mapper([("A", "INTEGER", "$.a[1]")]))
        XCTAssertThrowsError(try mapper([("A", "INTEGER", "$.x[0:].a"), ("B", "INTEGER", "$.y[0:].b")]))
        XCTAssertThrowsError(try mapper([("A", "INTEGER", "$.x[0:].a[0:].b")]))
        XCTAssertNoThrow(try mapper([("A", "INTEGER", "$.x[0:].a"), ("B", "VARCHAR(9)", "$.y[0:]")]))
    }
}
