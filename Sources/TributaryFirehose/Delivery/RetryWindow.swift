/// Retries an operation with doubling back-off until it succeeds or its window closes, as Firehose retries a
/// destination for RetryOptions.DurationInSeconds (HTTP) or its S3 window.
struct RetryWindow: Sendable {
    let windowMs: Int64

    struct Exhausted: Error {
        let attempts: Int
        let lastError: any Error
    }

    /// The operation's result and the attempts it took; `Exhausted` when every attempt in the window failed.
    /// Cancellation stops the waiting and is thrown as `CancellationError`.
    func run<Result: Sendable>(_ operation: () async throws -> Result) async throws -> (Result, Int) {
        let deadlineMs = FirehoseClock.nowMs() + windowMs
        var backoffMs = Int64(FirehoseLimits.retryBackoffFloorMs)
        var attempts = 0
        while true {
            attempts += 1
            do {
                return (try await operation(), attempts)
            } catch {
                try Task.checkCancellation()
                let nowMs = FirehoseClock.nowMs()
                guard nowMs + backoffMs <= deadlineMs else { throw Exhausted(attempts: attempts, lastError: error) }
                try await Task.sleep(for: .milliseconds(backoffMs))
                backoffMs = min(backoffMs * 2, Int64(FirehoseLimits.retryBackoffCeilingMs))
            }
        }
    }
}
