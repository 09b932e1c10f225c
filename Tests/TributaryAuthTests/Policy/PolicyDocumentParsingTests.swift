import TributaryAuth
import TributaryWire
import XCTest

final class PolicyDocumentParsingTests: XCTestCase {
    private func refusal(_ json: String, kind: PolicyKind = .identity) -> String? {
        do {
            _ = try PolicyDocument(json: json, kind: kind)
            return nil
        } catch let error as PolicyDocumentError {
            return error.reason
        } catch {
            return "unexpected \(error)"
        }
    }

    func testStatementAsObjectOrArrayAndElementsAsStringOrArray() throws {
        let single = try PolicyDocument(json: #"""
        {"Version": "2012-10-17", "Statement": {"Sid": "Put", "Effect": "Allow", "Action": "kinesis:PutRecord",
         "Resource": "*"}}
        """#, kind: .identity)
        XCTAssertEqual(single.version, "2012-10-17")
        XCTAssertEqual(single.statements.map(\.sid), ["Put"])
        XCTAssertEqual(single.statements.map(\.effect), [.allow])
        let list = try PolicyDocument(json: #"""
        {"Statement": [{"Effect": "Allow", "Action": ["kinesis:Get*", "kinesis:List*"],
                        "Resource": ["arn:aws:kinesis:*:*:stream/a", "arn:aws:kinesis:*:*:stream/b"]},
                       {"Effect": "Deny", "NotAction": "firehose:*",
                        "NotResource": "arn:aws:firehose:*:*:deliverystream/x"}]}
        """#, kind: .identity)
        XCTAssertNil(list.version)
        XCTAssertEqual(list.statements.map(\.effect), [.allow, .deny])
        XCTAssertNil(list.statements[0].principal)
    }

    func testParsesADecodedDocumentAsTheCredentialsFileHandsIt() throws {
        let document: Document = .object(["Statement": .array([.object([
            "Effect": .string("Allow"), "Action": .string("*"), "Resource": .string("*"),
        ])])])
        XCTAssertEqual(try PolicyDocument(parsing: document, kind: .identity).statements.count, 1)
    }

    func testResourcePolicyPrincipalShapes() throws {
        let shapes: [(String, PolicyPrincipal)] = [
            (#""*""#, .everyone),
            (#"{"AWS": "*"}"#, .everyone),
            (#"{"AWS": "arn:aws:iam::123456789012:root"}"#, .aws(["arn:aws:iam::123456789012:root"])),
            (#"{"AWS": ["123456789012", "arn:aws:iam::210987654321:user/bob"]}"#,
             .aws(["123456789012", "arn:aws:iam::210987654321:user/bob"])),
            (#"{"AWS": "arn:aws:sts::123456789012:assumed-role/reader/session"}"#,
             .aws(["arn:aws:sts::123456789012:assumed-role/reader/session"])),
        ]
        for (principal, expected) in shapes {
            let policy = try PolicyDocument(json: #"""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": \#(principal),
             "Action": "kinesis:GetRecords", "Resource": "arn:aws:kinesis:us-east-1:123456789012:stream/orders"}]}
            """#, kind: .resource)
            XCTAssertEqual(policy.statements.first?.principal, expected, principal)
        }
    }

    func testMalformedDocumentsAreRefusedWithIAMsWords() {
        let syntax = "Syntax errors in policy."
        let cases: [(String, String)] = [
            ("not json", syntax),
            ("[]", syntax),
            (#"{"Version": "2012-10-17"}"#, syntax),
            (#"{"Statement": []}"#, syntax),
            (#"{"Version": "2020-01-01", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#, syntax),
            (#"{"Statment": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#, syntax),
            (#"{"Statement": {"Effect": "Permit", "Action": "*", "Resource": "*"}}"#, syntax),
            (#"{"Statement": {"Action": "*", "Resource": "*"}}"#, syntax),
            (#"{"Statement": {"Effect": "Allow", "Action": "*", "NotAction": "*", "Resource": "*"}}"#, syntax),
            (#"{"Statement": {"Effect": "Allow", "Action": [1], "Resource": "*"}}"#, syntax),
            (#"{"Statement": {"Effect": "Allow", "Actions": "*", "Resource": "*"}}"#, syntax),
            (#"{"Statement": {"Effect": "Allow", "Resource": "*"}}"#, "Policy statement must contain actions."),
            (#"{"Statement": {"Effect": "Allow", "Action": [], "Resource": "*"}}"#,
             "Policy statement must contain actions."),
            (#"{"Statement": {"Effect": "Allow", "Action": "*"}}"#, "Policy statement must contain resources."),
            (#"{"Statement": {"Effect": "Allow", "Action": "PutRecord", "Resource": "*"}}"#,
             "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
            (#"{"Statement": {"Effect": "Allow", "Action": "kinesis:Put:Record", "Resource": "*"}}"#,
             "Actions/Condition can contain only one colon."),
            (#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "stream/orders"}}"#,
             #"Resource stream/orders must be in ARN format or "*"."#),
            (#"{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}"#,
             "Policy document should not specify a principal."),
        ]
        for (json, reason) in cases {
            XCTAssertEqual(refusal(json), reason, json)
        }
    }

    func testResourcePoliciesNeedAValidPrincipal() {
        let statement = #""Effect": "Allow", "Action": "kinesis:*", "Resource": "*""#
        XCTAssertEqual(refusal("{\"Statement\": {\(statement)}}", kind: .resource), "Missing required field Principal")
        XCTAssertEqual(refusal(#"{"Statement": {"Principal": {"AWS": "bob"}, \#(statement)}}"#, kind: .resource),
                       #"Invalid principal in policy: "AWS":"bob""#)
        XCTAssertEqual(refusal(#"{"Statement": {"Principal": {"Service": "lambda.amazonaws.com"}, \#(statement)}}"#,
                               kind: .resource),
                       #"Invalid principal in policy: "Service":"lambda.amazonaws.com""#)
        XCTAssertEqual(refusal(#"{"Statement": {"Principal": {}, \#(statement)}}"#, kind: .resource),
                       "Syntax errors in policy.")
    }

    /// Conditions would change what a statement covers; ignoring them silently would widen Allows.
    func testConditionAndNotPrincipalAreRefusedNotIgnored() {
        XCTAssertEqual(refusal(#"""
        {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
         "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}}
        """#), "Policy element Condition is not supported by this server; remove it from the statement.")
        XCTAssertEqual(refusal(#"""
        {"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "123456789012"}, "Action": "*", "Resource": "*"}}
        """#, kind: .resource),
        "Policy element NotPrincipal is not supported by this server; remove it from the statement.")
    }

    func testBoundsOnSizeAndPatternLength() {
        let padding = String(repeating: " ", count: 20_481)
        XCTAssertEqual(refusal(padding + #"{}"#),
                       "Policy document exceeds the maximum of 20480 bytes (20483 bytes).")
        let longARN = "arn:aws:kinesis:us-east-1:123456789012:stream/" + String(repeating: "a", count: 2_048)
        XCTAssertEqual(refusal(#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "\#(longARN)"}}"#),
                       "Syntax errors in policy.")
    }

    func testRefusalsRenderAsKinesisInvalidArgument() {
        let error = PolicyDocumentError(reason: "Policy statement must contain actions.")
        XCTAssertEqual(error.serviceError, ServiceError(code: "InvalidArgumentException",
                                                        message: "Policy statement must contain actions.", status: 400))
    }
}
