import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element for the manifest tests: name, attributes and children, built with Foundation's XMLParser
/// (which refuses text that is not well-formed XML, unescaped `&` included).
final class XMLTestTree {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLTestTree] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The document element of `text`, or nil when it does not parse.
    static func parse(_ text: String) -> XMLTestTree? {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }

    func children(_ name: String) -> [XMLTestTree] {
        children.filter { $0.name == name }
    }

    func child(_ name: String) -> XMLTestTree? {
        children(name).first
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTestTree?
        var open: [XMLTestTree] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            let element = XMLTestTree(name: name, attributes: attributes)
            if let parent = open.last { parent.children.append(element) } else { root = element }
            open.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
}
