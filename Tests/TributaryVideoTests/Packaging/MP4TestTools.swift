import Foundation
import XCTest

/// Runs ffprobe and ffmpeg on files the packagers wrote.
enum MP4TestTools {
    static let ffprobe = "/usr/bin/ffprobe"
    static let ffmpeg = "/usr/bin/ffmpeg"

    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    static func requireFFprobe() throws {
        guard FileManager.default.isExecutableFile(atPath: ffprobe),
              FileManager.default.isExecutableFile(atPath: ffmpeg) else {
            throw XCTSkip("ffprobe/ffmpeg are not installed")
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        func text(_ data: Data) -> String {
            String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return Outcome(status: process.terminationStatus, output: text(outputData), errors: text(errorData))
    }

    /// "codec,decoded frames" of the first stream of a kind ("v" or "a").
    static func decodedStream(_ file: URL, kind: String) throws -> String {
        try run(ffprobe, ["-v", "error", "-count_frames", "-select_streams", "\(kind):0", "-show_entries",
                          "stream=codec_name,nb_read_frames", "-of", "csv=p=0", file.path]).output
    }

    /// The container duration ffprobe reports, in seconds.
    static func formatDuration(_ file: URL) throws -> Double? {
        let arguments = ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.path]
        return Double(try run(ffprobe, arguments).output)
    }

    /// The span of a file's packets (earliest pts to the latest pts plus duration), in seconds, as ffprobe sees it.
    static func packetSpan(_ file: URL) throws -> Double {
        let lines = try run(ffprobe, ["-v", "error", "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0",
                                      file.path]).output.split(separator: "\n")
        let packets = lines.map { $0.split(separator: ",").compactMap { Double($0) } }.filter { $0.count == 2 }
        let start = packets.map { $0[0] }.min() ?? 0
        let end = packets.map { $0[0] + $0[1] }.max() ?? 0
        return end - start
    }

    /// Decodes the whole file; returns ffmpeg's status and error output.
    static func decodeAll(_ file: URL) throws -> Outcome {
        try run(ffmpeg, ["-v", "error", "-i", file.path, "-f", "null", "-"])
    }

    /// Writes `bytes` to a new temporary directory that is removed when `testCase` ends.
    static func temporaryFile(_ bytes: [UInt8], for testCase: XCTestCase, name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mp4-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}
