/// A first-in first-out buffer with O(1) amortized append and removal at the front, for window contents.
struct Deque<Element> {
    private var storage: [Element] = []
    private var head = 0

    init() {}

    var count: Int { storage.count - head }
    var isEmpty: Bool { count == 0 }
    var first: Element? { head < storage.count ? storage[head] : nil }
    var last: Element? { head < storage.count ? storage.last : nil }

    mutating func append(_ element: Element) {
        storage.append(element)
    }

    @discardableResult
    mutating func removeFirst() -> Element {
        let element = storage[head]
        head += 1
        // Reclaim the consumed prefix once it is half the storage.
        if head > 32 && head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }

    var elements: ArraySlice<Element> { storage[head...] }
}
