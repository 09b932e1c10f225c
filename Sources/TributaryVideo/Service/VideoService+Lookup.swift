import TributaryWire

/// Finding the stream a request names, by StreamName or StreamARN, with AWS's errors; and the data plane's entry
/// point, `dataStream(name:arn:)`.
extension VideoService {
    /// How a StreamARN that is not a stream's ARN is refused: tagging operations answer
    /// InvalidResourceFormatException, the others InvalidArgumentException.
    enum MalformedARNFailure {
        case invalidArgument, invalidResourceFormat

        func error(_ arn: String) -> VideoError {
            let message = "The StreamARN \(arn) is not the ARN of a Kinesis video stream."
            switch self {
            case .invalidArgument: return .invalidArgument(message)
            case .invalidResourceFormat: return .invalidResourceFormat(message)
            }
        }
    }

    /// AWS's answer for a stream that does not exist (and, to the data plane, for one that is not active).
    static func streamNotFound() -> VideoError {
        .resourceNotFound("The requested stream is not found or not active.")
    }

    /// The stream named by exactly one of `name` and `arn`, as the data plane (PutMedia, GetMedia, ListFragments,
    /// GetMediaForFragmentList, archived media) needs it: unknown streams, and streams that are not ACTIVE (or
    /// UPDATING, whose media stays available), are ResourceNotFoundException, as on AWS.
    public func dataStream(name: String?, arn: String?) throws -> VideoStreamDescriptor {
        let stream = try existingStream(name: name, arn: arn)
        guard stream.lifecycle.servesMedia else { throw Self.streamNotFound() }
        return stream
    }

    /// The stream named by exactly one of StreamName and StreamARN, whatever its status.
    func existingStream(_ request: Document, malformedARN: MalformedARNFailure = .invalidArgument) throws
        -> VideoStreamDescriptor {
        try existingStream(name: request.string("StreamName"), arn: request.string("StreamARN"),
                           malformedARN: malformedARN)
    }

    func existingStream(name: String?, arn: String?, malformedARN: MalformedARNFailure = .invalidArgument) throws
        -> VideoStreamDescriptor {
        switch (name, arn) {
        case (nil, nil):
            throw VideoError.invalidArgument("Either StreamName or StreamARN must be specified.")
        case (.some, .some):
            throw VideoError.invalidArgument("Specify either StreamName or StreamARN, but not both.")
        case (let name?, nil):
            guard let stream = catalog.stream(named: name) else { throw Self.streamNotFound() }
            return stream
        case (nil, let arn?):
            return try existingStream(arn: arn, malformedARN: malformedARN)
        }
    }

    /// The stream an ARN names: this incarnation of it (an ARN of a deleted stream does not name a new stream of
    /// the same name). ARNs of another account are NotAuthorizedException.
    func existingStream(arn text: String, malformedARN: MalformedARNFailure) throws -> VideoStreamDescriptor {
        guard let arn = ARN(parsing: text), arn.service == "kinesisvideo",
              let name = Self.streamName(resource: arn.resource) else { throw malformedARN.error(text) }
        guard arn.account == configuration.accountId else {
            throw VideoError.notAuthorized("User is not authorized to access the stream \(text).")
        }
        guard let stream = catalog.stream(named: name), stream.arn == text else { throw Self.streamNotFound() }
        return stream
    }

    /// The name in a stream ARN's resource, `stream/<name>/<creation time in ms>`; nil for any other resource.
    static func streamName(resource: String) -> String? {
        let parts = resource.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "stream", !parts[1].isEmpty, !parts[2].isEmpty,
              parts[2].allSatisfy(\.isNumber) else { return nil }
        return String(parts[1])
    }

    /// The ARN of the stream `name` created at `creationMs`.
    func streamARN(name: String, creationMs: Int64) -> String {
        ARN(service: "kinesisvideo", region: configuration.region, account: configuration.accountId,
            resource: "stream/\(name)/\(creationMs)").description
    }

    /// Changes this incarnation of `stream` atomically; ResourceNotFoundException when it is gone meanwhile.
    @discardableResult
    func change<Result>(_ stream: VideoStreamDescriptor,
                        _ body: (inout VideoStreamDescriptor) throws -> Result) throws -> Result {
        guard let result = try catalog.update(stream.name, creationMs: stream.creationMs, body) else {
            throw Self.streamNotFound()
        }
        return result
    }

    /// VersionMismatchException unless `version` is the stream's current one.
    static func requireVersion(_ version: String, of stream: VideoStreamDescriptor) throws {
        guard version == stream.version else {
            throw VideoError.versionMismatch("The version \(version) is not the latest version of stream "
                + "\(stream.name); DescribeStream answers the current one.")
        }
    }

    /// ResourceInUseException unless the stream is ACTIVE (its metadata cannot change while it is being created,
    /// updated or deleted).
    static func requireActive(_ stream: VideoStreamDescriptor) throws {
        guard stream.lifecycle == .active else {
            throw VideoError.resourceInUse("The stream \(stream.name) is \(stream.status); it must be ACTIVE.")
        }
    }
}
