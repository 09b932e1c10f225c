/// Which bound of a `ShapeBounds` a value broke: below `min` or above `max`.
enum ShapeBoundSide: Sendable {
    case min
    case max
}
