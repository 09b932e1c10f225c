import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The running tool's process id, shared by the thread that runs it, its timer and the task's cancellation
/// handler, so whichever asks first gives the reason reported, and no kill is sent once the run is over. A stop
/// asked for before the process has started kills it as soon as it has.
final class ToolProcessControl: Sendable {
    private struct State {
        var pid: Int32?
        var stop: ToolProcess.Stop?
        var isFinished = false
    }

    private let state = Mutex(State())

    func started(pid: Int32) {
        let pending = state.withLock { state -> Bool in
            state.pid = pid
            return state.stop != nil
        }
        if pending { kill(pid, SIGKILL) }
    }

    /// Kills the tool for `reason` (the first reason given is the one reported).
    func stop(_ reason: ToolProcess.Stop) {
        state.withLock { state in
            guard !state.isFinished else { return }
            if state.stop == nil { state.stop = reason }
            if let pid = state.pid { kill(pid, SIGKILL) }
        }
    }

    /// The process has exited: no more kills. Returns why it was stopped, if it was.
    func finished() -> ToolProcess.Stop? {
        state.withLock { state in
            state.isFinished = true
            state.pid = nil
            return state.stop
        }
    }
}
