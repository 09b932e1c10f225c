/// The mutable state of one `FragmentStream`, guarded by its mutex.
struct FragmentStreamState: Sendable {
    /// A suspended `waitForFragment` call.
    struct Waiter: Sendable {
        /// Resume once a fragment numbered above this exists (any fragment when nil).
        var after: FragmentNumber?
        var continuation: CheckedContinuation<Void, Never>
    }

    var index: StreamFragmentIndex
    var waiters: [Int: Waiter] = [:]
    var nextWaiterNumber = 0
    /// Set by `FragmentStore.deleteStream`; wakes every waiter and keeps new ones from suspending.
    var isDeleted = false

    init(index: StreamFragmentIndex) {
        self.index = index
    }

    /// Whether a waiter for fragments after `number` can return now.
    func isReady(after number: FragmentNumber?) -> Bool {
        isDeleted || index.first(after: number) != nil
    }

    /// Removes and returns the waiters that can return now.
    mutating func takeReadyWaiters() -> [Waiter] {
        let ready = waiters.filter { isReady(after: $0.value.after) }
        for number in ready.keys {
            waiters[number] = nil
        }
        return Array(ready.values)
    }
}
