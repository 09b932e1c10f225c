/// A double-ended queue with amortized O(1) operations at both ends, for the window state of MIN, MAX and
/// FIRST_VALUE (elements leave from the front as the window slides, and from the back as MIN/MAX prune them).
struct AccumulatorDeque<Element> {
    private var storage: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == storage.count }
    var count: Int { storage.count - head }
    var first: Element? { isEmpty ? nil : storage[head] }
    var last: Element? { isEmpty ? nil : storage[storage.count - 1] }

    mutating func append(_ element: Element) {
        storage.append(element)
    }

    mutating func removeLast() {
        storage.removeLast()
        if isEmpty { clear() }
    }

    mutating func removeFirst() {
        head += 1
        if isEmpty {
            clear()
        } else if head >= 64 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }

    private mutating func clear() {
        storage.removeAll(keepingCapacity: true)
        head = 0
    }
}
