import XCTest
@testable import TributarySQL

/// Drives every accumulator through random add/removeOldest sequences (a sliding window) and checks each result
/// against a fresh accumulator fed the current window from scratch.
final class SlidingAccumulatorTests: XCTestCase {
    /// A deterministic generator, so a failure reproduces.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func value(for type: SQLType, _ random: inout SplitMix) -> SQLValue {
        if Int.random(in: 0..<6, using: &random) == 0 { return .null }
        let small = Int64.random(in: -20...20, using: &random)
        switch type {
        case .decimal: return .decimal(Decimal(small) / 4)
        case .double: return .double(Double(small) * 1.37e3 + 1e6)
        case .varchar: return .string(String(repeating: "x", count: Int(small + 20) % 4) + String(small))
        default: return .integer(small)
        }
    }

    private func assertClose(_ actual: SQLValue, _ expected: SQLValue, _ context: String) {
        if case .double(let a) = actual, case .double(let b) = expected {
            XCTAssertEqual(a, b, accuracy: max(1e-6, b.magnitude * 1e-9), context)
        } else {
            XCTAssertEqual(actual, expected, context)
        }
    }

    private func check(_ name: String, _ type: SQLType, distinct: Bool = false, ignoresNulls: Bool = false) throws {
        let function = try AggregateLibrary.resolve(name: name, argumentType: type, isDistinct: distinct,
                                                    isStar: false, ignoresNulls: ignoresNulls)
        var random = SplitMix(state: UInt64(name.utf8.count * 7919 + (distinct ? 1 : 0)))
        let sliding = function.makeAccumulator()
        var window: [SQLValue] = []
        for step in 0..<600 {
            let shouldRemove = !window.isEmpty && (window.count > 12 || Bool.random(using: &random))
            if shouldRemove {
                let count = Int.random(in: 1...window.count, using: &random)
                for _ in 0..<count {
                    try sliding.removeOldest(window.removeFirst())
                }
            } else {
                let next = value(for: type, &random)
                try sliding.add(next)
                window.append(next)
            }
            let fresh = function.makeAccumulator()
            for held in window { try fresh.add(held) }
            assertClose(sliding.result, fresh.result, "\(name) step \(step) window \(window)")
        }
    }

    func testCountSumAverage() throws {
        for type: SQLType in [.integer, .decimal(precision: 10, scale: 2), .double] {
            try check("COUNT", type)
            try check("SUM", type)
            try check("AVG", type)
        }
    }

    func testMinimumAndMaximum() throws {
        for type: SQLType in [.integer, .double, .varchar(length: 8)] {
            try check("MIN", type)
            try check("MAX", type)
        }
    }

    func testBoundaryValues() throws {
        for type: SQLType in [.integer, .varchar(length: 8)] {
            try check("FIRST_VALUE", type)
            try check("LAST_VALUE", type)
            try check("FIRST_VALUE", type, ignoresNulls: true)
            try check("LAST_VALUE", type, ignoresNulls: true)
        }
    }

    func testVariances() throws {
        for name in ["VAR_POP", "VAR_SAMP", "STDDEV_POP", "STDDEV_SAMP"] {
            try check(name, .integer)
            try check(name, .double)
        }
    }

    func testDistinctForms() throws {
        for name in ["COUNT", "SUM", "AVG", "VAR_SAMP", "MAX"] {
            try check(name, .integer, distinct: true)
        }
    }

    func testVarianceStaysAccurateAroundALargeMean() throws {
        let accumulator = try AggregateLibrary.resolve(name: "VAR_POP", argumentType: .double, isDistinct: false,
                                                       isStar: false).makeAccumulator()
        // The textbook formula loses every digit here: values are 1e9 + {0, 1, 2} in equal numbers, variance 2/3.
        let values = (0..<3000).map { SQLValue.double(1e9 + Double($0 % 3)) }
        for value in values { try accumulator.add(value) }
        for value in values.prefix(1998) { try accumulator.removeOldest(value) }
        guard case .double(let variance) = accumulator.result else { return XCTFail("not a double") }
        XCTAssertEqual(variance, 2.0 / 3.0, accuracy: 1e-6)
    }
}
