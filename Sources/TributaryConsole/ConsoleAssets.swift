import Foundation

/// The web console's files (HTML, JavaScript, CSS, icons), which the gateway serves under `/console/`.
///
/// They ship as this target's resources: the build copies them next to the executable, in
/// `Tributary_TributaryConsole.resources/Assets`. All of them are read once when the server starts (about a hundred
/// kilobytes), so serving the console never touches the disk and an edited file takes effect at the next start.
public struct ConsoleAssets: Sendable {
    /// One file, with the media type browsers need to run or render it.
    public struct Asset: Sendable {
        public let bytes: [UInt8]
        public let contentType: String
    }

    private let assets: [String: Asset]

    /// Reads every file under `directory`, keyed by its path relative to it (`index.html`, `js/api.js`).
    public init(directory: URL) throws {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        var assets: [String: Asset] = [:]
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = files?.nextObject() as? URL {
            guard try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = file.resolvingSymlinksInPath().path
            guard path.hasPrefix(root.path + "/") else { continue }
            let relative = String(path.dropFirst(root.path.count + 1))
            assets[relative] = Asset(bytes: Array(try Data(contentsOf: file)),
                                     contentType: ConsoleMediaType.of(path: relative))
        }
        self.assets = assets
    }

    /// The console shipped with this executable: the resource directory beside it, or, for a binary run from the
    /// build directory of a checkout, the sources it was built from. Nil when neither exists.
    public static func bundled() throws -> ConsoleAssets? {
        let executableDirectory = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            executableDirectory?.appendingPathComponent("Tributary_TributaryConsole.resources/Assets"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Assets"),
        ].compactMap { $0 }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("index.html").path) {
            return try ConsoleAssets(directory: candidate)
        }
        return nil
    }

    /// The file at `path` below `/console/`; the empty path is the console's page.
    public func asset(at path: String) -> Asset? {
        assets[path.isEmpty ? "index.html" : path]
    }
}
