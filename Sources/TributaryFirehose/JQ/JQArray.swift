/// The elements of a jq array, with their depth and size computed once, when the array is made.
///
/// Invariant: `depth` is 1 plus the deepest element's depth and `weight` is 1 plus the elements' weights (capped,
/// see `JQWeight`), so the interpreter can check `JQLimits` in constant time however the array was built.
public struct JQArray: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public private(set) var elements: [JQValue]
    public private(set) var depth: Int
    public private(set) var weight: Int

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

    /// Appends in place (amortised linear when the array is not shared), keeping the measures current in O(1) per
    /// element, so gathering many arrays into one is not quadratic.
    mutating func append(contentsOf other: JQArray) {
        elements.append(contentsOf: other.elements)
        depth = Swift.max(depth, other.depth)
        weight = JQWeight.add(weight, other.weight - 1)
    }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> JQValue { elements[position] }

    public static func == (left: JQArray, right: JQArray) -> Bool {
        left.elements == right.elements
    }
}
