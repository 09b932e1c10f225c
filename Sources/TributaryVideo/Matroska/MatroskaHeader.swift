/// What the EBML header of a document says; PutMedia needs the DocType to refuse what is not Matroska.
public struct MatroskaHeader: Equatable, Sendable {
    /// "matroska" or "webm".
    public var docType: String
    public var docTypeVersion: UInt64
    public var docTypeReadVersion: UInt64

    public init(docType: String, docTypeVersion: UInt64 = 1, docTypeReadVersion: UInt64 = 1) {
        self.docType = docType
        self.docTypeVersion = docTypeVersion
        self.docTypeReadVersion = docTypeReadVersion
    }
}
