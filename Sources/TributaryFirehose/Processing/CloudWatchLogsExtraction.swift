import TributaryWire

/// The CloudWatchLogProcessing processor: a (decompressed) CloudWatch Logs subscription record becomes its log
/// messages, one record each, when DataMessageExtraction is on; CONTROL_MESSAGE records are dropped either way.
enum CloudWatchLogsExtraction {
    struct NotCloudWatchLogs: Error, CustomStringConvertible {
        var description: String { "The record is not a CloudWatch Logs subscription message." }
    }

    static func messages(of data: [UInt8], extract: Bool) throws -> [[UInt8]] {
        guard let document = try? JSONDocumentDecoder.decode(data),
              let type = try? document.string("messageType")
        else { throw NotCloudWatchLogs() }
        if type == "CONTROL_MESSAGE" { return [] }
        guard extract else { return [data] }
        guard let events = try? document.array("logEvents") else { throw NotCloudWatchLogs() }
        return events.compactMap { event in (try? event.string("message")).flatMap { $0 }.map { Array($0.utf8) + [10] } }
    }
}
