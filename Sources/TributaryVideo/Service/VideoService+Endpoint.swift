import TributaryWire

/// GetDataEndpoint: every API (PutMedia, GetMedia, ListFragments, HLS, DASH, clips, images) is served by this same
/// server, so each answers the endpoint the gateway passes in.
extension VideoService {
    /// The stream must exist and be active, as on AWS, which answers ResourceNotFoundException otherwise.
    func getDataEndpoint(_ request: Document, endpoint: String) throws -> Document {
        _ = try dataStream(name: try request.string("StreamName"), arn: try request.string("StreamARN"))
        return .object(["DataEndpoint": .string(endpoint)])
    }
}
