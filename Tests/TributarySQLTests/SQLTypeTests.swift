import XCTest
@testable import TributarySQL

final class SQLTypeTests: XCTestCase {
    func testSQLTextNamesTypesAsRecordColumnsWriteThem() {
        XCTAssertEqual(SQLType.varchar(length: 4).sqlText, "VARCHAR(4)")
        XCTAssertEqual(SQLType.decimal(precision: 8, scale: 2).sqlText, "DECIMAL(8,2)")
        XCTAssertTrue(SQLType.smallint.isInteger)
        XCTAssertFalse(SQLType.double.isExactNumeric)
    }
}
