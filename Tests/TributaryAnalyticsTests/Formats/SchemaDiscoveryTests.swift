import XCTest
@testable import TributaryAnalytics

final class SchemaDiscoveryTests: XCTestCase {
    private func records(_ texts: [String]) -> [[UInt8]] { texts.map { Array($0.utf8) } }

    func testStockTickerJSONGivesTheDemoSchema() throws {
        let samples = [
            #"{"TICKER_SYMBOL":"QXZ","SECTOR":"HEALTHCARE","CHANGE":-0.05,"PRICE":84.51}"#,
            #"{"TICKER_SYMBOL":"AAPL","SECTOR":"TECHNOLOGY","CHANGE":1,"PRICE":120}"#,
        ]
        let discovered = try SchemaDiscovery.discover(records(samples))
        XCTAssertEqual(discovered.schema, InputSchema(format: .json(recordRowPath: "$"), encoding: "UTF-8", columns: [
            RecordColumn(name: "TICKER_SYMBOL", sqlType: "VARCHAR(4)", mapping: "$.TICKER_SYMBOL"),
            RecordColumn(name: "SECTOR", sqlType: "VARCHAR(16)", mapping: "$.SECTOR"),
            RecordColumn(name: "CHANGE", sqlType: "REAL", mapping: "$.CHANGE"),
            RecordColumn(name: "PRICE", sqlType: "REAL", mapping: "$.PRICE"),
        ]))
        XCTAssertEqual(discovered.parsedRows, [["QXZ", "HEALTHCARE", "-0.05", "84.51"],
                                               ["AAPL", "TECHNOLOGY", "1", "120"]])
        XCTAssertEqual(discovered.rawRecords, samples)
        XCTAssertEqual(discovered.processedRecords, [])
    }

    func testJSONNestedArraysReservedNamesAndUnionOfMembers() throws {
        let samples = [
            #"{"year":2001,"Oid":3811,"address":{"city":"Anytown","zip":"12345"},"orders":[{"id":1}],"ok":true}"#,
            #"{"year":2002,"Oid":9000000000,"address":{"city":"Othertown"},"city":"X","user@domain":null}"#,
        ]
        let discovered = try SchemaDiscovery.discover(records(samples))
        XCTAssertEqual(discovered.schema.columns, [
            RecordColumn(name: "COL_year", sqlType: "INTEGER", mapping: "$.year"),
            RecordColumn(name: "Oid", sqlType: "BIGINT", mapping: "$.Oid"),
            RecordColumn(name: "city", sqlType: "VARCHAR(16)", mapping: "$.address.city"),
            RecordColumn(name: "zip", sqlType: "VARCHAR(8)", mapping: "$.address.zip"),
            RecordColumn(name: "orders", sqlType: "VARCHAR(16)", mapping: "$.orders[0:]"),
            RecordColumn(name: "ok", sqlType: "BOOLEAN", mapping: "$.ok"),
            RecordColumn(name: "city_2", sqlType: "VARCHAR(4)", mapping: "$.city"),
            RecordColumn(name: "COL_userdomain", sqlType: "VARCHAR(4)", mapping: "$.user@domain"),
        ])
        XCTAssertEqual(discovered.parsedRows, [
            ["2001", "3811", "Anytown", "12345", #"[{"id":1}]"#, "true", nil, nil],
            ["2002", "9000000000", "Othertown", nil, nil, nil, "X", nil],
        ])
        XCTAssertNoThrow(try RecordMapper(schema: discovered.schema))
    }

    func testMixedNumberKindsWidenAndMixedKindsBecomeVarchar() throws {
        let discovered = try SchemaDiscovery.discover(records([#"{"a":1,"b":1,"c":"x"}"#, #"{"a":2.5,"b":"long text here","c":5}"#]))
        XCTAssertEqual(discovered.schema.columns.map(\.sqlType), ["REAL", "VARCHAR(16)", "VARCHAR(4)"])
    }

    func testAWSCSVExampleWithHeader() throws {
        let file = "year,month,state,producer_type,energy_source,units,consumption\r\n"
            + "2001,1,AK,TotalElectricPowerIndustry,Coal,ShortTons,47615\r\n"
            + "2001,1,AK,ElectricGeneratorsElectricUtilities,Coal,ShortTons,16535\r\n"
            + "2001,1,AK,CombinedHeatandPowerElectricPower,Coal,ShortTons,22890\r\n"
            + "2001,1,AL,TotalElectricPowerIndustry,Coal,ShortTons,3020601\r\n"
            + "2001,1,AL,ElectricGeneratorsElectricUtilities,Coal,ShortTons,2987681"
        let discovered = try SchemaDiscovery.discover([Array(file.utf8)])
        XCTAssertEqual(discovered.schema, InputSchema(
            format: .csv(recordDelimiter: "\r\n", columnDelimiter: ","), encoding: "UTF-8", columns: [
                RecordColumn(name: "COL_year", sqlType: "INTEGER"), RecordColumn(name: "COL_month", sqlType: "INTEGER"),
                RecordColumn(name: "state", sqlType: "VARCHAR(4)"),
                RecordColumn(name: "producer_type", sqlType: "VARCHAR(64)"),
                RecordColumn(name: "energy_source", sqlType: "VARCHAR(4)"),
                RecordColumn(name: "units", sqlType: "VARCHAR(16)"),
                RecordColumn(name: "consumption", sqlType: "INTEGER"),
            ]))
        XCTAssertEqual(discovered.parsedRows.count, 6)
        XCTAssertEqual(discovered.parsedRows[0], [nil, nil, "state", "producer_type", "energy_source", "units", nil])
        XCTAssertEqual(discovered.parsedRows[5],
                       ["2001", "1", "AL", "ElectricGeneratorsElectricUtilities", "Coal", "ShortTons", "2987681"])
        XCTAssertEqual(discovered.rawRecords, [file])
    }

    func testCSVWithoutHeaderAndOtherDelimiter() throws {
        let discovered = try SchemaDiscovery.discover(records(["AAPL|12.5|3\n", "MSFT|7|4000000000\n"]))
        XCTAssertEqual(discovered.schema, InputSchema(
            format: .csv(recordDelimiter: "\n", columnDelimiter: "|"), encoding: "UTF-8", columns: [
                RecordColumn(name: "COL_0", sqlType: "VARCHAR(4)"), RecordColumn(name: "COL_1", sqlType: "REAL"),
                RecordColumn(name: "COL_2", sqlType: "BIGINT"),
            ]))
        XCTAssertEqual(discovered.parsedRows, [["AAPL", "12.5", "3"], ["MSFT", "7", "4000000000"]])
    }

    func testPlainTextLinesBecomeOneVarcharColumn() throws {
        let discovered = try SchemaDiscovery.discover(records(["GET /index.html 200", "POST /login 302"]))
        XCTAssertEqual(discovered.schema.columns, [RecordColumn(name: "COL_0", sqlType: "VARCHAR(32)")])
    }

    func testProcessedRecordsAreEchoedWithTheRawOnes() throws {
        let discovered = try SchemaDiscovery.discover(records([#"{"a":1}"#]), rawRecords: records(["a=1"]))
        XCTAssertEqual(discovered.processedRecords, [#"{"a":1}"#])
        XCTAssertEqual(discovered.rawRecords, ["a=1"])
    }

    func testUndetectableSamplesThrow() {
        XCTAssertThrowsError(try SchemaDiscovery.discover([])) { error in
            XCTAssertTrue((error as? SchemaDiscoveryError)?.message.hasPrefix("Unable to detect a schema") == true)
        }
        XCTAssertThrowsError(try SchemaDiscovery.discover(records([" \n"])))
        XCTAssertThrowsError(try SchemaDiscovery.discover([[0xFF, 0xFE, 0x41]]))
        XCTAssertThrowsError(try SchemaDiscovery.discover(records([#"{"a":1}"#, "a,b"])))
        XCTAssertThrowsError(try SchemaDiscovery.discover(records(["{}"])))
    }
}
