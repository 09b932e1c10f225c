import HTTPTypes
import Hummingbird
import NIOCore
import TributaryConsole

extension Gateway {
    /// The web console's files under `/console/`, and `/` sending browsers there. Nil for every other request.
    ///
    /// The files are public, like any web application's; what the console reads and changes goes through the APIs,
    /// which authenticate each call (the pages sign them with the credentials the user enters).
    func consoleResponse(_ request: Request) -> Response? {
        guard request.method == .get || request.method == .head else { return nil }
        let path = request.uri.path
        if path == "/" || path == "/console" {
            var headers = HTTPFields()
            headers[.location] = "/console/"
            return Response(status: .found, headers: headers)
        }
        guard path.hasPrefix("/console/") else { return nil }
        guard let asset = console?.asset(at: String(path.dropFirst("/console/".count))) else {
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .notFound, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Not Found\n")))
        }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        // The files change with the binary: revalidate rather than run a stale page against a newer server.
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
