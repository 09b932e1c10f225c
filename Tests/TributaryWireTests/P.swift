import XCTest
final class PTributaryWireTests: XCTestCase { func testNothing() {} }
