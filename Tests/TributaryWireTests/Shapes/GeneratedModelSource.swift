import Foundation
import TributaryWire

/// Reads a model straight out of a file written by `scripts/generate-shapes`, so these tests check the generated
/// artifact the services compile, without this test target depending on the services' modules.
enum GeneratedModelSource {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The Firehose model, as generated into TributaryFirehose.
    static func firehose() throws -> ShapeModel {
        try load("Sources/TributaryFirehose/Generated/FirehoseShapes.swift")
    }

    /// `relativePath` from the package root (this file sits at Tests/TributaryWireTests/Shapes/).
    static func load(_ relativePath: String, filePath: String = #filePath) throws -> ShapeModel {
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasSuffix("\"\"\"") && $0.contains("ShapeModel(json:") }),
              let end = lines[(start + 1)...].firstIndex(where: { $0.hasPrefix("\"\"\"") })
        else { throw Missing(description: "no ShapeModel(json: ...) literal in \(relativePath)") }
        return try ShapeModel(parsing: lines[(start + 1)..<end].joined(separator: "\n"))
    }
}
