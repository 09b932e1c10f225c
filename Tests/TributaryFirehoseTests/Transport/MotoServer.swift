import Foundation
@testable import TributaryFirehose
import TributaryAuth
import TributaryWire
import XCTest

/// moto's server (`python3 -m moto.server`, moto 5.2) as the S3-compatible endpoint of the integration tests.
///
/// moto checks signatures only when `INITIAL_NO_AUTH_ACTION_COUNT` is finite, and then only for access keys of IAM
/// users it knows. So `withSignatureChecks()` lets exactly three requests through unchecked (CreateUser,
/// CreateAccessKey, PutUserPolicy with an allow-all policy) and every later request is verified.
final class MotoServer {
    static let uncheckedSetupRequestCount = 3
    let process: LocalServerProcess
    let endpoint: URL

    private init(environment: [String: String]) throws {
        do {
            process = try LocalServerProcess(arguments: ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "{port}"],
                                             environment: environment, startupSeconds: 60)
        } catch {
            throw LocalServerProcess.ServerStartFailure(
                message: "moto's S3 server could not be started (pip install 'moto[server]'): \(error)")
        }
        endpoint = URL(string: "http://127.0.0.1:\(process.port)")!
    }

    /// moto without signature checks (its default): any credentials are accepted.
    static func withoutSignatureChecks() throws -> MotoServer {
        try MotoServer(environment: [:])
    }

    /// moto checking every signature, and the credentials of an IAM user allowed everything.
    static func withSignatureChecks() async throws -> (MotoServer, S3Credentials) {
        let server = try MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": String(uncheckedSetupRequestCount)])
        let setup = SigV4Signer(accessKeyId: "AKIASETUP", secretAccessKey: "unchecked", region: "us-east-1",
                                service: "iam", uriRule: .standard)
        _ = try await server.iam("CreateUser", ["UserName": "firehose"], signer: setup)
        let created = try await server.iam("CreateAccessKey", ["UserName": "firehose"], signer: setup)
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        _ = try await server.iam("PutUserPolicy", ["UserName": "firehose", "PolicyName": "all", "PolicyDocument": policy],
                                 signer: setup)
        let path = ["CreateAccessKeyResult", "AccessKey"]
        guard let document = S3XMLDocument(parsing: created.body),
              let keyId = document.text(at: path + ["AccessKeyId"]),
              let secret = document.text(at: path + ["SecretAccessKey"])
        else { throw LocalServerProcess.ServerStartFailure(message: "moto's CreateAccessKey answer has no key") }
        return (server, S3Credentials(accessKeyId: keyId, secretAccessKey: secret))
    }

    /// One IAM query-protocol call (form-encoded POST), signed with `signer`.
    func iam(_ action: String, _ parameters: [String: String], signer: SigV4Signer) async throws -> HTTPResponseData {
        var form = parameters.map { (name: $0.key, value: $0.value) }
        form += [(name: "Action", value: action), (name: "Version", value: "2010-05-08")]
        let body = Array(SigV4Canonicalization.canonicalQuery(parameters: form).utf8)
        let url = endpoint.appendingPathComponent("")
        let payloadHash = SigV4Cryptography.sha256Hex(body)
        let signed = try signer.sign(
            method: "POST", url: url, headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            payloadHash: payloadHash, at: SigV4Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
        return try await HTTPTransport(timeoutSeconds: 30).send(
            HTTPRequestSpec(method: "POST", url: url, headers: signed.headers, body: body))
    }

    func stop() { process.stop() }
}
