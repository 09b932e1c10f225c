/// JSON discovery: one column per leaf member of the sampled objects.
extension SchemaDiscovery {
    /// A column found in the samples: the member names leading to it from the record root, whether it is an
    /// array (mapped whole with `[0:]`), and what its values say about its type.
    private struct JSONLeaf {
        var path: [String]
        var isArray: Bool
        var type = DiscoveredColumnType()

        var mapping: String {
            "$" + path.map(Self.step).joined() + (isArray ? "[0:]" : "")
        }

        /// `.name`, or `['name']` when the name would not read back as one member step.
        private static func step(_ name: String) -> String {
            let plain = !name.isEmpty && !name.contains(where: { $0 == "." || $0 == "[" || $0 == "]" || $0 == "'" })
            return plain ? "." + name : "['" + name + "']"
        }
    }

    static func jsonSchema(_ documents: [RecordJSONValue]) throws(SchemaDiscoveryError) -> InputSchema {
        var leaves: [JSONLeaf] = []
        var indexByMapping: [String: Int] = [:]
        for document in documents {
            visit(document, path: []) { path, value in
                var isArray = false
                if case .array = value { isArray = true }
                let leaf = JSONLeaf(path: path, isArray: isArray)
                let index: Int
                if let existing = indexByMapping[leaf.mapping] {
                    index = existing
                } else {
                    index = leaves.count
                    indexByMapping[leaf.mapping] = index
                    leaves.append(leaf)
                }
                leaves[index].type.add(value)
            }
        }
        guard !leaves.isEmpty else {
            throw SchemaDiscoveryError("Unable to detect a schema: the sampled JSON objects have no members")
        }
        let names = uniqueNames(leaves.map(\.path))
        let columns = zip(names, leaves).map { name, leaf in
            RecordColumn(name: name, sqlType: leaf.type.sqlType.sqlText, mapping: leaf.mapping)
        }
        return InputSchema(format: .json(recordRowPath: "$"), encoding: "UTF-8", columns: columns)
    }

    /// Calls `leaf` for every member of `value` that is not a non-empty object, depth first in member order.
    private static func visit(_ value: RecordJSONValue, path: [String],
                              leaf: (_ path: [String], _ value: RecordJSONValue) -> Void)
    {
        guard case .object(let members) = value else { return }
        for member in members {
            let memberPath = path + [member.name]
            if case .object(let nested) = member.value, !nested.isEmpty {
                visit(member.value, path: memberPath, leaf: leaf)
            } else {
                leaf(memberPath, member.value)
            }
        }
    }
}
