/// Adding sizes without overflow: every weight is capped here, far above `JQLimits.valueWeightMax`.
enum JQWeight {
    static let ceiling = Int.max / 4

    @inline(__always)
    static func add(_ left: Int, _ right: Int) -> Int {
        min(left + right, ceiling)
    }
}
