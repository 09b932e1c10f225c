import TributaryAuth
import XCTest

final class PolicyEvaluatorTests: XCTestCase {
    private let alice = PolicyTestSupport.alice
    private let orders = RequestedResource.arn(PolicyTestSupport.ordersARN)

    private func decide(_ policies: [PolicyDocument], _ action: String, _ resource: RequestedResource,
                        resourcePolicies: [PolicyDocument] = []) -> AccessDecision {
        PolicyEvaluator(identityPolicies: policies)
            .decide(caller: alice, action: action, resource: resource, resourcePolicies: resourcePolicies)
    }

    func testNoPolicyIsAnImplicitDeny() {
        XCTAssertEqual(decide([], "kinesis:PutRecord", orders), .implicitlyDenied)
    }

    func testExplicitDenyWinsOverAnyAllow() throws {
        let allowAll = try PolicyTestSupport.statement("Allow", action: #""*""#, resource: #""*""#)
        let denyPuts = try PolicyTestSupport.statement("Deny", action: #""kinesis:Put*""#, resource: #""*""#)
        XCTAssertEqual(decide([allowAll], "kinesis:PutRecord", orders), .allowed)
        XCTAssertEqual(decide([allowAll, denyPuts], "kinesis:PutRecord", orders), .explicitlyDenied(by: .identity))
        XCTAssertEqual(decide([denyPuts, allowAll], "kinesis:PutRecords", orders), .explicitlyDenied(by: .identity))
        XCTAssertEqual(decide([allowAll, denyPuts], "kinesis:GetRecords", orders), .allowed)
    }

    /// Rows: action pattern, requested action, whether the statement covers it.
    func testActionWildcardsAreCaseInsensitive() throws {
        let rows: [(String, String, Bool)] = [
            ("kinesis:Put*", "kinesis:PutRecord", true),
            ("kinesis:Put*", "kinesis:PutRecords", true),
            ("kinesis:Put*", "kinesis:GetRecords", false),
            ("kinesis:put*", "kinesis:PutRecord", true),
            ("KINESIS:PUTRECORD", "kinesis:PutRecord", true),
            ("firehose:*", "firehose:PutRecordBatch", true),
            ("firehose:*", "kinesis:PutRecord", false),
            ("kinesis:Get?ecords", "kinesis:GetRecords", true),
            ("kinesis:Get?ecords", "kinesis:GetShardIterator", false),
            ("kinesisvideo:Get*", "kinesisvideo:GetHLSStreamingSessionURL", true),
            ("*", "kinesisanalytics:CreateApplication", true),
            ("kinesis*:*", "kinesisvideo:PutMedia", true),
        ]
        for (pattern, action, covered) in rows {
            let policy = try PolicyTestSupport.statement("Allow", action: "\"\(pattern)\"", resource: #""*""#)
            XCTAssertEqual(decide([policy], action, orders), covered ? .allowed : .implicitlyDenied,
                           "\(pattern) \(action)")
        }
    }

    /// Rows: resource pattern, requested ARN, whether the statement covers it.
    func testResourceWildcardsAreCaseSensitive() throws {
        let rows: [(String, String, Bool)] = [
            ("arn:aws:kinesis:*:*:stream/orders-*", "arn:aws:kinesis:us-east-1:123456789012:stream/orders-eu", true),
            ("arn:aws:kinesis:*:*:stream/orders-*", "arn:aws:kinesis:us-east-1:123456789012:stream/orders", false),
            ("arn:aws:kinesis:*:*:stream/orders-*", "arn:aws:kinesis:us-east-1:123456789012:stream/Orders-eu", false),
            ("arn:aws:kinesis:us-east-1:123456789012:stream/orders", PolicyTestSupport.ordersARN, true),
            ("arn:aws:kinesis:eu-west-1:123456789012:stream/orders", PolicyTestSupport.ordersARN, false),
            ("arn:aws:kinesis:*:*:stream/orders*", "arn:aws:kinesis:us-east-1:1:stream/orders/consumer/c:1", true),
            ("arn:aws:firehose:*:*:deliverystream/*", "arn:aws:firehose:us-east-1:1:deliverystream/logs", true),
        ]
        for (pattern, arn, covered) in rows {
            let policy = try PolicyTestSupport.statement("Allow", action: #""*""#, resource: "\"\(pattern)\"")
            XCTAssertEqual(decide([policy], "kinesis:PutRecord", .arn(arn)), covered ? .allowed : .implicitlyDenied,
                           "\(pattern) \(arn)")
        }
    }

    func testNotActionAndNotResourceCoverEverythingElse() throws {
        let allowAllButDeletes = try PolicyTestSupport.identity(#"""
        {"Statement": {"Effect": "Allow", "NotAction": ["kinesis:Delete*"], "Resource": "*"}}
        """#)
        XCTAssertEqual(decide([allowAllButDeletes], "kinesis:PutRecord", orders), .allowed)
        XCTAssertEqual(decide([allowAllButDeletes], "kinesis:DeleteStream", orders), .implicitlyDenied)
        let denyOutsideOrders = try PolicyTestSupport.identity(#"""
        {"Statement": [{"Effect": "Allow", "Action": "kinesis:*", "Resource": "*"},
                       {"Effect": "Deny", "Action": "kinesis:*", "NotResource": "arn:aws:kinesis:*:*:stream/orders"}]}
        """#)
        XCTAssertEqual(decide([denyOutsideOrders], "kinesis:PutRecord", orders), .allowed)
        XCTAssertEqual(decide([denyOutsideOrders], "kinesis:PutRecord", .arn("arn:aws:kinesis:us-east-1:1:stream/x")),
                       .explicitlyDenied(by: .identity))
    }

    /// Operations without resource-level permissions are covered only by `"Resource": "*"`.
    func testAccountOperationsNeedTheStarResource() throws {
        let streamsOnly = try PolicyTestSupport.statement("Allow", action: #""kinesis:*""#,
                                                          resource: #""arn:aws:kinesis:*:*:stream/*""#)
        let everything = try PolicyTestSupport.statement("Allow", action: #""kinesis:*""#, resource: #""*""#)
        XCTAssertEqual(decide([streamsOnly], "kinesis:ListStreams", .all), .implicitlyDenied)
        XCTAssertEqual(decide([everything], "kinesis:ListStreams", .all), .allowed)
    }

    /// A Kinesis Video stream named without its creation time: Allow must cover every incarnation, a Deny of any
    /// incarnation applies.
    func testNameOnlyResourcesAllowOnlyWhenEveryIncarnationIsCovered() throws {
        let byName = RequestedResource.anyARN(withPrefix: "arn:aws:kinesisvideo:us-east-1:123456789012:stream/cam/",
                                              completion: .creationTime, shownAs: "cam")
        let allowCam = try PolicyTestSupport.statement("Allow", action: #""kinesisvideo:*""#,
                                                       resource: #""arn:aws:kinesisvideo:*:*:stream/cam/*""#)
        let allowOne = try PolicyTestSupport.statement(
            "Allow", action: #""kinesisvideo:*""#, resource: #""arn:aws:kinesisvideo:*:*:stream/cam/1700000000000""#)
        let denyOne = try PolicyTestSupport.statement(
            "Deny", action: #""kinesisvideo:PutMedia""#, resource: #""arn:aws:kinesisvideo:*:*:stream/cam/17*""#)
        XCTAssertEqual(decide([allowCam], "kinesisvideo:PutMedia", byName), .allowed)
        XCTAssertEqual(decide([allowOne], "kinesisvideo:PutMedia", byName), .implicitlyDenied)
        XCTAssertEqual(decide([allowCam, denyOne], "kinesisvideo:PutMedia", byName), .explicitlyDenied(by: .identity))
        XCTAssertEqual(decide([allowCam, denyOne], "kinesisvideo:GetMedia", byName), .allowed)
        let denyElsewhere = try PolicyTestSupport.identity(#"""
        {"Statement": {"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:kinesisvideo:*:*:stream/cam/*"}}
        """#)
        XCTAssertEqual(decide([allowCam, denyElsewhere], "kinesisvideo:PutMedia", byName), .allowed)
        let allowNotDoor = try PolicyTestSupport.identity(#"""
        {"Statement": {"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:kinesisvideo:*:*:stream/door/*"}}
        """#)
        XCTAssertEqual(decide([allowNotDoor], "kinesisvideo:PutMedia", byName), .allowed)
    }

    func testResourcePolicyAllowsCallersItsPrincipalNames() throws {
        let policy = { (principal: String) in
            try PolicyTestSupport.resource(#"""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": \#(principal),
             "Action": ["kinesis:GetRecords", "kinesis:GetShardIterator"],
             "Resource": "\#(PolicyTestSupport.ordersARN)"}}
            """#)
        }
        let rows: [(String, AccessDecision)] = [
            (#""*""#, .allowed),
            (#"{"AWS": "123456789012"}"#, .allowed),
            (#"{"AWS": "arn:aws:iam::123456789012:root"}"#, .allowed),
            (#"{"AWS": "arn:aws:iam::123456789012:user/alice"}"#, .allowed),
            (#"{"AWS": "arn:aws:iam::123456789012:user/bob"}"#, .implicitlyDenied),
            (#"{"AWS": ["210987654321", "arn:aws:iam::123456789012:role/reader"]}"#, .implicitlyDenied),
        ]
        for (principal, expected) in rows {
            XCTAssertEqual(decide([], "kinesis:GetRecords", orders, resourcePolicies: [try policy(principal)]),
                           expected, principal)
        }
        XCTAssertEqual(decide([], "kinesis:PutRecord", orders, resourcePolicies: [try policy(#""*""#)]),
                       .implicitlyDenied)
    }

    func testResourcePolicyDenyWinsOverIdentityAllow() throws {
        let allowAll = try PolicyTestSupport.statement("Allow", action: #""*""#, resource: #""*""#)
        let denyAlice = try PolicyTestSupport.resource(#"""
        {"Statement": {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:user/alice"},
         "Action": "kinesis:PutRecord", "Resource": "*"}}
        """#)
        let denyBob = try PolicyTestSupport.resource(#"""
        {"Statement": {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::123456789012:user/bob"},
         "Action": "kinesis:PutRecord", "Resource": "*"}}
        """#)
        XCTAssertEqual(decide([allowAll], "kinesis:PutRecord", orders, resourcePolicies: [denyAlice]),
                       .explicitlyDenied(by: .resource))
        XCTAssertEqual(decide([allowAll], "kinesis:PutRecord", orders, resourcePolicies: [denyBob]), .allowed)
    }

    func testIdentityDenyIsReportedBeforeAResourceDeny() throws {
        let denyIdentity = try PolicyTestSupport.statement("Deny", action: #""*""#, resource: #""*""#)
        let denyResource = try PolicyTestSupport.resource(#"""
        {"Statement": {"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}}
        """#)
        XCTAssertEqual(decide([denyIdentity], "kinesis:PutRecord", orders, resourcePolicies: [denyResource]),
                       .explicitlyDenied(by: .identity))
    }

    func testAuthorizeThrowsTheDenial() throws {
        let evaluator = PolicyEvaluator(identityPolicies: [])
        XCTAssertThrowsError(try evaluator.authorize(caller: alice, action: "kinesis:PutRecord", resource: orders)) {
            XCTAssertEqual($0 as? AccessDeniedError, AccessDeniedError(
                caller: alice, action: "kinesis:PutRecord", resource: orders, decision: .implicitlyDenied))
        }
        let allowAll = try PolicyTestSupport.statement("Allow", action: #""*""#, resource: #""*""#)
        XCTAssertNoThrow(try PolicyEvaluator(identityPolicies: [allowAll])
            .authorize(caller: alice, action: "kinesis:PutRecord", resource: orders))
    }
}
