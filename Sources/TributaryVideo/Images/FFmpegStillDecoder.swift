import Foundation

/// Turns chosen frames of one stored fragment into still images by running the `ffmpeg` tool.
///
/// The fragment goes in on stdin as the complete Matroska document GetMediaForFragmentList sends
/// (`GetMediaChunk.archived`); ffmpeg decodes its first video track with the stored timestamps kept (`-copyts`, so a
/// frame's pts is its absolute timecode in Matroska ticks), keeps the frames whose pts is one of those asked for
/// (`select`), resizes them when asked, encodes each as PNG or JPEG and writes them back to back to stdout
/// (`image2pipe`), where `StillImageSplitter` cuts them apart. One run per fragment, however many of its frames a
/// page needs. Nothing is written to disk.
///
/// Why the tool rather than linking libavcodec: no C library to build or bind (the module stays pure Swift, like
/// the rest of the server); a decoder fed untrusted media runs in its own process, so a crash or a hang costs one
/// MEDIA_ERROR, not the server, and is bounded by a time limit and an output bound; and the tool is already what
/// the tests and the README's set-up rely on.
struct FFmpegStillDecoder: Sendable {
    let executable: URL

    /// The first `ffmpeg` among PATH's directories, nil when there is none.
    static func located(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> FFmpegStillDecoder? {
        let directories = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("ffmpeg")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return FFmpegStillDecoder(executable: candidate)
            }
        }
        return nil
    }

    /// One image per entry of `presentationTicks` (distinct, ascending), in that order.
    func images(document: [UInt8], presentationTicks: [Int64],
                encoding: ImageEncoding) async throws -> [[UInt8]] {
        precondition(!presentationTicks.isEmpty && zip(presentationTicks, presentationTicks.dropFirst()).allSatisfy(<),
                     "frames to decode are distinct and in presentation order")
        let outcome = try await ToolProcess.run(
            executable: executable, arguments: Self.arguments(presentationTicks: presentationTicks, encoding: encoding),
            input: document, timeLimitMs: ImageLimits.decodeTimeLimitMs,
            outputBytesMax: ImageLimits.decodeOutputBytesMax, errorBytesMax: ImageLimits.decodeErrorBytesMax)
        switch outcome.stop {
        case .cancelled: throw CancellationError()
        case .timedOut: throw ImageDecodingError.timedOut(limitMs: ImageLimits.decodeTimeLimitMs)
        case .outputTooLarge: throw ImageDecodingError.outputTooLarge(bytesMax: ImageLimits.decodeOutputBytesMax)
        case nil: break
        }
        guard outcome.exitedNormally, outcome.status == 0 else {
            throw ImageDecodingError.toolFailed(status: outcome.status,
                                                errorOutput: String(decoding: outcome.errorOutput, as: UTF8.self))
        }
        guard let images = StillImageSplitter.images(outcome.output, format: encoding.format) else {
            throw ImageDecodingError.unexpectedOutput("\(outcome.output.count) bytes that are not whole images")
        }
        guard images.count == presentationTicks.count else {
            throw ImageDecodingError.unexpectedOutput(
                "\(images.count) images for \(presentationTicks.count) frames; "
                    + String(decoding: outcome.errorOutput, as: UTF8.self))
        }
        return images
    }

    /// The command line: Matroska from stdin, the first video track, the selected frames, images to stdout.
    static func arguments(presentationTicks: [Int64], encoding: ImageEncoding) -> [String] {
        // Commas inside a filter's arguments are escaped so the filter graph does not read them as filter breaks.
        let selection = presentationTicks.map { "eq(pts\\,\($0))" }.joined(separator: "+")
        let filters = ["select=\(selection)"] + (encoding.scaleFilter.map { [$0] } ?? [])
        return ["-hide_banner", "-nostdin", "-loglevel", "error", "-copyts", "-f", "matroska", "-i", "pipe:0",
                "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", filters.joined(separator: ","),
                "-fps_mode", "passthrough"]
            + encoding.encoderArguments + ["pipe:1"]
    }
}
