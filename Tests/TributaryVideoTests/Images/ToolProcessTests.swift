import Foundation
@testable import TributaryVideo
import XCTest

/// Running a tool cannot deadlock, crash the server, or outlive its bounds.
final class ToolProcessTests: XCTestCase {
    private static func run(_ arguments: [String], input: [UInt8] = [], timeLimitMs: Int = 20_000,
                     outputBytesMax: Int = 64 << 20, errorBytesMax: Int = 4096) async throws -> ToolProcess.Outcome {
        try await ToolProcess.run(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c"] + arguments,
                                  input: input, timeLimitMs: timeLimitMs, outputBytesMax: outputBytesMax,
                                  errorBytesMax: errorBytesMax)
    }

    private static let eightMegabytes = (0 ..< 8 << 20).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }

    func testLargeInputAndOutputAtOnceDoNotDeadlock() async throws {
        // cat writes while it reads: with both pipes full, a caller that wrote before reading would hang.
        let outcome = try await Self.run(["cat; echo done >&2"], input: Self.eightMegabytes)
        XCTAssertNil(outcome.stop)
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.exitedNormally)
        XCTAssertEqual(outcome.output.count, Self.eightMegabytes.count)
        XCTAssertTrue(outcome.output == Self.eightMegabytes)
        XCTAssertEqual(String(decoding: outcome.errorOutput, as: UTF8.self), "done\n")
    }

    func testAToolThatStopsReadingEarlyIsNoBrokenPipeCrash() async throws {
        let outcome = try await Self.run(["head -c 10 >/dev/null; exit 3"], input: Self.eightMegabytes)
        XCTAssertEqual(outcome.status, 3)
        XCTAssertTrue(outcome.exitedNormally)
        XCTAssertNil(outcome.stop)
    }

    func testStandardErrorIsKeptUpToItsBoundAndDrained() async throws {
        let outcome = try await Self.run(["head -c 1000000 /dev/zero >&2; echo out"], errorBytesMax: 100)
        XCTAssertEqual(outcome.errorOutput.count, 100)
        XCTAssertEqual(String(decoding: outcome.output, as: UTF8.self), "out\n")
        XCTAssertEqual(outcome.status, 0)
    }

    func testAToolPastItsTimeLimitIsKilled() async throws {
        let began = Date()
        let outcome = try await Self.run(["exec sleep 20"], timeLimitMs: 200)
        XCTAssertEqual(outcome.stop, .timedOut)
        XCTAssertFalse(outcome.exitedNormally)
        XCTAssertLessThan(Date().timeIntervalSince(began), 10)
    }

    func testAToolWritingPastTheOutputBoundIsKilled() async throws {
        let outcome = try await Self.run(["exec cat /dev/zero"], outputBytesMax: 1000)
        XCTAssertEqual(outcome.stop, .outputTooLarge)
        XCTAssertEqual(outcome.output.count, 1000)
    }

    func testCancellingTheTaskKillsTheTool() async throws {
        let began = Date()
        let task = Task { try await ToolProcessTests.run(["exec sleep 20"]) }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        let outcome = try await task.value
        XCTAssertEqual(outcome.stop, .cancelled)
        XCTAssertLessThan(Date().timeIntervalSince(began), 10)
    }

    func testAMissingExecutableThrows() async {
        do {
            _ = try await ToolProcess.run(executable: URL(fileURLWithPath: "/nonexistent/tool"), arguments: [],
                                          input: [], timeLimitMs: 1000, outputBytesMax: 10, errorBytesMax: 10)
            XCTFail("a missing executable ran")
        } catch {}
    }

    func testTheDecoderIsFoundOnPathOrNot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        XCTAssertNil(FFmpegStillDecoder.located(path: directory.path))
        let tool = directory.appendingPathComponent("ffmpeg")
        XCTAssertTrue(FileManager.default.createFile(atPath: tool.path, contents: Data("#!/bin/sh\n".utf8),
                                                     attributes: [.posixPermissions: 0o755]))
        XCTAssertEqual(FFmpegStillDecoder.located(path: "/nonexistent:\(directory.path)")?.executable.path, tool.path)
    }
}
