/// The second pass of validation: the constraints of the model, collected as AWS's front end reports them.
///
/// What it reports, and where (a path is member names with the first letter lowercased, joined with `.`):
/// - a required member that is absent or null: `Value null at 'extendedS3DestinationConfiguration.bucketARN'
///   failed to satisfy constraint: Member must not be null`;
/// - each broken constraint of a scalar member, in the order enum, pattern, length or value:
///   `Value 'a b' at 'deliveryStreamName' failed to satisfy constraint: Member must satisfy regular expression
///   pattern: [a-zA-Z0-9_.-]+`; a string that breaks both its pattern and its length gives two failures;
/// - list elements at `records.1.member` (1-based) and map values at `tags.<key>.member` when they are
///   structures; when they are scalars, AWS checks the collection as a whole and reports one failure at the
///   collection's path listing every constraint of the element shape: `Value '[a, b]' at 'tagKeys' failed to
///   satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, ...]`
///   (`Map keys must satisfy constraint: [...]` and `Map value must satisfy constraint: [...]` for maps);
/// - a null list element: `Value null at 'records.2.member' failed to satisfy constraint: Member must not be null`.
///
/// Values are written as Java prints them (see `JavaRendering`); a sensitive shape's value is left out
/// (`Value at 'path' ...`). Members are visited in model order and the walk stops once `Validation` is full.
/// Requires a request that passed `ShapeTypeCheck`.
struct ShapeValidator {
    static let notNull = "Member must not be null"

    let model: ShapeModel
    var validation = Validation()

    init(model: ShapeModel) {
        self.model = model
    }

    mutating func check(_ value: Document, shapeIndex: Int, path: String) {
        guard !validation.isFull, value != .null else { return }
        let shape = model.shapes[shapeIndex]
        switch shape.kind {
        case .structure(let members):
            guard case .object(let fields) = value else { return }
            for member in members {
                let field = fields[member.name] ?? .null
                guard field != .null || member.isRequired else { continue }
                let memberPath = path.isEmpty ? member.pathName : path + "." + member.pathName
                if field == .null {
                    validation.fail(value: nil, at: memberPath, constraint: Self.notNull)
                } else {
                    check(field, shapeIndex: member.shapeIndex, path: memberPath)
                }
            }
        case .list(let element, let length):
            guard case .array(let elements) = value else { return }
            checkList(elements, listIndex: shapeIndex, elementIndex: element, length: length, path: path)
        case .map(let key, let entryValue, let length):
            guard case .object(let entries) = value else { return }
            checkMap(entries.filter { $0.value != .null }, mapIndex: shapeIndex, keyIndex: key,
                     valueIndex: entryValue, length: length, path: path)
        default:
            let broken = Self.violations(of: value, kind: shape.kind)
            guard !broken.isEmpty else { return }
            let rendered = shape.isSensitive ? nil : JavaRendering(model: model).render(value, shapeIndex: shapeIndex)
            for constraint in broken { report(rendered, at: path, constraint: constraint) }
        }
    }

    /// Records one failure; a nil `rendered` is a value AWS leaves out (sensitive), not a null.
    mutating func report(_ rendered: String?, at path: String, constraint: String) {
        if let rendered {
            validation.fail(value: rendered, at: path, constraint: constraint)
        } else {
            validation.fail(hiddenValueAt: path, constraint: constraint)
        }
    }
}
