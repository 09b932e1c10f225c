import Foundation

/// Calls the function of a Lambda processor through the configured transform endpoint (an HTTPS/HTTP URL or a local
/// command), passing Lambda's Firehose event and returning the function's response body.
struct LambdaInvoker: Sendable {
    let endpoint: TransformEndpoint
    let transport: HTTPTransport

    struct InvocationFailed: Error, CustomStringConvertible { let description: String }

    func invoke(functionARN: String, event: [UInt8]) async throws -> [UInt8] {
        switch endpoint {
        case .http(let url):
            let response = try await transport.send(HTTPRequestSpec(
                method: "POST", url: url,
                headers: [("Content-Type", "application/json"), ("X-Tributary-Lambda-Arn", functionARN)], body: event))
            guard response.status == 200 else {
                throw InvocationFailed(description: "The transform endpoint answered HTTP \(response.status).")
            }
            return response.body
        case .command(let command):
            return try await CommandRunner.run(command, environment: ["LAMBDA_ARN": functionARN], input: event,
                                               timeoutSeconds: 300)
        }
    }
}
