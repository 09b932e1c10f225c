import TributaryWire

/// An IAM-style JSON policy: a Version and one or more statements.
///
/// Supported elements: `Version` (`2012-10-17` or `2008-10-17`), `Id`, and `Statement` as one object or an
/// array; each statement takes `Sid`, `Effect`, `Action` or `NotAction`, `Resource` or `NotResource` (each a string
/// or an array of strings) and, in resource policies only and there required, `Principal`. `Condition` and
/// `NotPrincipal` are refused, not ignored (see `PolicyDocumentError`). Anything else is a syntax error, as in IAM.
///
/// Actions are matched case-insensitively (`KINESIS:putrecord` is `kinesis:PutRecord`), resources case-sensitively;
/// both take `*` and `?` wildcards.
public struct PolicyDocument: Sendable, Equatable {
    public var version: String?
    public var statements: [PolicyStatement]

    /// Reads a policy already decoded from JSON (the credentials file's `policies` entries).
    public init(parsing document: Document, kind: PolicyKind) throws {
        let parser = PolicyDocumentParser(kind: kind)
        (version, statements) = try parser.parse(document)
    }

    /// Reads a policy from its JSON text (Kinesis PutResourcePolicy's `Policy` member).
    public init(json text: String, kind: PolicyKind) throws {
        let bytes = Array(text.utf8)
        guard bytes.count <= PolicyLimits.policyBytesMax else { throw PolicyDocumentError.tooLarge(bytes: bytes.count) }
        guard let document = try? JSONDocumentDecoder.decode(bytes) else { throw PolicyDocumentError.syntax }
        try self.init(parsing: document, kind: kind)
    }
}
