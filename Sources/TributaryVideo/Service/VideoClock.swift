import Foundation

/// Wall-clock milliseconds, in one place so every time the control plane writes (creation times, deadlines,
/// retention cut-offs) agrees.
enum VideoClock {
    static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
