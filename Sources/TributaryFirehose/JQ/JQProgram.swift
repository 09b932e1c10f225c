import Foundation

/// A compiled jq program of the subset Firehose's MetadataExtraction processor needs (see docs/jq.md), run over
/// JSON records to produce partition keys: `{customer_id: .customer_id, year: .event_time | strftime("%Y")}`.
///
/// Why a small interpreter of our own: AWS runs these queries with jq 1.6 (`JsonParsingEngine` `JQ-1.6`), and a
/// local Firehose must give the same keys and the same failures for the same records, without a C library or a
/// subprocess per record. Compile once, when the delivery stream is configured (a syntax error is a configuration
/// error); run per record. Immutable and `Sendable`: one program serves any number of concurrent runs, each with its
/// own budget (`JQLimits`).
public struct JQProgram: Sendable {
    /// The program text as given.
    public let source: String
    let root: JQNode
    let regexCache = JQRegexCache()

    /// Compiles `source`; throws `JQError.syntax` with the position (line and column) of the first problem.
    public init(_ source: String) throws {
        guard source.utf8.count <= JQLimits.programBytesMax else {
            throw JQError.syntax("program too long (\(source.utf8.count) bytes; at most \(JQLimits.programBytesMax))")
        }
        var parser = try JQParser(source)
        root = try parser.parseProgram()
        self.source = source
    }

    /// Every output of the program over the JSON text `json`, in order. A text holding several values (`1 2`) runs
    /// the program once per value, as jq does; an empty text gives no outputs. Throws `JQError.input` when the text
    /// is not JSON and `JQError.runtime` when the program fails or exceeds a bound of `JQLimits`.
    public func run(json: [UInt8]) throws -> [JQValue] {
        try run(json: json, now: Date().timeIntervalSince1970)
    }

    /// As `run(json:)`, with the time `now` returns given (seconds since the epoch), so results can be reproduced.
    public func run(json: [UInt8], now: Double) throws -> [JQValue] {
        var outputs: [JQValue] = []
        for input in try JQJSONReader.values(json) {
            outputs += try run(input: input, now: now)
        }
        return outputs
    }

    /// Every output of the program over one value.
    public func run(input: JQValue, now: Double) throws -> [JQValue] {
        let execution = JQExecution(now: now, regexCache: regexCache)
        var outputs: [JQValue] = []
        do {
            try execution.evaluate(root, input, []) { outputs.append($0) }
        } catch let failure as JQFailure {
            throw JQError.runtime(failure.message)
        } catch let error as JQError {
            throw error
        } catch {
            throw JQError.runtime("\(error)")
        }
        return outputs
    }
}
