import Synchronization

/// The compiled regular expressions of one program, shared by all its runs, so a pattern is compiled once and not
/// once per record.
///
/// Bounded by `JQLimits.regexCacheEntriesMax` pattern-and-flags pairs; past that, new patterns are compiled per use
/// and not kept. Safe to share between threads.
final class JQRegexCache: Sendable {
    private let entries = Mutex<[String: JQRegex]>([:])

    func regex(pattern: String, flags: String) throws(JQFailure) -> JQRegex {
        let key = flags + "/" + pattern
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let compiled = try JQRegex(pattern: pattern, flags: flags)
        entries.withLock { cache in
            if cache.count < JQLimits.regexCacheEntriesMax { cache[key] = compiled }
        }
        return compiled
    }
}
