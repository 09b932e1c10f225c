import TributaryWire

/// DescribeStream and ListStreams.
extension VideoService {
    func describeStream(_ request: Document) throws -> Document {
        .object(["StreamInfo": try existingStream(request).streamInfo])
    }

    /// Streams in name order, MaxResults at a time, optionally only those whose name begins with a prefix. The
    /// NextToken is the base64 of the last name answered, so pages stay consistent while streams come and go.
    func listStreams(_ request: Document) throws -> Document {
        let limit = Int(try request.integer("MaxResults") ?? Int64(VideoLimits.listStreamsDefault))
        var after: String?
        if let token = try request.string("NextToken"), !token.isEmpty {
            guard let bytes = Base64.decode(token), let name = String(validating: bytes, as: UTF8.self) else {
                throw VideoError.invalidArgument("The NextToken \(token) is invalid.")
            }
            after = name
        }
        var prefix = ""
        if let condition = try request.object("StreamNameCondition") {
            prefix = try condition.string("ComparisonValue") ?? ""
        }
        let matching = catalog.allStreams().filter { stream in
            stream.name.hasPrefix(prefix) && after.map { stream.name > $0 } ?? true
        }
        let page = matching.prefix(limit)
        var response: [String: Document] = ["StreamInfoList": .array(page.map(\.streamInfo))]
        if matching.count > limit, let last = page.last {
            response["NextToken"] = .string(Base64.encode(Array(last.name.utf8)))
        }
        return .object(response)
    }
}
