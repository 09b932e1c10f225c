/// Turns the JSON written by `scripts/generate-shapes` into a shape table (format in that script's header):
/// every shape reference is resolved to a position in the table, every pattern compiled, and anything unexpected
/// reported as a `ShapeModelError` naming the shape.
struct ShapeModelReader {
    var service = ""
    var apiVersion = ""
    var protocolName = ""
    var targetPrefix = ""
    var javaPackage = ""
    var shapes: [Shape] = []
    var shapeIndexes: [String: Int] = [:]
    var operationInputs: [String: Int?] = [:]

    static func read(_ json: String) throws -> ShapeModelReader {
        guard case .object(let root) = try JSONDocumentDecoder.decode(Array(json.utf8)),
              case .object(let metadata)? = root["metadata"],
              case .object(let operations)? = root["operations"],
              case .object(let specifications)? = root["shapes"]
        else { throw ShapeModelError("a model is an object with metadata, operations and shapes") }
        var reader = ShapeModelReader()
        reader.service = try text(metadata["service"], "metadata.service")
        reader.apiVersion = try text(metadata["apiVersion"], "metadata.apiVersion")
        reader.protocolName = try text(metadata["protocol"], "metadata.protocol")
        reader.targetPrefix = try text(metadata["targetPrefix"], "metadata.targetPrefix")
        reader.javaPackage = try text(metadata["javaPackage"], "metadata.javaPackage")
        let names = specifications.keys.sorted()
        for (position, name) in names.enumerated() { reader.shapeIndexes[name] = position }
        let table = try names.map { name in
            guard case .object(let specification)? = specifications[name] else {
                throw ShapeModelError("shape \(name) is not an object")
            }
            return try reader.shape(name, specification)
        }
        reader.shapes = table
        for (operation, input) in operations {
            if input == .null {
                reader.operationInputs[operation] = .some(nil)
            } else {
                reader.operationInputs[operation] = try reader.reference(input, "operation \(operation)")
            }
        }
        return reader
    }

    private func shape(_ name: String, _ specification: [String: Document]) throws -> Shape {
        let type = try Self.text(specification["type"], "shape \(name) type")
        let isSensitive = specification["sensitive"] == .bool(true)
        return Shape(name: name, kind: try kind(type, name, specification), isSensitive: isSensitive)
    }

    private func kind(_ type: String, _ name: String, _ specification: [String: Document]) throws -> ShapeKind {
        let context = "shape \(name)"
        switch type {
        case "structure":
            return .structure(try members(specification, context))
        case "list":
            return .list(element: try reference(specification["member"], "\(context) member"),
                         length: try Self.lengthBounds(specification, context))
        case "map":
            return .map(key: try reference(specification["key"], "\(context) key"),
                        value: try reference(specification["value"], "\(context) value"),
                        length: try Self.lengthBounds(specification, context))
        case "string":
            return try Self.string(specification, context)
        case "integer": return .integer(try Self.integerBounds(specification, context))
        case "long": return .long(try Self.integerBounds(specification, context))
        case "double", "float": return .double(try Self.doubleBounds(specification, context))
        case "boolean": return .boolean
        case "blob": return .blob(length: try Self.lengthBounds(specification, context))
        case "timestamp": return .timestamp
        default: throw ShapeModelError("\(context) has type \(type), which ShapeModel does not know")
        }
    }

    private func members(_ specification: [String: Document], _ context: String) throws -> [ShapeMember] {
        let required = Set(try Self.texts(specification["required"] ?? .array([]), "\(context) required"))
        guard case .array(let entries)? = specification["members"] else {
            throw ShapeModelError("\(context) has no members array")
        }
        return try entries.map { entry in
            let fields = try Self.texts(entry, "\(context) member")
            guard fields.count == 2 || fields.count == 4 else {
                throw ShapeModelError("\(context) member \(fields) is not [name, shape] or [name, shape, location, name]")
            }
            return ShapeMember(name: fields[0], shapeName: fields[1],
                               shapeIndex: try reference(.string(fields[1]), "\(context) member \(fields[0])"),
                               isRequired: required.contains(fields[0]),
                               location: fields.count == 4 ? fields[2] : nil,
                               locationName: fields.count == 4 ? fields[3] : nil)
        }
    }

    private func reference(_ value: Document?, _ context: String) throws -> Int {
        let name = try Self.text(value, context)
        guard let index = shapeIndexes[name] else { throw ShapeModelError("\(context) names unknown shape \(name)") }
        return index
    }
}
