import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an external tool once: `input` on its stdin, its stdout and stderr collected, killed when it outlives a
/// time limit, writes more than a bound, or the calling task is cancelled.
///
/// It exists so a decoder that handles untrusted media runs in its own process, and so running one cannot deadlock
/// or stall the caller: stdin is written on one thread while stdout and stderr are drained on two others (a tool
/// that fills one pipe while we wait on another would otherwise hang both), and the blocking work happens on those
/// threads, never on the concurrency pool. Nothing touches the disk. The writer blocks SIGPIPE on its own thread, so
/// a tool that exits before reading all its input makes the write fail with EPIPE instead of killing the server.
enum ToolProcess {
    /// How a run ended.
    struct Outcome: Sendable {
        /// The exit status, or the signal number when the tool was killed by one.
        var status: Int32
        var exitedNormally: Bool
        var output: [UInt8]
        /// The first `errorBytesMax` bytes of stderr.
        var errorOutput: [UInt8]
        /// Why the run was cut short, if it was.
        var stop: Stop?
    }

    enum Stop: Sendable, Equatable {
        case timedOut, outputTooLarge, cancelled
    }

    static func run(executable: URL, arguments: [String], input: [UInt8], timeLimitMs: Int, outputBytesMax: Int,
                    errorBytesMax: Int) async throws -> Outcome {
        let control = ToolProcessControl()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result {
                        try runBlocking(executable: executable, arguments: arguments, input: input,
                                        timeLimitMs: timeLimitMs, outputBytesMax: outputBytesMax,
                                        errorBytesMax: errorBytesMax, control: control)
                    })
                }
            }
        } onCancel: {
            control.stop(.cancelled)
        }
    }

    private static func runBlocking(executable: URL, arguments: [String], input: [UInt8], timeLimitMs: Int,
                                    outputBytesMax: Int, errorBytesMax: Int,
                                    control: ToolProcessControl) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        control.started(pid: process.processIdentifier)

        let output = Mutex<[UInt8]>([])
        let errorOutput = Mutex<[UInt8]>([])
        let group = DispatchGroup()
        let writeHandle = stdin.fileHandleForWriting
        let outputHandle = stdout.fileHandleForReading
        let errorHandle = stderr.fileHandleForReading
        group.enter()
        Thread.detachNewThread {
            writeIgnoringBrokenPipe(input, to: writeHandle.fileDescriptor)
            try? writeHandle.close()
            group.leave()
        }
        group.enter()
        Thread.detachNewThread {
            let bytes = drain(outputHandle.fileDescriptor, keepingAtMost: outputBytesMax) {
                control.stop(.outputTooLarge)
            }
            output.withLock { $0 = bytes }
            group.leave()
        }
        group.enter()
        Thread.detachNewThread {
            let bytes = drain(errorHandle.fileDescriptor, keepingAtMost: errorBytesMax, whenOver: nil)
            errorOutput.withLock { $0 = bytes }
            group.leave()
        }
        let timer = DispatchWorkItem { control.stop(.timedOut) }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(timeLimitMs), execute: timer)
        group.wait()
        process.waitUntilExit()
        timer.cancel()
        let stop = control.finished()
        try? outputHandle.close()
        try? errorHandle.close()
        return Outcome(status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
                       output: output.withLock { $0 }, errorOutput: errorOutput.withLock { $0 }, stop: stop)
    }

    /// Writes all of `bytes` to `descriptor`, stopping quietly when the reader has gone (EPIPE).
    private static func writeIgnoringBrokenPipe(_ bytes: [UInt8], to descriptor: Int32) {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        // A SIGPIPE raised by a failed write is pending on this thread only: take it, so it is never delivered.
        var noWait = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&blocked, nil, &noWait)
    }

    /// Reads `descriptor` to its end, keeping the first `bytesMax` bytes; calls `whenOver` once when more arrive.
    private static func drain(_ descriptor: Int32, keepingAtMost bytesMax: Int,
                              whenOver: (@Sendable () -> Void)?) -> [UInt8] {
        var kept: [UInt8] = []
        var isOver = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            let room = bytesMax - kept.count
            kept += buffer[0 ..< min(count, max(room, 0))]
            if count > room, !isOver {
                isOver = true
                whenOver?()
            }
        }
        return kept
    }
}
