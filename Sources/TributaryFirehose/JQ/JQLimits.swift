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
    /// Work units one run may spend: one per value produced or element visited, more for copies, comparisons,
    /// serialisation and regular-expression progress. A query over a 1,000 KiB record needs a few million; a query that
    /// multiplies its outputs (`{a: .[], b: .[], c: .[]}` over a large array) is stopped instead of running for hours.
    public static let evaluationStepsMax = 20_000_000
    /// Nesting of JSON input, as jq 1.6's parser ("Exceeds depth limit for parsing"); also the bound for `fromjson`.
    public static let inputDepthMax = 256
    /// Nesting of any value a run builds (`[[[.]]]` inside a `reduce` deepens without end). Serialising, comparing and
    /// freeing a value recurse along its depth, so it is capped a little above the input's bound.
    public static let valueDepthMax = 512
    /// Size of any value a run builds, counting one per scalar, container and element plus each string's UTF-8 bytes.
    /// Containers share their elements, so `[., .]` repeated doubles the logical size at no cost; serialising or
    /// comparing such a value would take exponential time. 16 Mi units is sixteen times the largest record.
    public static let valueWeightMax = 16 << 20
    /// Length in UTF-8 bytes of a string a run builds (`"ab" * 1e9` would otherwise allocate gigabytes first).
    public static let stringBytesMax = 16 << 20
    /// Work units charged for each progress report of a regular-expression match, so a pattern that backtracks
    /// catastrophically uses up the run's budget (about a tenth of a second per million units) instead of hanging.
    public static let regexProgressSteps = 20_000
}
