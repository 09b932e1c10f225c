/// The MetadataExtraction processor: the JQ query runs over each record's JSON and must give one object whose members
/// are the partition keys (`!{partitionKeyFromQuery:name}`), each a string, number or boolean.
enum MetadataExtraction {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func keys(_ program: JQProgram, data: [UInt8]) throws -> [String: String] {
        let outputs: [JQValue]
        do {
            outputs = try program.run(json: data)
        } catch {
            throw Failure(description: "Non JSON record provided or the query failed: \(error)")
        }
        guard outputs.count == 1, case .object(let members) = outputs[0] else {
            throw Failure(description: "The metadata extraction query must produce exactly one JSON object.")
        }
        var keys: [String: String] = [:]
        for (name, value) in members {
            guard let text = value.partitionKeyText else {
                throw Failure(description: "The partition key \(name) is null or not a scalar value.")
            }
            keys[name] = text
        }
        return keys
    }
}
