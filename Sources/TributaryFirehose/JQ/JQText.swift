/// Byte-wise string operations, as jq does them.
///
/// Why: Swift's `String` equality, ordering and hashing follow Unicode canonical equivalence, so `"é"` (U+00E9) and
/// `"e\u{301}"` would be one object key and compare equal; jq compares UTF-8 bytes, and `keys` and `sort` put
/// `"A" < "a" < "b" < "é"` in byte order.
enum JQText {
    static func equal(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count && left.utf8.elementsEqual(right.utf8)
    }

    /// Negative, zero or positive as `left` sorts before, with or after `right` (memcmp, then length).
    static func compare(_ left: String, _ right: String) -> Int {
        var leftBytes = left.utf8.makeIterator()
        var rightBytes = right.utf8.makeIterator()
        while true {
            switch (leftBytes.next(), rightBytes.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let a?, let b?) where a != b: return a < b ? -1 : 1
            default: continue
            }
        }
    }

    /// Whether `needle` occurs in `haystack` as a run of bytes (jq's `contains` on strings), in linear time
    /// (Knuth-Morris-Pratt, so a hostile pair of strings cannot make it quadratic).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let hay = Array(haystack.utf8), pin = Array(needle.utf8)
        guard !pin.isEmpty else { return true }
        guard hay.count >= pin.count else { return false }
        // fallback[i]: length of the longest proper prefix of pin[...i] that is also its suffix.
        var fallback = [Int](repeating: 0, count: pin.count)
        var matched = 0
        for index in 1 ..< pin.count {
            while matched > 0 && pin[index] != pin[matched] { matched = fallback[matched - 1] }
            if pin[index] == pin[matched] { matched += 1 }
            fallback[index] = matched
        }
        matched = 0
        for byte in hay {
            while matched > 0 && byte != pin[matched] { matched = fallback[matched - 1] }
            if byte == pin[matched] { matched += 1 }
            if matched == pin.count { return true }
        }
        return false
    }
}
