import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The little of S3's XML responses the client reads (`InitiateMultipartUploadResult`, `ListBucketResult`,
/// `CompleteMultipartUploadResult`, `Error`): the root element's name and the text of every element, addressed by
/// its path below the root (`["Contents", "Key"]`).
///
/// Only leaf text is kept; attributes and namespaces are ignored. Input is already bounded by the transport.
struct S3XMLDocument {
    let rootName: String
    /// Element paths below the root with their text, in document order.
    let elements: [(path: [String], text: String)]

    /// Parses `bytes`; nil when they are not well-formed XML.
    init?(parsing bytes: [UInt8]) {
        guard !bytes.isEmpty else { return nil }
        let collector = S3XMLCollector()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = collector
        guard parser.parse(), collector.isComplete, let rootName = collector.rootName else { return nil }
        self.rootName = rootName
        self.elements = collector.elements
    }

    /// The text of the first element at `path`.
    func text(at path: [String]) -> String? {
        elements.first { $0.path == path }?.text
    }

    /// The texts of every element at `path`, in document order.
    func texts(at path: [String]) -> [String] {
        elements.filter { $0.path == path }.map(\.text)
    }
}
