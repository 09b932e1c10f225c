/// The elements of a jq array, with their depth and size computed once, when the array is made.
///
/// Invariant: `depth` is 1 plus the deepest element's depth and `weight` is 1 plus the elements' weights (capped,
/// see `JQWeight`), so the interpreter can check `JQLimits` in constant time however the array was built.
public struct JQArray: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public let elements: [JQValue]
    public let depth: Int
    public let weight: Int

    public init(_ elements: [JQValue]) {
        var depth = 0, weight = 1
        for element in elements {
            depth = Swift.max(depth, element.depth)
            weight = JQWeight.add(weight, element.weight)
        }
        self.elements = elements
        self.depth = depth + 1
        self.weight = weight
    }

    public init(arrayLiteral elements: JQValue...) { self.init(elements) }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> JQValue { elements[position] }

    public static func == (left: JQArray, right: JQArray) -> Bool {
        left.elements == right.elements
    }
}
