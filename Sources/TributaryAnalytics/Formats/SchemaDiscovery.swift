import TributarySQL

/// DiscoverInputSchema's inference: from sampled records, the record format and the columns with their SQL types.
///
/// When every record holds JSON objects the format is JSON with RecordRowPath `$` and one column per leaf member,
/// nested objects flattened (`$.address.city`) and arrays kept whole (`$.orders[0:]`, VARCHAR); otherwise the
/// records are CSV (see `SchemaDiscovery+CSV.swift`). Columns appear in the order the samples first name them;
/// names follow `DiscoveredColumnName`, types `DiscoveredColumnType`.
public enum SchemaDiscovery {
    /// Infers the schema of `records`. When a preprocessing Lambda produced `records` from the source's records,
    /// pass those as `rawRecords` so both sets are echoed back.
    public static func discover(_ records: [[UInt8]], rawRecords: [[UInt8]]? = nil)
        throws(SchemaDiscoveryError) -> DiscoveredSchema
    {
        guard records.contains(where: { record in record.contains { !isWhitespace($0) } }) else {
            throw SchemaDiscoveryError("Unable to detect a schema: no data was found in the sampled records")
        }
        var texts: [String] = []
        for record in records {
            guard let text = String(validating: record, as: UTF8.self) else {
                throw SchemaDiscoveryError("Unable to detect a schema: the sampled records are not UTF-8 text")
            }
            texts.append(text)
        }
        let documents = records.map { try? RecordJSONParser.values(of: $0) }
        let objectRecordCount = documents.filter { values in
            guard let values, !values.isEmpty else { return false }
            return values.allSatisfy { if case .object = $0 { true } else { false } }
        }.count
        let nonEmptyCount = records.count(where: { record in record.contains { !isWhitespace($0) } })

        let schema: InputSchema
        if objectRecordCount == nonEmptyCount {
            schema = try jsonSchema(documents.compactMap { $0 }.flatMap { $0 })
        } else if objectRecordCount > 0 {
            throw SchemaDiscoveryError(
                "Unable to detect a schema: some sampled records are JSON objects and others are not")
        } else {
            schema = try csvSchema(records)
        }
        let processed = rawRecords == nil ? [] : texts
        let raw = rawRecords.map { $0.map { String(decoding: $0, as: UTF8.self) } } ?? texts
        return DiscoveredSchema(schema: schema, parsedRows: try parsedRows(records, schema: schema),
                                processedRecords: processed, rawRecords: raw)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// ParsedInputRecords: every row of every record through the inferred schema, as text.
    private static func parsedRows(_ records: [[UInt8]], schema: InputSchema)
        throws(SchemaDiscoveryError) -> [[String?]]
    {
        let mapper: RecordMapper
        do {
            mapper = try RecordMapper(schema: schema)
        } catch {
            throw SchemaDiscoveryError("Unable to detect a schema: \(error.message)")
        }
        return records.flatMap { record -> [[String?]] in
            (mapper.sourceRows(of: record) ?? []).map { row in
                zip(row, mapper.columnTypes).map { field, type in
                    guard let field, (try? field.coerced(to: type)) != nil else { return nil }
                    return field.text
                }
            }
        }
    }

    /// Gives each column its suggested name, unique within the schema: the leaf name first, then the whole
    /// path joined by `_`, then a numeric suffix.
    static func uniqueNames(_ candidates: [[String]]) -> [String] {
        var used = Set<String>()
        return candidates.enumerated().map { position, path in
            var choices = [DiscoveredColumnName.name(for: path.last ?? "", position: position)]
            if path.count > 1 {
                choices.append(DiscoveredColumnName.name(for: path.joined(separator: "_"), position: position))
            }
            var name = choices.first(where: { !used.contains($0) }) ?? choices[choices.count - 1]
            var suffix = 2
            while used.contains(name) {
                name = "\(choices[choices.count - 1])_\(suffix)"
                suffix += 1
            }
            used.insert(name)
            return name
        }
    }
}
