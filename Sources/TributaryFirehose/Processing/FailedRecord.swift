import TributaryWire

/// A record Firehose could not process or deliver, written to the error output as AWS writes it: one JSON object per
/// line with attemptsMade, arrivalTimestamp, errorCode, errorMessage, attemptEndingTimestamp and rawData (base64).
struct FailedRecord: Sendable {
    var rawData: [UInt8]
    var arrivalMs: Int64
    var errorCode: String
    var errorMessage: String
    var attemptsMade: Int
    var lambdaARN: String?
    var httpEndpointName: String?

    /// The error-output line (without its newline).
    func line(attemptEndingMs: Int64) -> [UInt8] {
        var members: [String: Document] = [
            "attemptsMade": .integer(Int64(attemptsMade)),
            "arrivalTimestamp": .integer(arrivalMs),
            "errorCode": .string(errorCode),
            "errorMessage": .string(errorMessage),
            "attemptEndingTimestamp": .integer(attemptEndingMs),
            "rawData": .string(Base64.encode(rawData)),
        ]
        members["lambdaArn"] = lambdaARN.map(Document.string)
        members["httpEndpointName"] = httpEndpointName.map(Document.string)
        return JSONDocumentEncoder.encode(.object(members))
    }
}
