/// Lists and maps: their own length, then their elements (see `ShapeValidator` for the two ways elements are
/// reported).
extension ShapeValidator {
    mutating func checkList(_ elements: [Document], listIndex: Int, elementIndex: Int, length: ShapeBounds<Int>,
                            path: String) {
        let element = model.shapes[elementIndex]
        let value = Document.array(elements)
        if let side = length.violation(of: elements.count) {
            report(rendered(value, listIndex, hidden: element.isSensitive), at: path,
                   constraint: Self.lengthConstraint(side, length))
        }
        var scalarBroken = false
        for (position, item) in elements.enumerated() {
            guard !validation.isFull else { return }
            if item == .null {
                validation.fail(value: nil, at: "\(path).\(position + 1).member", constraint: Self.notNull)
            } else if !element.kind.isScalar {
                check(item, shapeIndex: elementIndex, path: "\(path).\(position + 1).member")
            } else if !scalarBroken {
                scalarBroken = !Self.violations(of: item, kind: element.kind).isEmpty
            }
        }
        if scalarBroken {
            report(rendered(value, listIndex, hidden: element.isSensitive), at: path,
                   constraint: "Member must satisfy constraint: [\(Self.constraints(of: element.kind))]")
        }
    }

    /// `entries` holds no nulls: AWS drops null map values before validating.
    mutating func checkMap(_ entries: [String: Document], mapIndex: Int, keyIndex: Int, valueIndex: Int,
                           length: ShapeBounds<Int>, path: String) {
        let keyShape = model.shapes[keyIndex], valueShape = model.shapes[valueIndex]
        let hidden = keyShape.isSensitive || valueShape.isSensitive
        let value = Document.object(entries)
        if let side = length.violation(of: entries.count) {
            report(rendered(value, mapIndex, hidden: hidden), at: path, constraint: Self.lengthConstraint(side, length))
        }
        if entries.keys.contains(where: { !Self.violations(of: .string($0), kind: keyShape.kind).isEmpty }) {
            report(rendered(value, mapIndex, hidden: hidden), at: path,
                   constraint: "Map keys must satisfy constraint: [\(Self.constraints(of: keyShape.kind))]")
        }
        if valueShape.kind.isScalar {
            if entries.values.contains(where: { !Self.violations(of: $0, kind: valueShape.kind).isEmpty }) {
                report(rendered(value, mapIndex, hidden: hidden), at: path,
                       constraint: "Map value must satisfy constraint: [\(Self.constraints(of: valueShape.kind))]")
            }
            return
        }
        for key in JavaRendering.hashMapOrder(Array(entries.keys)) {
            guard let entry = entries[key], !validation.isFull else { return }
            check(entry, shapeIndex: valueIndex, path: "\(path).\(key).member")
        }
    }

    private func rendered(_ value: Document, _ shapeIndex: Int, hidden: Bool) -> String? {
        // Rendering a large list is the costly part of a failure: skip it when the failure would be dropped.
        guard !hidden, !validation.isFull else { return nil }
        return JavaRendering(model: model).render(value, shapeIndex: shapeIndex)
    }
}
