/// A one-permit hand-off between a producer task and its consumer: the producer waits after each item until the
/// consumer has taken it, so at most one item is in flight (back-pressure without an unbounded queue).
///
/// It exists for PutMedia, whose body is read by one task while another writes acknowledgements: the reader must not
/// run ahead of storage. `close()` releases a waiting producer for good (the upload ended or failed).
actor ChunkGate {
    private var waiter: CheckedContinuation<Void, Never>?
    private var released = false
    private var closed = false

    /// Called by the producer after handing over an item: returns once the consumer released it (or the gate closed).
    func waitForConsumer() async {
        if closed { return }
        if released {
            released = false
            return
        }
        await withCheckedContinuation { waiter = $0 }
    }

    /// Called by the consumer once it took the item.
    func release() {
        if let waiter {
            self.waiter = nil
            waiter.resume()
        } else {
            released = true
        }
    }

    func close() {
        closed = true
        waiter?.resume()
        waiter = nil
    }
}
