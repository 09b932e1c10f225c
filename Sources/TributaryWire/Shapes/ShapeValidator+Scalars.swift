/// The constraints of scalar shapes and their wording.
extension ShapeValidator {
    /// The constraints of `kind` that `value` breaks, in the order they are reported: enum, pattern, then
    /// length or value. Lengths are Unicode scalars for strings and bytes for blobs.
    static func violations(of value: Document, kind: ShapeKind) -> [String] {
        switch kind {
        case .string(let length, let pattern, let allowed):
            guard case .string(let text) = value else { return [] }
            var broken: [String] = []
            if let allowed, !allowed.contains(text) { broken.append(enumConstraint(allowed)) }
            if let pattern, !pattern.matches(text) { broken.append(patternConstraint(pattern)) }
            if let side = length.violation(of: text.unicodeScalars.count) {
                broken.append(lengthConstraint(side, length))
            }
            return broken
        case .integer(let bounds), .long(let bounds):
            guard let number = integerValue(value), let side = bounds.violation(of: number) else { return [] }
            return [valueConstraint(side, min: bounds.min.map(String.init), max: bounds.max.map(String.init))]
        case .double(let bounds):
            guard let number = doubleValue(value), let side = bounds.violation(of: number) else { return [] }
            return [valueConstraint(side, min: bounds.min.map(boundText), max: bounds.max.map(boundText))]
        case .blob(let length):
            guard let side = length.violation(of: JavaRendering.byteCount(of: value)) else { return [] }
            return [lengthConstraint(side, length)]
        case .boolean, .timestamp, .structure, .list, .map:
            return []
        }
    }

    /// Every constraint a scalar shape declares, as AWS lists them inside `Member must satisfy constraint: [...]`:
    /// upper bound, lower bound, pattern, enum.
    static func constraints(of kind: ShapeKind) -> String {
        var listed: [String] = []
        switch kind {
        case .string(let length, let pattern, let allowed):
            if let max = length.max { listed.append(lengthConstraint(.max, max)) }
            if let min = length.min { listed.append(lengthConstraint(.min, min)) }
            if let pattern { listed.append(patternConstraint(pattern)) }
            if let allowed { listed.append(enumConstraint(allowed)) }
        case .integer(let bounds), .long(let bounds):
            if let max = bounds.max { listed.append(valueConstraint(.max, min: nil, max: String(max))) }
            if let min = bounds.min { listed.append(valueConstraint(.min, min: String(min), max: nil)) }
        case .double(let bounds):
            if let max = bounds.max { listed.append(valueConstraint(.max, min: nil, max: boundText(max))) }
            if let min = bounds.min { listed.append(valueConstraint(.min, min: boundText(min), max: nil)) }
        case .blob(let length):
            if let max = length.max { listed.append(lengthConstraint(.max, max)) }
            if let min = length.min { listed.append(lengthConstraint(.min, min)) }
        case .boolean, .timestamp, .structure, .list, .map:
            break
        }
        return listed.joined(separator: ", ")
    }

    static func lengthConstraint(_ side: ShapeBoundSide, _ length: ShapeBounds<Int>) -> String {
        switch side {
        case .min: lengthConstraint(.min, length.min ?? 0)
        case .max: lengthConstraint(.max, length.max ?? 0)
        }
    }

    static func lengthConstraint(_ side: ShapeBoundSide, _ bound: Int) -> String {
        switch side {
        case .min: "Member must have length greater than or equal to \(bound)"
        case .max: "Member must have length less than or equal to \(bound)"
        }
    }

    private static func valueConstraint(_ side: ShapeBoundSide, min: String?, max: String?) -> String {
        switch side {
        case .min: "Member must have value greater than or equal to \(min ?? "")"
        case .max: "Member must have value less than or equal to \(max ?? "")"
        }
    }

    private static func patternConstraint(_ pattern: JavaPattern) -> String {
        "Member must satisfy regular expression pattern: \(pattern.text)"
    }

    private static func enumConstraint(_ allowed: [String]) -> String {
        "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]"
    }

    /// A bound of a double shape as the model writes it: `1`, not `1.0`.
    private static func boundText(_ bound: Double) -> String {
        if bound.rounded() == bound, bound.magnitude < 1e15 { return String(Int64(bound)) }
        return JavaRendering.double(bound)
    }

    /// Integral numbers were proven integral by `ShapeTypeCheck`.
    static func integerValue(_ value: Document) -> Int64? {
        switch value {
        case .integer(let number): number
        case .double(let number) where number.rounded() == number && number.magnitude < 9.2e18: Int64(number)
        default: nil
        }
    }

    static func doubleValue(_ value: Document) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }
}
