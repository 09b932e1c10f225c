/// How a JSON input schema cuts one document into rows of source values: the RecordRowPath selects the row
/// roots, and each column's Mapping selects a value under its root.
///
/// Mappings are written from the record root and start with the RecordRowPath (`$.orders[0:].id` under row
/// path `$.orders[0:]`); that prefix is removed so the rest applies to each row root. A mapping that does not
/// start with the row path applies to the row root as written.
///
/// Within a row, a mapping with `[0:]` followed by more steps flattens that array: one row per element, the
/// other columns repeated on each, and a single row of NULLs for that column when the array is empty or missing.
/// A mapping ending in `[0:]` takes the whole array as one value. Only one array may be flattened, and only one
/// level deep, as Kinesis Data Analytics requires.
struct JSONRowPlan: Sendable {
    private enum ColumnPlan: Sendable {
        case direct(RecordJSONPath)
        /// The path under one element of the flattened array.
        case element(RecordJSONPath)
    }

    let rowPath: RecordJSONPath
    private let columns: [ColumnPlan]
    /// The path (from the row root) of the one array whose elements become rows.
    private let flattenedArray: RecordJSONPath?

    init(recordRowPath: String, columns: [RecordColumn]) throws(RecordMappingConfigurationError) {
        rowPath = try RecordJSONPath(parsing: recordRowPath)
        var plans: [ColumnPlan] = []
        var flattened: RecordJSONPath?
        for column in columns {
            guard let mapping = column.mapping else {
                throw RecordMappingConfigurationError("Column \"\(column.name)\" has no Mapping for JSON records")
            }
            var steps = try RecordJSONPath(parsing: mapping).steps
            if !rowPath.steps.isEmpty, steps.starts(with: rowPath.steps) {
                steps.removeFirst(rowPath.steps.count)
            }
            let arrayIndices = steps.indices.filter { steps[$0] == .allElements }
            guard let split = arrayIndices.first, split < steps.count - 1 else {
                plans.append(.direct(RecordJSONPath(steps: steps)))
                continue
            }
            let rest = Array(steps[(split + 1)...])
            if rest.dropLast().contains(.allElements) {
                throw RecordMappingConfigurationError(
                    "Invalid JSONPath '\(mapping)': only one level of array dereferencing is supported")
            }
            let array = RecordJSONPath(steps: Array(steps[..<split]))
            if let flattened, flattened != array {
                throw RecordMappingConfigurationError(
                    "Invalid JSONPath '\(mapping)': only one array can be flattened in a schema")
            }
            flattened = array
            plans.append(.element(RecordJSONPath(steps: rest)))
        }
        self.columns = plans
        flattenedArray = flattened
    }

    /// The rows of `document`: for each row root, one row (or one per element of the flattened array) of the
    /// columns' source values, nil where the mapping finds nothing.
    func sourceRows(in document: RecordJSONValue) -> [[RecordJSONValue?]] {
        let roots: [RecordJSONValue?] = rowPath.steps.isEmpty ? [document] : rowPath.selectAll(in: document)
        // An empty selection still yields one row, of NULLs.
        return (roots.isEmpty ? [nil] : roots).flatMap { rows(under: $0) }
    }

    private func rows(under root: RecordJSONValue?) -> [[RecordJSONValue?]] {
        var elements: [RecordJSONValue?] = [nil]
        if let flattenedArray, let root, case .array(let values)? = flattenedArray.selectOne(in: root),
           !values.isEmpty {
            elements = values
        }
        return elements.map { element in
            columns.map { column in
                switch column {
                case .direct(let path): root.flatMap { path.selectOne(in: $0) }
                case .element(let path): element.flatMap { path.selectOne(in: $0) }
                }
            }
        }
    }
}
