import Foundation
import TributaryAuth
import TributaryWire
import XCTest

/// The credentials file is read into a store that finds keys, and every kind of mistake in it is refused with a
/// message that says where it is.
final class CredentialStoreTests: XCTestCase {
    private let policy = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kinesis:*", "Resource": "*"}]}"#

    func testFileWithTwoKeysIsReadWithTheirPolicies() throws {
        let store = try CredentialStore(fileContents: Array("""
            {"credentials": [
              {"accessKeyId": "AKIDADMIN", "secretAccessKey": "s3cr3t", "accountId": "123456789012",
               "policies": [\(policy)]},
              {"accessKeyId": "AKIDREADER", "secretAccessKey": "other", "accountId": "123456789012"}
            ]}
            """.utf8))
        XCTAssertEqual(store.accountId, "123456789012")
        let admin = try XCTUnwrap(store.credential(accessKeyId: "AKIDADMIN"))
        XCTAssertEqual(admin.secretAccessKey, "s3cr3t")
        XCTAssertEqual(admin.policies, [try JSONDocumentDecoder.decode(Array(policy.utf8))])
        XCTAssertEqual(store.credential(accessKeyId: "AKIDREADER")?.policies, [])
        XCTAssertNil(store.credential(accessKeyId: "akidadmin"))
    }

    func testFileIsReadFromDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("credentials-\(UUID()).json").path
        try Data(#"{"credentials": [{"accessKeyId": "AKID", "secretAccessKey": "x", "accountId": "000000000001"}]}"#
            .utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try CredentialStore(contentsOfFile: path).accountId, "000000000001")
    }

    func testMissingFileIsUnreadable() {
        XCTAssertThrowsError(try CredentialStore(contentsOfFile: "/nonexistent/credentials.json")) { error in
            guard case .unreadable(let path, _)? = error as? CredentialsFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent/credentials.json")
        }
    }

    func testFileLargerThanTheLimitIsRefusedUnparsed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("credentials-\(UUID()).json").path
        try Data(count: AuthenticationLimits.credentialsFileBytesMax + 1).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try CredentialStore(contentsOfFile: path)) { error in
            XCTAssertEqual(error as? CredentialsFileError,
                           .tooLarge(path: path, bytesMax: AuthenticationLimits.credentialsFileBytesMax))
        }
    }

    func testTextThatIsNotJSONIsRefused() {
        assertRefused(#"{"credentials": [}"#) { error in
            guard case .malformedJSON = error else { return XCTFail("\(error)") }
        }
    }

    func testMisspeltMemberIsRefusedWithItsLocation() {
        assertRefused(#"{"credentials": [{"accessKeyId": "A", "secretKey": "x", "accountId": "123456789012"}]}"#) {
            XCTAssertEqual($0, .invalidMember(location: "credentials[0].secretKey", problem: "is not a known member"))
            XCTAssertEqual($0.description, "The credentials file's credentials[0].secretKey is not a known member.")
        }
    }

    func testMissingSecretIsRefused() {
        assertRefused(#"{"credentials": [{"accessKeyId": "A", "accountId": "123456789012"}]}"#) {
            XCTAssertEqual($0, .invalidMember(location: "credentials[0].secretAccessKey", problem: "must be a string"))
        }
    }

    func testPolicyThatIsNotAnObjectIsRefused() {
        assertRefused(#"{"credentials": [{"accessKeyId": "A", "secretAccessKey": "x", "accountId": "123456789012", "policies": ["kinesis:*"]}]}"#) {
            XCTAssertEqual($0, .invalidMember(location: "credentials[0].policies[0]",
                                              problem: "must be a policy document (a JSON object)"))
        }
    }

    func testEmptyCredentialListIsRefused() {
        assertRefused(#"{"credentials": []}"#) { XCTAssertEqual($0, .noCredentials) }
    }

    func testDuplicateAccessKeyIsRefused() {
        assertRefused(#"""
            {"credentials": [{"accessKeyId": "A", "secretAccessKey": "x", "accountId": "123456789012"},
                             {"accessKeyId": "A", "secretAccessKey": "y", "accountId": "123456789012"}]}
            """#) { XCTAssertEqual($0, .duplicateAccessKeyId("A")) }
    }

    func testAccessKeyThatCannotTravelInACredentialScopeIsRefused() {
        assertRefused(#"{"credentials": [{"accessKeyId": "AKID/x", "secretAccessKey": "x", "accountId": "123456789012"}]}"#) {
            XCTAssertEqual($0, .invalidAccessKeyId(location: "credentials[0].accessKeyId", value: "AKID/x"))
        }
    }

    func testEmptySecretIsRefused() {
        assertRefused(#"{"credentials": [{"accessKeyId": "A", "secretAccessKey": "", "accountId": "123456789012"}]}"#) {
            XCTAssertEqual($0, .emptySecretAccessKey(accessKeyId: "A"))
        }
    }

    func testAccountIdMustBeTwelveDigits() {
        for accountId in ["12345678901", "1234567890123", "12345678901a"] {
            assertRefused(#"{"credentials": [{"accessKeyId": "A", "secretAccessKey": "x", "accountId": "\#(accountId)"}]}"#) {
                XCTAssertEqual($0, .invalidAccountId(accessKeyId: "A", value: accountId))
            }
        }
    }

    func testCredentialsOfSeveralAccountsAreRefused() {
        assertRefused(#"""
            {"credentials": [{"accessKeyId": "A", "secretAccessKey": "x", "accountId": "111111111111"},
                             {"accessKeyId": "B", "secretAccessKey": "y", "accountId": "222222222222"}]}
            """#) {
            XCTAssertEqual($0, .mixedAccountIds(["111111111111", "222222222222"]))
            XCTAssertTrue($0.description.contains("every credential must use the same accountId"))
        }
    }

    private func assertRefused(_ text: String, file: StaticString = #filePath, line: UInt = #line,
                               _ check: (CredentialsFileError) -> Void) {
        XCTAssertThrowsError(try CredentialStore(fileContents: Array(text.utf8)), file: file, line: line) { error in
            guard let fileError = error as? CredentialsFileError else {
                return XCTFail("unexpected \(error)", file: file, line: line)
            }
            check(fileError)
        }
    }
}
