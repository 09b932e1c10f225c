@testable import TributaryWire
import XCTest

/// Values print as AWS's Java front end prints them.
final class JavaRenderingTests: XCTestCase {
    func testDoublesPrintLikeJava() {
        XCTAssertEqual(JavaRendering.double(0.5), "0.5")
        XCTAssertEqual(JavaRendering.double(2), "2.0")
        XCTAssertEqual(JavaRendering.double(100), "100.0")
        XCTAssertEqual(JavaRendering.double(1234567.25), "1234567.25")
        XCTAssertEqual(JavaRendering.double(1e7), "1.0E7")
        XCTAssertEqual(JavaRendering.double(12345678.9), "1.23456789E7")
        XCTAssertEqual(JavaRendering.double(0.001), "0.001")
        XCTAssertEqual(JavaRendering.double(0.00015), "1.5E-4")
        XCTAssertEqual(JavaRendering.double(-0.0), "-0.0")
        XCTAssertEqual(JavaRendering.double(-3.25), "-3.25")
        XCTAssertEqual(JavaRendering.double(1e300), "1.0E300")
    }

    func testStringHashIsJavas() {
        XCTAssertEqual(JavaHash.string(""), 0)
        XCTAssertEqual(JavaHash.string("a"), 97)
        // "polygenelubricants".hashCode() is Int.MIN_VALUE in Java.
        XCTAssertEqual(JavaHash.string("polygenelubricants"), Int32.min)
        XCTAssertEqual(JavaHash.long(-1), 0)
        XCTAssertEqual(JavaHash.long(1 << 32), 1)
    }

    func testHashMapOrderMatchesAWSPrintedMap() {
        // EventBridge printed {de onde?=..., Quem foi?=..., o que?=...} for a map sent in another order.
        XCTAssertEqual(JavaRendering.hashMapOrder(["Quem foi?", "o que?", "de onde?"]), ["de onde?", "Quem foi?", "o que?"])
    }

    func testDatesPrintAsJavaUtilDate() {
        XCTAssertEqual(JavaRendering.date(1_700_000_000.75), "Tue Nov 14 22:13:20 UTC 2023")
    }

    func testBlobByteCountComesFromBase64Length() {
        XCTAssertEqual(JavaRendering.byteCount(of: .string("")), 0)
        XCTAssertEqual(JavaRendering.byteCount(of: .string("AA==")), 1)
        XCTAssertEqual(JavaRendering.byteCount(of: .string("AAA=")), 2)
        XCTAssertEqual(JavaRendering.byteCount(of: .string("AAAA")), 3)
        XCTAssertEqual(JavaRendering.byteCount(of: .blob([1, 2, 3, 4])), 4)
    }
}
