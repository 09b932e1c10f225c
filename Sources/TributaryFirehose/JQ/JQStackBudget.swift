/// How much thread stack a parse or a run has used since it began, so deep recursion ends in an error before it can
/// overflow the caller's stack.
///
/// Why a measurement and not only counts: frame sizes differ by build (a debug frame is several times a release
/// one) and callers' threads differ (8 MiB on a Linux main thread, 512 KiB on a Darwin secondary thread). Counting
/// levels (`JQLimits.programHeightMax`, `evaluationDepthMax`) gives the same answer everywhere for programs within
/// them; this bound keeps any build on any thread safe. Stacks grow downward on every platform Tributary runs on.
struct JQStackBudget {
    private let base: UInt

    init() { base = Self.currentAddress() }

    @inline(never)
    private static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Whether the stack below `init` has grown past `JQLimits.stackBytesMax`.
    var isExhausted: Bool {
        let here = Self.currentAddress()
        return base > here && base - here > UInt(JQLimits.stackBytesMax)
    }
}
