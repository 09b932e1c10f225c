/// The long-running part of the control plane: finishes each transient status once its `stateDelayMs` has
/// passed (CREATING → ACTIVE, UPDATING → ACTIVE, DELETING → fragments removed, stream forgotten) and applies
/// retention to every stream every `retentionCheckIntervalMs`, until the task is cancelled.
///
/// Deadlines are persisted with the descriptors, so transitions left unfinished when the server stopped are finished
/// by the first pass after it starts again; retention is applied at start too.
extension VideoService {
    public func run() async {
        var nextRetentionMs = VideoClock.nowMs()
        while !Task.isCancelled {
            let nowMs = VideoClock.nowMs()
            advanceTransitions(nowMs: nowMs)
            if nowMs >= nextRetentionMs {
                applyRetention(nowMs: nowMs)
                nextRetentionMs = nowMs + Int64(configuration.retentionCheckIntervalMs)
            }
            try? await Task.sleep(for: .milliseconds(VideoLimits.reconcileIntervalMs))
        }
    }

    /// Finishes every transition that is due. A deletion whose fragments cannot be removed stays DELETING and is
    /// tried again on the next pass.
    func advanceTransitions(nowMs: Int64) {
        for stream in catalog.allStreams() {
            guard let deadline = stream.statusDeadlineMs, deadline <= nowMs else { continue }
            do {
                switch stream.lifecycle {
                case .creating, .updating:
                    try catalog.update(stream.name, creationMs: stream.creationMs) { current in
                        guard current.lifecycle == stream.lifecycle else { return }
                        current.lifecycle = .active
                        current.statusDeadlineMs = nil
                    }
                case .deleting:
                    try fragments.deleteStream(stream.storageKey)
                    try catalog.remove(stream.name, creationMs: stream.creationMs)
                case .active:
                    break
                }
            } catch {
                logger.error("video stream transition failed",
                             metadata: ["stream": "\(stream.name)", "status": "\(stream.status)", "error": "\(error)"])
            }
        }
    }

    /// Drops every stream's fragments older than its retention (AWS's 5-minute buffer for retention 0). Deleting
    /// streams are left to their deletion.
    func applyRetention(nowMs: Int64) {
        for stream in catalog.allStreams() where stream.lifecycle != .deleting {
            do {
                let removed = try fragments.applyRetention(stream: stream.storageKey, retentionMs: stream.retentionMs,
                                                           nowMs: nowMs)
                if removed > 0 {
                    logger.debug("video retention applied", metadata: ["stream": "\(stream.name)",
                                                                       "removed": "\(removed)"])
                }
            } catch {
                logger.error("video retention failed", metadata: ["stream": "\(stream.name)", "error": "\(error)"])
            }
        }
    }
}
