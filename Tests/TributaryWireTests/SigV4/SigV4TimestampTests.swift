import TributaryWire
import XCTest

final class SigV4TimestampTests: XCTestCase {
    func testKnownInstantsFormatAsAWSWritesThem() {
        let cases: [(Int64, String)] = [
            (0, "19700101T000000Z"),
            (1_440_938_160, "20150830T123600Z"),
            (951_782_400, "20000229T000000Z"),
            (1_709_251_199, "20240229T235959Z"),
            (4_107_542_400, "21000301T000000Z"),
            (SigV4Limits.secondsSinceEpochMax, "99991231T235959Z"),
        ]
        for (seconds, amzDate) in cases {
            let timestamp = SigV4Timestamp(secondsSinceEpoch: seconds)
            XCTAssertEqual(timestamp.amzDate, amzDate)
            XCTAssertEqual(timestamp.dateStamp, String(amzDate.prefix(8)))
            XCTAssertEqual(SigV4Timestamp(amzDate: amzDate), timestamp)
        }
    }

    func testEveryDayOfFourHundredYearsRoundTripsInOrder() {
        var previous = ""
        for day in stride(from: Int64(0), to: 146_097, by: 1) {
            let timestamp = SigV4Timestamp(secondsSinceEpoch: day * 86_400 + 3661)
            XCTAssertEqual(SigV4Timestamp(amzDate: timestamp.amzDate), timestamp)
            XCTAssertTrue(previous < timestamp.amzDate, "dates must increase: \(previous) then \(timestamp.amzDate)")
            previous = timestamp.amzDate
        }
    }

    func testImpossibleOrMisshapenDatesAreRefused() {
        for text in ["", "20150830T123600", "20150830 123600Z", "2015083OT123600Z", "20150230T000000Z",
                     "21000229T000000Z", "20151301T000000Z", "20150800T000000Z", "20150830T240000Z",
                     "20150830T126000Z", "20150830T123660Z", "19691231T235959Z", "20150830T123600Z0",
                     "+2015830T123600Z"] {
            XCTAssertNil(SigV4Timestamp(amzDate: text), text)
        }
    }
}
