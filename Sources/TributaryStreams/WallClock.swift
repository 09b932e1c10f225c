import Foundation

/// Wall-clock time in milliseconds since the epoch, the unit of every timestamp the service stores.
enum WallClock {
    static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
