import Foundation

/// Runs a local command as a Lambda stand-in: `/bin/sh -c command`, the event on stdin, the response from stdout.
///
/// Stdin is written and stdout read on their own threads so a large event or answer cannot deadlock on a full pipe;
/// the process is killed when it outlives the timeout; stdout is bounded like a Lambda response.
enum CommandRunner {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func run(_ command: String, environment: [String: String], input: [UInt8],
                    timeoutSeconds: Double) async throws -> [UInt8] {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(command, environment, input, timeoutSeconds) })
            }
        }
    }

    private static func runBlocking(_ command: String, _ environment: [String: String], _ input: [UInt8],
                                    _ timeoutSeconds: Double) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        Thread.detachNewThread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: timer)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw Failure(description: "The transform command exited with status \(process.terminationStatus).")
        }
        guard output.count <= FirehoseLimits.transformPayloadBytesMax else {
            throw Failure(description: "The transform command answered more than \(FirehoseLimits.transformPayloadBytesMax) bytes.")
        }
        return Array(output)
    }
}
