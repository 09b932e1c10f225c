import Foundation

/// The status and headers of the server's answer to a PutMedia request.
///
/// It exists so the reader can decide, before any body byte, whether acknowledgements follow (200) or an AWS
/// error does (`x-amzn-ErrorType` header and a JSON body).
struct PutMediaUploadResponseHead: Sendable, Equatable {
    let status: Int
    /// Header names lower-cased, in the order received.
    let headers: [(name: String, value: String)]

    static func == (left: Self, right: Self) -> Bool {
        left.status == right.status && left.headers.elementsEqual(right.headers) { $0 == $1 }
    }

    /// The first value of the header `name` (case-insensitive).
    func value(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// Parses the status line and header lines (without the final empty line).
    init(parsing text: String) throws(PutMediaUploadError) {
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { throw PutMediaUploadError.malformedResponse("empty response head") }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...599).contains(status)
        else { throw PutMediaUploadError.malformedResponse("bad status line \"\(statusLine.prefix(100))\"") }
        self.status = status
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw .malformedResponse("bad header line \"\(line.prefix(100))\"")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name: name, value: value))
        }
        self.headers = headers
    }
}
