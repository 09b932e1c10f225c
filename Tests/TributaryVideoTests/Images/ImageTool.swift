import Foundation
@testable import TributaryVideo
import XCTest

/// ffmpeg and ffprobe as the tests use them: to extract reference frames and decode images to pixels.
enum ImageTool {
    static let ffmpeg = "/usr/bin/ffmpeg"
    static let ffprobe = "/usr/bin/ffprobe"

    static func requireFFmpeg() throws {
        guard FileManager.default.isExecutableFile(atPath: ffmpeg),
              FileManager.default.isExecutableFile(atPath: ffprobe) else {
            throw XCTSkip("ffmpeg/ffprobe are not installed")
        }
    }

    /// Runs a tool with `input` on stdin; its stdout. Fails when it exits with an error.
    static func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) async throws -> [UInt8] {
        let outcome = try await ToolProcess.run(
            executable: URL(fileURLWithPath: executable), arguments: arguments, input: input, timeLimitMs: 30_000,
            outputBytesMax: 64 << 20, errorBytesMax: 4096)
        guard outcome.exitedNormally, outcome.status == 0 else {
            throw ToolFailure(description: String(decoding: outcome.errorOutput, as: UTF8.self))
        }
        return outcome.output
    }

    struct ToolFailure: Error, CustomStringConvertible { let description: String }

    /// Width, height and RGB pixels of a PNG or JPEG image.
    static func pixels(_ image: [UInt8]) async throws -> (width: Int, height: Int, rgb: [UInt8]) {
        let size = String(decoding: try await run(ffprobe, ["-v", "error", "-show_entries", "stream=width,height", "-of",
                                                      "csv=p=0", "-i", "pipe:0"], input: image), as: UTF8.self)
        let numbers = size.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        guard numbers.count == 2 else { throw ToolFailure(description: "ffprobe said \(size)") }
        let rgb = try await run(ffmpeg, ["-v", "error", "-i", "pipe:0", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
                          input: image)
        return (numbers[0], numbers[1], rgb)
    }

    /// Peak signal-to-noise ratio of two images of the same size, in dB (infinity when identical).
    static func psnr(_ first: [UInt8], _ second: [UInt8]) async throws -> Double {
        let a = try await pixels(first), b = try await pixels(second)
        XCTAssertEqual(a.width, b.width)
        XCTAssertEqual(a.height, b.height)
        XCTAssertEqual(a.rgb.count, b.rgb.count)
        guard a.rgb.count == b.rgb.count, !a.rgb.isEmpty else { return 0 }
        let squared = zip(a.rgb, b.rgb).reduce(0.0) { sum, pair in
            let difference = Double(pair.0) - Double(pair.1)
            return sum + difference * difference
        }
        let meanSquared = squared / Double(a.rgb.count)
        return meanSquared == 0 ? .infinity : 10 * log10(255 * 255 / meanSquared)
    }
}
