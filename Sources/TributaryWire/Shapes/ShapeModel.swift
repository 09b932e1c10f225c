/// The request shapes of one AWS service, read from the JSON that `scripts/generate-shapes` extracts from botocore,
/// so requests are checked against AWS's own model rather than hand-written rules, and fail as AWS's front end
/// fails them:
///
/// - a member of the wrong JSON type throws `SerializationException` in the words of `MemberType` (before any
///   constraint is looked at, as AWS deserializes before it validates);
/// - constraint failures (required, length, value range, pattern, enum) throw one `ValidationException` listing
///   them in member order, at most `Validation.failuresListedMax` of them (see `ShapeValidator` for the paths and
///   how values are written).
///
/// Unknown members are ignored and JSON null counts as absent, as in AWS. The model is immutable and safe to share;
/// generated files keep it in a `static let`, so it is parsed once, on first use.
public struct ShapeModel: Sendable {
    /// botocore's service name (`firehose`) and API version (`2015-08-04`).
    public let service: String
    public let apiVersion: String
    /// `json` or `rest-json`.
    public let protocolName: String
    /// The `X-Amz-Target` prefix of JSON protocols (`Firehose_20150804`); empty for REST protocols.
    public let targetPrefix: String
    /// The Java package AWS names request classes with (`com.amazonaws.firehose.v20150804`), which appears in
    /// messages that print a list of structures.
    public let javaPackage: String
    let shapes: [Shape]
    let shapeIndexes: [String: Int]
    /// Operation name → position of its input shape; nil for operations that take no input.
    let operationInputs: [String: Int?]

    /// Reads a generated model. The text is a constant of the code base, so a text that cannot be read is a
    /// programmer error and stops the process with the reason.
    public init(json: String) {
        do {
            try self.init(parsing: json)
        } catch {
            preconditionFailure("generated shape model cannot be read: \(error)")
        }
    }

    /// Reads a model, throwing `ShapeModelError` (or the JSON decoder's error) when the text is not one.
    public init(parsing json: String) throws {
        let parsed = try ShapeModelReader.read(json)
        service = parsed.service
        apiVersion = parsed.apiVersion
        protocolName = parsed.protocolName
        targetPrefix = parsed.targetPrefix
        javaPackage = parsed.javaPackage
        shapes = parsed.shapes
        shapeIndexes = parsed.shapeIndexes
        operationInputs = parsed.operationInputs
    }

    /// The model's operations, sorted.
    public var operationNames: [String] { operationInputs.keys.sorted() }

    public func shape(named name: String) -> Shape? {
        shapeIndexes[name].map { shapes[$0] }
    }

    /// The input shape of `operation`; nil for an unknown operation or one without input.
    public func inputShape(of operation: String) -> Shape? {
        guard let entry = operationInputs[operation], let index = entry else { return nil }
        return shapes[index]
    }

    /// Checks a request body against the operation's input shape; returns quietly when it conforms.
    ///
    /// Throws `SerializationException` for a member of the wrong type, `ValidationException` for constraint
    /// failures, and `UnknownOperationException` when the model has no such operation. A JSON null or absent body
    /// is an empty request.
    public func validate(_ request: Document, operation: String) throws {
        guard let entry = operationInputs[operation] else { throw ServiceError.unknownOperation() }
        guard let inputIndex = entry else { return }
        let body: Document = request == .null ? .object([:]) : request
        try ShapeTypeCheck(model: self).check(body, shapeIndex: inputIndex, memberName: "")
        var validator = ShapeValidator(model: self)
        validator.check(body, shapeIndex: inputIndex, path: "")
        try validator.validation.check()
    }
}
