import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XCTest

/// A real server run as a child process for a test (moto's S3 server, a small Python HTTP server): started on a
/// free port, waited for until it accepts connections, terminated by `stop()`. Its output goes to a log file that
/// failure messages quote.
final class LocalServerProcess {
    let port: Int
    let logURL: URL
    private let process: Process

    /// Starts `arguments` (the first is looked up on PATH) with `{port}` replaced by a free port, and waits up to
    /// `startupSeconds` for the port to accept connections; throws with the server's output if it never does.
    init(arguments: [String], environment: [String: String] = [:], startupSeconds: Double = 60) throws {
        port = try Self.freePort()
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("tributary-server-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments.map { $0.replacingOccurrences(of: "{port}", with: String(port)) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ServerStartFailure(message: "could not run \(arguments.joined(separator: " ")): \(error)")
        }
        let deadline = Date().addingTimeInterval(startupSeconds)
        while !Self.accepts(port: port) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw ServerStartFailure(message: "\(arguments.joined(separator: " ")) did not listen on port \(port) "
                    + "within \(Int(startupSeconds)) s; its output:\n\(output())")
            }
            usleep(100_000)
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: logURL)
    }

    /// Ends the server with SIGKILL: a child started from a Swift concurrency thread inherits that thread's
    /// signal mask, where SIGTERM is blocked, so a polite terminate() can go unheard.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var isRunning: Bool { process.isRunning }

    func output() -> String {
        (try? String(contentsOf: logURL, encoding: .utf8)) ?? "(no output)"
    }

    struct ServerStartFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// A port the kernel just handed out for 127.0.0.1 (bound, read, closed).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerStartFailure(message: "socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ServerStartFailure(message: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw ServerStartFailure(message: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
