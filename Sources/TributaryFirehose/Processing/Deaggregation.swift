import TributaryStreams

/// The RecordDeAggregation processor: one record holding several becomes several.
///
/// KPL records are unpacked with the Streams module's deaggregator (so Firehose and consumers agree on the format);
/// JSON records are split into their top-level JSON values (`{"a":1}{"a":2}` or one per line); DELIMITED records are
/// split at the delimiter. At most `FirehoseLimits.deaggregatedRecordsMax` pieces per record, as AWS caps it.
enum Deaggregation {
    enum Failure: Error, CustomStringConvertible {
        case tooManyRecords(Int)
        case malformedJSON
        var description: String {
            switch self {
            case .tooManyRecords(let count):
                "The record holds \(count) records, more than \(FirehoseLimits.deaggregatedRecordsMax)."
            case .malformedJSON: "The record is not a sequence of JSON values."
            }
        }
    }

    static func split(_ data: [UInt8], type: ProcessorSettings.SubRecordType, partitionKey: String) throws -> [[UInt8]] {
        let pieces: [[UInt8]]
        switch type {
        case .kpl:
            let records = try KPLDeaggregator.deaggregate(data: data, partitionKey: partitionKey)
            return records.map(\.data)
        case .delimited(let delimiter):
            pieces = splitDelimited(data, delimiter: delimiter)
        case .json:
            pieces = try splitJSON(data)
        }
        guard pieces.count <= FirehoseLimits.deaggregatedRecordsMax else { throw Failure.tooManyRecords(pieces.count) }
        return pieces
    }

    static func splitDelimited(_ data: [UInt8], delimiter: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + delimiter.count <= data.count {
            if data[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                if index > start { pieces.append(Array(data[start..<index])) }
                index += delimiter.count
                start = index
            } else {
                index += 1
            }
        }
        if start < data.count { pieces.append(Array(data[start...])) }
        return pieces
    }

    /// Top-level JSON objects and arrays, found by bracket depth outside strings; whitespace between them is dropped.
    static func splitJSON(_ data: [UInt8]) throws -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var depth = 0
        var start: Int?
        var inString = false
        var escaped = false
        for (index, byte) in data.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard start != nil else { throw Failure.malformedJSON }
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 0 { start = index }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                guard depth >= 0, let begin = start else { throw Failure.malformedJSON }
                if depth == 0 {
                    pieces.append(Array(data[begin...index]))
                    start = nil
                }
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                break
            default:
                guard start != nil else { throw Failure.malformedJSON }
            }
        }
        guard depth == 0, !inString else { throw Failure.malformedJSON }
        return pieces
    }
}
