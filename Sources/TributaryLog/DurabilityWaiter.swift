/// An append under `.always` waiting until an fsync covers its records (everything below `offset`).
struct DurabilityWaiter: Sendable {
    let offset: UInt64
    let continuation: CheckedContinuation<Void, any Error>
}
