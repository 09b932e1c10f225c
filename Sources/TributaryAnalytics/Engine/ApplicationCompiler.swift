import TributarySQL

/// Compiles application code (CREATE STREAM and CREATE PUMP statements) against the application's input streams
/// and reference tables, with the reference's rules: a stream or pump is created once unless OR REPLACE says
/// otherwise, pumps write only into streams the code created, and every query type-checks.
public enum ApplicationCompiler {
    public static func compile(code: String, inputs: [String: [ColumnDescription]],
                               tables: [String: [ColumnDescription]]) throws(CodeValidationError) -> CompiledApplication {
        let statements: [Statement]
        do { statements = try SQLParser.parse(code) } catch {
            throw CodeValidationError(syntax: error)
        }
        var catalog = RelationCatalog(streams: inputs, tables: tables)
        catalog.streams[CompiledApplication.errorStreamName] = CompiledApplication.errorStreamColumns
        var created: Set<String> = []
        var pumps: [CompiledPump] = []
        for statement in statements {
            switch statement {
            case .createStream(let stream):
                let name = stream.name.name
                if catalog.streams[name] != nil || catalog.tables[name] != nil {
                    guard stream.orReplace, created.contains(name) else {
                        throw CodeValidationError("Stream '\(name)' already exists", at: stream.name.position)
                    }
                }
                var seen: Set<String> = []
                for column in stream.columns where !seen.insert(column.name.name).inserted || column.name.name == "ROWTIME" {
                    throw CodeValidationError("Duplicate column name '\(column.name.name)'", at: column.name.position)
                }
                catalog.streams[name] = stream.columns.map { ColumnDescription(name: $0.name.name, type: $0.type) }
                created.insert(name)
            case .createPump(let pump):
                if pumps.contains(where: { $0.name == pump.name.name }) {
                    guard pump.orReplace else {
                        throw CodeValidationError("Pump '\(pump.name.name)' already exists", at: pump.name.position)
                    }
                    pumps.removeAll { $0.name == pump.name.name }
                }
                pumps.append(try compilePump(pump, catalog: catalog, created: created))
            }
        }
        return CompiledApplication(streams: catalog.streams, pumps: pumps)
    }

    private static func compilePump(_ pump: CreatePump, catalog: RelationCatalog, created: Set<String>)
        throws(CodeValidationError) -> CompiledPump {
        guard let targetColumns = catalog.streams[pump.target.name] else {
            throw CodeValidationError("Object '\(pump.target.name)' not found", at: pump.target.position)
        }
        guard created.contains(pump.target.name) else {
            throw CodeValidationError("Cannot insert into '\(pump.target.name)': pumps write only into streams created by the application code",
                                      at: pump.target.position)
        }
        let plan = try QueryCompiler(catalog: catalog).compile(pump.query)
        // Which target columns the INSERT names, in the order the query produces them.
        var named: [Int] = Array(targetColumns.indices)
        if let list = pump.targetColumns {
            named = []
            for column in list {
                guard let index = targetColumns.firstIndex(where: { $0.name == column.name }) else {
                    throw CodeValidationError("Unknown target column '\(column.name)'", at: column.position)
                }
                named.append(index)
            }
        }
        guard named.count == plan.columns.count else {
            throw CodeValidationError(
                "Number of INSERT target columns (\(named.count)) does not equal number of source items (\(plan.columns.count))",
                at: pump.position)
        }
        var sources = [Int?](repeating: nil, count: targetColumns.count)
        for (position, index) in named.enumerated() {
            let source = plan.columns[position], target = targetColumns[index]
            guard TypeAssignability.allows(source.type, into: target.type) else {
                throw CodeValidationError(
                    "Cannot assign to target field '\(target.name)' of type \(target.type.sqlText) from source field '\(source.name)' of type \(source.type.sqlText)",
                    at: pump.position)
            }
            sources[index] = position + 1
        }
        return CompiledPump(name: pump.name.name, target: pump.target.name, plan: plan, sources: sources,
                            types: targetColumns.map(\.type))
    }
}
