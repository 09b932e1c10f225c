import TributaryWire

/// Turns a policy `Document` into statements, refusing what IAM refuses (see `PolicyDocument` for the grammar).
struct PolicyDocumentParser {
    let kind: PolicyKind

    private static let versions: Set<String> = ["2012-10-17", "2008-10-17"]
    private static let documentElements: Set<String> = ["Version", "Id", "Statement"]
    private static let statementElements: Set<String> = [
        "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal",
    ]
    private static let unsupportedElements = ["Condition", "NotPrincipal"]

    func parse(_ document: Document) throws -> (version: String?, statements: [PolicyStatement]) {
        guard case .object(let members) = document,
              Set(members.keys).isSubset(of: Self.documentElements) else { throw PolicyDocumentError.syntax }
        let version = try optionalString(members["Version"])
        if let version, !Self.versions.contains(version) { throw PolicyDocumentError.syntax }
        _ = try optionalString(members["Id"])
        let statementDocuments: [Document]
        switch members["Statement"] {
        case .object?: statementDocuments = [members["Statement"]!]
        case .array(let elements)? where !elements.isEmpty: statementDocuments = elements
        default: throw PolicyDocumentError.syntax
        }
        return (version, try statementDocuments.map(statement))
    }

    private func statement(_ document: Document) throws -> PolicyStatement {
        guard case .object(let members) = document else { throw PolicyDocumentError.syntax }
        for element in Self.unsupportedElements where members[element] != nil {
            throw PolicyDocumentError.unsupported(element)
        }
        guard Set(members.keys).isSubset(of: Self.statementElements) else { throw PolicyDocumentError.syntax }
        guard let effectText = try optionalString(members["Effect"]),
              let effect = PolicyEffect(rawValue: effectText) else { throw PolicyDocumentError.syntax }
        let actions = try clause(members, plain: "Action", negated: "NotAction", missing: .missingActions) {
            try Self.actionPattern($0)
        }
        let resources = try clause(members, plain: "Resource", negated: "NotResource", missing: .missingResources) {
            try Self.resourcePattern($0)
        }
        return PolicyStatement(sid: try optionalString(members["Sid"]), effect: effect,
                               principal: try principal(members["Principal"]), actions: actions, resources: resources)
    }

    /// An element that comes in a plain and a negated form, exactly one of which must be present and non-empty.
    private func clause(_ members: [String: Document], plain: String, negated: String, missing: PolicyDocumentError,
                        pattern: (String) throws -> WildcardPattern) throws -> PatternClause {
        switch (members[plain], members[negated]) {
        case (let value?, nil):
            return PatternClause(patterns: try strings(value, missing: missing).map(pattern), isNegated: false)
        case (nil, let value?):
            return PatternClause(patterns: try strings(value, missing: missing).map(pattern), isNegated: true)
        case (nil, nil): throw missing
        default: throw PolicyDocumentError.syntax
        }
    }

    private func principal(_ value: Document?) throws -> PolicyPrincipal? {
        guard let value else {
            if kind == .resource { throw PolicyDocumentError.missingPrincipal }
            return nil
        }
        guard kind == .resource else { throw PolicyDocumentError.principalInIdentityPolicy }
        switch value {
        case .string("*"):
            return .everyone
        case .object(let members) where !members.isEmpty:
            var entries: [String] = []
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                let texts = try strings(value, missing: .syntax)
                guard key == "AWS" else { throw PolicyDocumentError.invalidPrincipal(key: key, value: texts[0]) }
                for text in texts where !PolicyPrincipal.isValidAWSEntry(text) {
                    throw PolicyDocumentError.invalidPrincipal(key: key, value: text)
                }
                entries += texts
            }
            return entries.contains("*") ? .everyone : .aws(entries)
        default:
            throw PolicyDocumentError.syntax
        }
    }

    /// A string or a non-empty array of strings; an empty array is `missing`.
    private func strings(_ value: Document, missing: PolicyDocumentError) throws -> [String] {
        switch value {
        case .string(let text):
            return [text]
        case .array(let elements):
            guard !elements.isEmpty else { throw missing }
            return try elements.map { element in
                guard case .string(let text) = element else { throw PolicyDocumentError.syntax }
                return text
            }
        default:
            throw PolicyDocumentError.syntax
        }
    }

    private func optionalString(_ value: Document?) throws -> String? {
        switch value {
        case nil: return nil
        case .string(let text)?: return text
        default: throw PolicyDocumentError.syntax
        }
    }

    /// `*`, or `vendor:pattern` with exactly one colon and a non-empty vendor.
    private static func actionPattern(_ text: String) throws -> WildcardPattern {
        try checkLength(text)
        if text != "*" {
            let colons = text.utf8.count { $0 == UInt8(ascii: ":") }
            if colons > 1 { throw PolicyDocumentError.actionWithColons }
            if colons == 0 || text.hasPrefix(":") { throw PolicyDocumentError.actionWithoutVendor }
        }
        return WildcardPattern(text, caseInsensitive: true)
    }

    private static func resourcePattern(_ text: String) throws -> WildcardPattern {
        try checkLength(text)
        guard text == "*" || text.hasPrefix("arn:") else { throw PolicyDocumentError.resourceNotARN(text) }
        return WildcardPattern(text, caseInsensitive: false)
    }

    private static func checkLength(_ text: String) throws {
        guard text.unicodeScalars.count <= PolicyLimits.patternScalarsMax else { throw PolicyDocumentError.syntax }
    }
}
