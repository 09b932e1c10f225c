import Foundation
import Logging
import TributaryLog
import TributaryWire
@testable import TributaryVideo
import XCTest

/// A VideoService over a FileMetadataStore in a temporary directory, with helpers that call operations the way the
/// gateway does and read back AWS's error codes and statuses.
final class VideoTestStack {
    static let endpoint = "http://127.0.0.1:4567"

    let directory: URL
    let configuration: VideoConfiguration
    private(set) var service: VideoService
    /// The fragment storage the service deletes from and applies retention to.
    private(set) var fragments: FragmentStore

    init(stateDelayMs: Int = 60_000, retentionCheckIntervalMs: Int = 60_000) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("video-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        configuration = VideoConfiguration(stateDelayMs: stateDelayMs,
                                           retentionCheckIntervalMs: retentionCheckIntervalMs)
        (service, fragments) = try Self.makeService(directory: directory, configuration: configuration)
    }

    private static func makeService(directory: URL, configuration: VideoConfiguration) throws
        -> (VideoService, FragmentStore) {
        let metadata = try FileMetadataStore(directory: directory.appendingPathComponent("meta"))
        let records = try FileRecordStore(directory: directory, configuration: LogConfiguration(fsync: .never))
        let fragments = FragmentStore(records: records)
        let service = try VideoService(configuration: configuration, metadata: metadata, fragments: fragments,
                                       logger: Logger(label: "video-tests"))
        return (service, fragments)
    }

    /// A new service over the same directory, as after a server restart.
    func reopen() throws {
        (service, fragments) = try Self.makeService(directory: directory, configuration: configuration)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func call(_ operation: String, _ members: [String: Document] = [:]) async throws -> Document {
        try await service.handle(operation: operation, request: .object(members), endpoint: Self.endpoint)
    }

    /// The AWS error the call fails with; fails the test when it succeeds.
    func error(_ operation: String, _ members: [String: Document] = [:],
               file: StaticString = #filePath, line: UInt = #line) async -> ServiceError? {
        do {
            _ = try await call(operation, members)
            XCTFail("\(operation) succeeded", file: file, line: line)
            return nil
        } catch {
            return Self.serviceError(error)
        }
    }

    /// The AWS error code the call fails with.
    func errorCode(_ operation: String, _ members: [String: Document] = [:],
                   file: StaticString = #filePath, line: UInt = #line) async -> String? {
        await error(operation, members, file: file, line: line)?.code
    }

    static func serviceError(_ error: any Error) -> ServiceError? {
        if let error = error as? ServiceError { return error }
        return (error as? any ServiceErrorConvertible)?.serviceError
    }

    /// Creates a stream and makes it ACTIVE at once (as `run()` would after the state delay); returns its ARN.
    @discardableResult
    func createActiveStream(_ name: String, _ members: [String: Document] = [:]) async throws -> String {
        let arn = try await createStream(name, members)
        settle()
        return arn
    }

    @discardableResult
    func createStream(_ name: String, _ members: [String: Document] = [:]) async throws -> String {
        let response = try await call("CreateStream", members.merging(["StreamName": .string(name)]) { $1 })
        guard case .string(let arn)? = response["StreamARN"] else {
            XCTFail("CreateStream answered no StreamARN")
            return ""
        }
        return arn
    }

    /// Finishes every pending transition, as `run()` does once the state delay has passed.
    func settle() {
        service.advanceTransitions(nowMs: VideoClock.nowMs() + Int64(configuration.stateDelayMs) + 1)
    }

    func streamInfo(_ name: String) async throws -> Document {
        let response = try await call("DescribeStream", ["StreamName": .string(name)])
        guard let info = response["StreamInfo"] else {
            XCTFail("DescribeStream answered no StreamInfo")
            return .null
        }
        return info
    }

    func version(_ name: String) async throws -> String {
        guard case .string(let version)? = try await streamInfo(name)["Version"] else {
            XCTFail("StreamInfo has no Version")
            return ""
        }
        return version
    }
}

/// XCTAssertEqual for a value that takes an `await` to read (XCTest's autoclosures cannot await).
func assertEqualAwaiting<Value: Equatable>(_ actual: @autoclosure () async throws -> Value,
                                   _ expected: @autoclosure () -> Value, _ message: String = "",
                                   file: StaticString = #filePath, line: UInt = #line) async throws {
    let value = try await actual()
    XCTAssertEqual(value, expected(), message, file: file, line: line)
}
