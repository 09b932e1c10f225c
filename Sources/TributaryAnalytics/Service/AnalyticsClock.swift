import Foundation

/// Wall-clock milliseconds, in one place so every timestamp the control plane writes agrees.
enum AnalyticsClock {
    static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
