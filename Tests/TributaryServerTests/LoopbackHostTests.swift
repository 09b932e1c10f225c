@testable import TributaryServer
import XCTest

/// Only addresses that accept connections from this machine alone count as loopback (no warning at start).
final class LoopbackHostTests: XCTestCase {
    func testLoopbackAddressesAndNames() {
        for host in ["127.0.0.1", "127.0.0.2", "localhost", "::1"] {
            XCTAssertTrue(TributaryServer.isLoopback(host), host)
        }
    }

    func testEveryOtherAddressIsBeyondLoopback() {
        for host in ["0.0.0.0", "::", "192.168.1.10", "example.com", "1127.0.0.1"] {
            XCTAssertFalse(TributaryServer.isLoopback(host), host)
        }
    }
}
