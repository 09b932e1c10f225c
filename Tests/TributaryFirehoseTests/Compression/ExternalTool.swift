import Foundation
import XCTest

/// Runs the standard tools (gunzip, unzip, python3 with python-snappy) that prove our files interoperate.
///
/// A missing tool fails the test with a message naming what to install: interop is part of the contract, so it
/// must not be skipped silently.
enum ExternalTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The path of `name` on `PATH`, or a failure saying it must be installed.
    static func locate(_ name: String, install: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "\(name) is not on PATH; install it (\(install)) to run the interop tests")
    }

    /// Runs `name` with `arguments`, returning its standard output; throws with its standard error if it fails.
    static func run(_ name: String, _ arguments: [String], install: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try locate(name, install: install))
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(name) \(arguments) exited \(process.terminationStatus): "
                + String(decoding: errorData, as: UTF8.self))
        }
        return [UInt8](outputData)
    }

    /// Runs a Python program with python-snappy available; a missing module fails with install advice.
    static func python(_ program: String, _ arguments: [String]) throws -> [UInt8] {
        try run("python3", ["-c", program] + arguments, install: "python3 and `pip install python-snappy`")
    }

    /// A fresh temporary directory, removed by the test's teardown.
    static func temporaryDirectory(for testCase: XCTestCase) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tributary-compression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }
}
