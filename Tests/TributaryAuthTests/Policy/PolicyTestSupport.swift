import TributaryAuth
import XCTest

/// Shared fixtures: one account, its user, and policies written as JSON text.
enum PolicyTestSupport {
    static let account = "123456789012"
    static let alice = CallerIdentity(accountId: account, userName: "alice")
    static let ordersARN = "arn:aws:kinesis:us-east-1:123456789012:stream/orders"

    static func identity(_ json: String) throws -> PolicyDocument {
        try PolicyDocument(json: json, kind: .identity)
    }

    static func resource(_ json: String) throws -> PolicyDocument {
        try PolicyDocument(json: json, kind: .resource)
    }

    /// A one-statement identity policy.
    static func statement(_ effect: String, action: String, resource: String) throws -> PolicyDocument {
        try identity(#"""
        {"Version": "2012-10-17",
         "Statement": {"Effect": "\#(effect)", "Action": \#(action), "Resource": \#(resource)}}
        """#)
    }
}
