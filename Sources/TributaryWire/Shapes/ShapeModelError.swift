/// A model text that ShapeModel cannot read: a generated file that was edited by hand, or a generator that wrote
/// something this reader does not know. A programmer error, found the first time the model is used.
public struct ShapeModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
