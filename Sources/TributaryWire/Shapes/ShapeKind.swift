/// What a shape is and the constraints AWS checks on it; references to other shapes are positions in the model's
/// shape table, resolved once when the model is read.
enum ShapeKind: Sendable {
    case structure([ShapeMember])
    case list(element: Int, length: ShapeBounds<Int>)
    case map(key: Int, value: Int, length: ShapeBounds<Int>)
    /// Length in Unicode scalars; `pattern` must match the whole value; `allowed` is the enum in model order.
    case string(length: ShapeBounds<Int>, pattern: JavaPattern?, allowed: [String]?)
    case integer(ShapeBounds<Int64>)
    case long(ShapeBounds<Int64>)
    /// `double` and `float` shapes.
    case double(ShapeBounds<Double>)
    case boolean
    /// Length in bytes (after base64 decoding, for JSON).
    case blob(length: ShapeBounds<Int>)
    case timestamp

    /// Lists, maps and structures hold other shapes; the rest are scalars.
    var isScalar: Bool {
        switch self {
        case .structure, .list, .map: false
        default: true
        }
    }

    var isLong: Bool {
        if case .long = self { return true }
        return false
    }
}
