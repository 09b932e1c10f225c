import XCTest
@testable import TributaryLog

final class ConfigurationTests: XCTestCase {
    func testFsyncPolicyParsesItsArguments() {
        XCTAssertEqual(FsyncPolicy(argument: "always"), .always)
        XCTAssertEqual(FsyncPolicy(argument: "never"), .never)
        XCTAssertEqual(FsyncPolicy(argument: "interval"), .interval(milliseconds: 1000))
        XCTAssertEqual(FsyncPolicy(argument: "interval:250"), .interval(milliseconds: 250))
        XCTAssertNil(FsyncPolicy(argument: "interval:0"))
        XCTAssertNil(FsyncPolicy(argument: "sometimes"))
        XCTAssertNil(FsyncPolicy(argument: ""))
    }

    func testDefaults() {
        let configuration = LogConfiguration()
        XCTAssertEqual(configuration.segmentBytesMax, 64 << 20)
        XCTAssertEqual(configuration.indexIntervalBytes, 4096)
        XCTAssertEqual(configuration.fsync, .always)
        XCTAssertNoThrow(try configuration.validate())
    }

    func testOutOfRangeValuesAreRefusedByTheStore() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let invalid = [
            LogConfiguration(segmentBytesMax: 10),
            LogConfiguration(segmentBytesMax: 2 << 30),
            LogConfiguration(indexIntervalBytes: 0),
            LogConfiguration(fsync: .interval(milliseconds: 0)),
        ]
        for configuration in invalid {
            XCTAssertThrowsError(try FileRecordStore(directory: directory.url, configuration: configuration)) { error in
                guard case LogError.invalidConfiguration = error else { return XCTFail("\(error)") }
            }
        }
    }

    func testIdentifiersThatAreNotPlainNamesAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileRecordStore(directory: directory.url, configuration: LogConfiguration())
        for path in [[], [""], [".."], ["a", "."], ["a/b"], [String(repeating: "x", count: 256)]] {
            XCTAssertThrowsError(try store.log(LogIdentifier(path)), "\(path)") { error in
                guard case LogError.invalidIdentifier = error else { return XCTFail("\(error)") }
            }
        }
    }
}
