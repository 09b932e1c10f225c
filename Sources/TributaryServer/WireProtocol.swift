import TributaryWire

/// The body formats of the AWS JSON-RPC services, chosen per request by its Content-Type: AWS JSON 1.1 (and 1.0),
/// or CBOR 1.1 as the AWS SDK for Java and the KCL send. The answer and errors use the request's format.
enum WireProtocol: Sendable {
    case json(contentType: String)
    case cbor

    init(contentType: String?) {
        if contentType == "application/x-amz-json-1.1" {
            self = .json(contentType: "application/x-amz-json-1.1")
            return
        }
        let type = contentType.map { text -> String in
            let mediaType = text.utf8.split(separator: UInt8(ascii: ";"), maxSplits: 1).first.map { Substring($0) } ?? ""
            return String(mediaType.filter { $0 != " " && $0 != "\t" }).lowercased()
        }
        switch type {
        case "application/x-amz-cbor-1.1"?: self = .cbor
        case let type? where type.hasPrefix("application/x-amz-json"): self = .json(contentType: type)
        default: self = .json(contentType: "application/x-amz-json-1.1")
        }
    }

    var contentType: String {
        switch self {
        case .json(let contentType): contentType
        case .cbor: "application/x-amz-cbor-1.1"
        }
    }

    func decode(_ bytes: UnsafeRawBufferPointer) throws -> Document {
        do {
            switch self {
            case .json: return try JSONDocumentDecoder.decode(bytes)
            case .cbor: return try CBORDocumentDecoder.decode(Array(bytes))
            }
        } catch let error as DocumentDecodingError {
            throw ServiceError.serialization(error.message)
        }
    }

    func encode(_ document: Document) -> [UInt8] {
        switch self {
        case .json: JSONDocumentEncoder.encode(document)
        case .cbor: CBORDocumentEncoder.encode(document)
        }
    }

    /// AWS's error body: `__type` and `message`, in this format.
    func errorBody(_ error: ServiceError) -> [UInt8] {
        encode(error.document)
    }
}
