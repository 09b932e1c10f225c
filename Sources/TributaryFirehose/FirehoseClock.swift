import Foundation

/// Wall-clock milliseconds, in one place so every timestamp the module writes agrees.
enum FirehoseClock {
    static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
