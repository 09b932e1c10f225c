/// Every bound of the jq interpreter, with its reason.
///
/// A MetadataExtraction query is written by the stream's owner, but the records it runs over come from any producer,
/// and a careless query (or a hostile record) must cost a bounded amount of stack, memory and time: no input may crash
/// the process or stall a delivery worker.
public enum JQLimits {
    /// AWS: a processor parameter value (the MetadataExtractionQuery) is at most 5,120 characters.
    public static let programBytesMax = 5120
    /// Syntax nodes in one program. A 5,120-byte program cannot need more (each node takes at least one byte of
    /// source, most take several); the bound also caps the work of checking and evaluating the tree.
    public static let programNodesMax = 5120
    /// Height of the syntax tree (nested parentheses, brackets, chained operators). The parser and the interpreter
    /// recurse along it; 128 levels stay far below any thread's stack, and real queries nest a handful of levels.
    public static let programHeightMax = 128
    /// Nested frames of evaluation at once. Each pipe stage, operator and constructor runs its successor inside its
    /// own frame, so a long program deepens the stack even when its tree is flat; this caps the stack a run can use
    /// (a few hundred bytes per frame) well inside a 512 KiB thread stack.
    public static let evaluationDepthMax = 400
    /// Work units one run may spend: one per expression evaluated or element visited, more for building objects,
    /// copies, comparisons, serialisation and regular-expression progress. A unit costs roughly 30 to 100 ns in a
    /// release build, so a run stops within about a second. A partition query over a small record spends a few
    /// dozen; reshaping every member of a 1,000 KiB record of 20,000 small objects, under a million. A query that
    /// multiplies its outputs (`{a: .[], b: .[], c: .[]}` over a large array) or backtracks in a regular expression
    /// is stopped instead of running for hours.
    public static let evaluationStepsMax = 10_000_000
    /// Bytes of thread stack a parse or a run may use for its own recursion, measured from where it began
    /// (`JQStackBudget`). With the value traversals bounded by `valueDepthMax`, a run of a release build stays within
    /// about 350 KiB, so it is safe on a 512 KiB thread (Darwin's secondary threads; Linux threads have 8 MiB).
    /// Debug builds use about five times as much stack per frame, so their budget is five times larger too (the
    /// same programs pass in both); run them on threads of 2 MiB or more.
    #if DEBUG
    public static let stackBytesMax = 5 * 256 * 1024
    #else
    public static let stackBytesMax = 256 * 1024
    #endif
    /// Nesting of JSON input, as jq 1.6's parser ("Exceeds depth limit for parsing"); also the bound for `fromjson`.
    public static let inputDepthMax = 256
    /// Nesting of any value a run builds (`[[[.]]]` inside a `reduce` deepens without end). Serialising, comparing and
    /// freeing a value recurse along its depth, so it is capped a little above the input's bound.
    public static let valueDepthMax = 512
    /// Size of any value a run builds, counting one per scalar, container and element plus each string's UTF-8 bytes.
    /// Containers share their elements, so `[., .]` repeated doubles the logical size at no cost; serialising or
    /// comparing such a value would take exponential time. 32 Mi units is thirty-two times the largest record and
    /// leaves room for the longest string (`stringBytesMax`).
    public static let valueWeightMax = 32 << 20
    /// Length in UTF-8 bytes of a string a run builds (`"ab" * 1e9` would otherwise allocate gigabytes first).
    public static let stringBytesMax = 16 << 20
    /// Nanoseconds of regular-expression matching charged as one work unit. ICU reports progress at every start
    /// position and every few hundred microseconds inside a long attempt; the time since the last report is charged,
    /// so ordinary matching costs about a unit per character and a pattern that backtracks catastrophically uses up
    /// the budget in about a second instead of hanging.
    public static let regexNanosecondsPerStep: UInt64 = 100
    /// Compiled regular expressions a program keeps: a partition query uses a handful, but patterns computed from
    /// records (`test(.pattern)`) could otherwise grow the cache without end.
    public static let regexCacheEntriesMax = 64
}
