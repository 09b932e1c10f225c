import ArgumentParser
import Foundation
import Logging
import TributaryLog
import TributaryServer

/// The `tributary` command: a thin shell over the library.
@main
struct Tributary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A self-hosted, Kinesis-compatible streaming data platform.",
        subcommands: [Serve.self, BenchSQL.self, VideoCommand.self])
}
