import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The XMLParser delegate behind `S3XMLDocument`: records each element's path below the root and its text.
/// Used by one parse on one thread, then read.
final class S3XMLCollector: NSObject, XMLParserDelegate {
    private(set) var rootName: String?
    private(set) var elements: [(path: [String], text: String)] = []
    /// True once the root element closed and no error was reported: XMLParser on Linux may report success for a
    /// document cut short, so completeness is tracked here.
    var isComplete: Bool { rootClosed && !failed }
    private var rootClosed = false
    private var failed = false
    private var path: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if rootName == nil {
            rootName = elementName
        } else {
            path.append(elementName)
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        guard !path.isEmpty else {
            rootClosed = true
            return
        }
        elements.append((path: path, text: text))
        path.removeLast()
        text = ""
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failed = true
    }
}
