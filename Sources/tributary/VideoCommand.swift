import ArgumentParser
import Foundation
import TributaryFirehose

/// `tributary video`: client tools for Kinesis Video Streams, so that a stream can be fed without AWS's producer
/// SDK (which needs a native build) from a file or straight from ffmpeg.
struct VideoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "video",
        abstract: "Kinesis Video Streams client tools.",
        subcommands: [Put.self])

    /// `tributary video put`: uploads Matroska through PutMedia and prints each acknowledgement (one JSON object per
    /// line, exactly as received). Exit status: 0 when the upload ended without an ERROR acknowledgement, 1 on an
    /// ERROR acknowledgement or any failure (printed to standard error), ArgumentParser's usage status otherwise.
    struct Put: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a Matroska file or ffmpeg's output with PutMedia, printing each acknowledgement.",
            discussion: """
                Acknowledgements go to standard output as they arrive, one JSON object per line. Exit status: 0 \
                when the upload ended without an ERROR acknowledgement, 1 on an ERROR acknowledgement or a failure.
                Live example: ffmpeg -re -f lavfi -i testsrc=rate=25 -c:v libx264 -bf 0 -g 25 -f matroska -live 1 \
                -cluster_time_limit 10000 -cluster_size_limit 50000000 - | tributary video put --stream cam
                """)

        @Option(help: "Kinesis Video data endpoint (http:// only).")
        var endpoint = "http://127.0.0.1:4567"

        @Option(help: "Name of the stream to upload to.")
        var stream: String

        @Option(name: .customLong("timecode-type"),
                help: "RELATIVE: cluster timecodes count from the producer start timestamp; ABSOLUTE: they are epoch milliseconds.")
        var timecodeType: String = PutMediaUploadRequest.TimecodeType.relative.rawValue

        @Option(name: .customLong("producer-start-timestamp"),
                help: "Seconds since the epoch with up to three decimals, e.g. 1663277247.152 (default: now).")
        var producerStartTimestamp: String?

        @Option(name: .customLong("access-key"),
                help: "Access key id that signs the request, for a server run with --auth (env AWS_ACCESS_KEY_ID).")
        var accessKey: String? = ProcessInfo.processInfo.environment["AWS_ACCESS_KEY_ID"]

        @Option(name: .customLong("secret-key"), help: "Its secret access key (env AWS_SECRET_ACCESS_KEY).")
        var secretKey: String? = ProcessInfo.processInfo.environment["AWS_SECRET_ACCESS_KEY"]

        @Option(help: "Region the request is signed for (env AWS_DEFAULT_REGION, else us-east-1).")
        var region: String = ProcessInfo.processInfo.environment["AWS_DEFAULT_REGION"] ?? "us-east-1"

        @Argument(help: "Matroska file to upload; - or nothing reads standard input.")
        var file: String?

        func validate() throws {
            guard PutMediaUploadRequest.TimecodeType(rawValue: timecodeType.uppercased()) != nil else {
                throw ValidationError("--timecode-type must be RELATIVE or ABSOLUTE")
            }
            if let producerStartTimestamp, Self.milliseconds(parsing: producerStartTimestamp) == nil {
                throw ValidationError("--producer-start-timestamp must be seconds since the epoch, e.g. 1663277247.152")
            }
            guard !stream.isEmpty, !stream.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { throw ValidationError("--stream must be a non-empty name without control characters") }
            do {
                _ = try PutMediaUploadEndpoint(parsing: endpoint)
            } catch {
                throw ValidationError("--endpoint: \(error)")
            }
        }

        func run() throws {
            let startMilliseconds = producerStartTimestamp.flatMap(Self.milliseconds(parsing:))
                ?? Int64((Date().timeIntervalSince1970 * 1000).rounded())
            var request = PutMediaUploadRequest(
                endpoint: try PutMediaUploadEndpoint(parsing: endpoint), streamName: stream,
                timecodeType: PutMediaUploadRequest.TimecodeType(rawValue: timecodeType.uppercased()) ?? .relative,
                producerStartTimestampMilliseconds: startMilliseconds)
            if let accessKey, let secretKey, !accessKey.isEmpty, !secretKey.isEmpty {
                request.signer = SigV4Signer(accessKeyId: accessKey, secretAccessKey: secretKey, region: region,
                                             service: "kinesisvideo", uriRule: .standard)
            }
            switch try PutMediaUpload(request: request, inputPath: file).run() {
            case .completed:
                return
            case .errorAcknowledged:
                throw ExitCode.failure
            }
        }

        /// `seconds[.fraction]` as epoch milliseconds (at most three decimals, not negative), or nil.
        static func milliseconds(parsing text: String) -> Int64? {
            let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let secondsText = parts.first, !secondsText.isEmpty, secondsText.allSatisfy(\.isASCII),
                  let seconds = Int64(secondsText), seconds >= 0, seconds < 1 << 40 else { return nil }
            let fraction = parts.count == 2 ? String(parts[1]) : ""
            guard fraction.count <= 3, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                  parts.count == 1 || !fraction.isEmpty else { return nil }
            let padded = fraction + String(repeating: "0", count: 3 - fraction.count)
            return seconds * 1000 + (Int64(padded) ?? 0)
        }
    }
}
