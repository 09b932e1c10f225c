import TributaryStreams
import XCTest

final class HashKeyRangeTests: XCTestCase {
    func testEvenSplitOfFourMatchesAWSBoundaries() {
        let ranges = HashKeyRange.evenSplit(count: 4)
        XCTAssertEqual(ranges.map { String($0.start) }, [
            "0", "85070591730234615865843651857942052864",
            "170141183460469231731687303715884105728", "255211775190703847597530955573826158592",
        ])
        XCTAssertEqual(String(ranges[0].end), "85070591730234615865843651857942052863")
        XCTAssertEqual(ranges[3].end, UInt128.max)
    }

    func testEvenSplitIsContiguousForUnevenCounts() {
        for count in [1, 3, 7, 10] {
            let ranges = HashKeyRange.evenSplit(count: count)
            XCTAssertEqual(ranges.first?.start, 0)
            XCTAssertEqual(ranges.last?.end, UInt128.max)
            for index in 1..<ranges.count { XCTAssertEqual(ranges[index].start, ranges[index - 1].end + 1) }
        }
        XCTAssertEqual(String(HashKeyRange.evenSplit(count: 3)[1].start), "113427455640312821154458202477256070485")
    }

    func testPartitionKeyHashIsMD5ReadBigEndian() {
        // md5("") = d41d8cd98f00b204e9800998ecf8427e
        XCTAssertEqual(String(HashKey.of(partitionKey: ""), radix: 16), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(String(HashKey.of(partitionKey: "a"), radix: 16), "cc175b9c0f1b6a831c399e269772661")
    }

    func testExplicitHashKeyParsingRejectsOutOfRange() {
        XCTAssertEqual(HashKey.parse(decimal: "340282366920938463463374607431768211455"), UInt128.max)
        XCTAssertNil(HashKey.parse(decimal: "340282366920938463463374607431768211456"))
        XCTAssertNil(HashKey.parse(decimal: "-1"))
        XCTAssertNil(HashKey.parse(decimal: ""))
        XCTAssertEqual(HashKey.parse(decimal: "42"), 42)
    }
}
