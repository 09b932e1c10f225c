import Foundation
import TributaryWire

/// Reading the credentials file:
///
/// ```json
/// {"credentials": [{"accessKeyId": "AKIA…", "secretAccessKey": "…", "accountId": "123456789012",
///                   "policies": [{"Version": "2012-10-17", "Statement": [ … ]}]}]}
/// ```
///
/// `policies` may be left out (no identity policy: the caller is denied everything no resource policy grants).
/// Unknown members are refused rather than ignored, so a misspelt `secretKey` is reported instead of silently
/// making a credential without a secret.
extension CredentialStore {
    private static let credentialMemberNames: Set<String> = ["accessKeyId", "secretAccessKey", "accountId", "policies"]

    /// Reads and checks the file at `path`, refusing it when it exceeds `AuthenticationLimits.credentialsFileBytesMax`.
    public init(contentsOfFile path: String) throws {
        let bytesMax = AuthenticationLimits.credentialsFileBytesMax
        let contents: Data?
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            contents = try handle.read(upToCount: bytesMax + 1)
        } catch {
            throw CredentialsFileError.unreadable(path: path, reason: error.localizedDescription)
        }
        let bytes = [UInt8](contents ?? Data())
        guard bytes.count <= bytesMax else { throw CredentialsFileError.tooLarge(path: path, bytesMax: bytesMax) }
        try self.init(fileContents: bytes)
    }

    /// Parses the file's JSON text and checks it as `init(credentials:)` does.
    public init(fileContents: [UInt8]) throws {
        let document: Document
        do {
            document = try JSONDocumentDecoder.decode(fileContents)
        } catch let error as DocumentDecodingError {
            throw CredentialsFileError.malformedJSON(reason: error.message)
        }
        guard case .object(let members) = document else {
            throw CredentialsFileError.invalidMember(location: "top level", problem: "must be a JSON object")
        }
        if let unknown = members.keys.sorted().first(where: { $0 != "credentials" }) {
            throw CredentialsFileError.invalidMember(location: unknown, problem: "is not a known member")
        }
        guard case .array(let entries)? = members["credentials"] else {
            throw CredentialsFileError.invalidMember(location: "credentials", problem: "must be an array")
        }
        try self.init(credentials: entries.enumerated().map { try Self.credential($1, location: "credentials[\($0)]") })
    }

    private static func credential(_ entry: Document, location: String) throws -> Credential {
        guard case .object(let members) = entry else {
            throw CredentialsFileError.invalidMember(location: location, problem: "must be a JSON object")
        }
        if let unknown = members.keys.sorted().first(where: { !credentialMemberNames.contains($0) }) {
            throw CredentialsFileError.invalidMember(location: "\(location).\(unknown)", problem: "is not a known member")
        }
        func string(_ name: String) throws -> String {
            guard case .string(let text)? = members[name] else {
                throw CredentialsFileError.invalidMember(location: "\(location).\(name)", problem: "must be a string")
            }
            return text
        }
        var policies: [Document] = []
        switch members["policies"] {
        case nil:
            break
        case .array(let documents)?:
            for (index, policy) in documents.enumerated() {
                guard case .object = policy else {
                    throw CredentialsFileError.invalidMember(location: "\(location).policies[\(index)]",
                                                             problem: "must be a policy document (a JSON object)")
                }
                policies.append(policy)
            }
        default:
            throw CredentialsFileError.invalidMember(location: "\(location).policies", problem: "must be an array")
        }
        return Credential(accessKeyId: try string("accessKeyId"), secretAccessKey: try string("secretAccessKey"),
                          accountId: try string("accountId"), policies: policies)
    }
}
