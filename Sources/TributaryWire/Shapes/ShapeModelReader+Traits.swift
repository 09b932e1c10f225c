/// Reading the scalar traits of a shape: bounds, patterns and enums.
extension ShapeModelReader {
    static func string(_ specification: [String: Document], _ context: String) throws -> ShapeKind {
        var pattern: JavaPattern?
        if let value = specification["pattern"] {
            let text = try text(value, "\(context) pattern")
            guard let compiled = JavaPattern(text) else {
                throw ShapeModelError("\(context) pattern \(text) is not a regular expression this platform reads")
            }
            pattern = compiled
        }
        let allowed = try specification["enum"].map { try texts($0, "\(context) enum") }
        return .string(length: try lengthBounds(specification, context), pattern: pattern, allowed: allowed)
    }

    static func lengthBounds(_ specification: [String: Document], _ context: String) throws -> ShapeBounds<Int> {
        let bounds = try integerBounds(specification, context)
        return ShapeBounds(min: bounds.min.map { Int($0) }, max: bounds.max.map { Int($0) })
    }

    static func integerBounds(_ specification: [String: Document], _ context: String) throws -> ShapeBounds<Int64> {
        func bound(_ key: String) throws -> Int64? {
            switch specification[key] {
            case nil: return nil
            case .integer(let value)?: return value
            case .double(let value)? where value.rounded() == value && value.magnitude < 9.2e18: return Int64(value)
            default: throw ShapeModelError("\(context) \(key) is not an integer")
            }
        }
        return ShapeBounds(min: try bound("min"), max: try bound("max"))
    }

    static func doubleBounds(_ specification: [String: Document], _ context: String) throws -> ShapeBounds<Double> {
        func bound(_ key: String) throws -> Double? {
            switch specification[key] {
            case nil: return nil
            case .integer(let value)?: return Double(value)
            case .double(let value)?: return value
            default: throw ShapeModelError("\(context) \(key) is not a number")
            }
        }
        return ShapeBounds(min: try bound("min"), max: try bound("max"))
    }

    static func text(_ value: Document?, _ context: String) throws -> String {
        guard case .string(let text)? = value else { throw ShapeModelError("\(context) is not a string") }
        return text
    }

    static func texts(_ value: Document, _ context: String) throws -> [String] {
        guard case .array(let elements) = value else { throw ShapeModelError("\(context) is not an array") }
        return try elements.map { try text($0, context) }
    }
}
