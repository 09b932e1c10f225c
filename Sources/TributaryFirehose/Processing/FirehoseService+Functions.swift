import Foundation

/// Why `FirehoseService.invokeFunction` could not get an answer from a function: no transform endpoint is
/// configured, or the endpoint failed (HTTP status, command exit, transport error).
///
/// It exists so that other services (Kinesis Data Analytics input preprocessing) can report a failed invocation
/// without knowing how this server reaches its Lambda stand-in.
public struct FunctionInvocationError: Error, CustomStringConvertible {
    public let description: String
}

extension FirehoseService {
    /// Invokes a Lambda function through the configured transform endpoint (the same stand-in Firehose's Lambda
    /// processors use): `event` is the JSON event, the answer is the function's response body. Throws
    /// `FunctionInvocationError` when no endpoint is configured or the invocation fails; the caller retries.
    public func invokeFunction(arn: String, event: [UInt8]) async throws -> [UInt8] {
        guard let endpoint = configuration.transform else {
            throw FunctionInvocationError(description:
                "No transform endpoint is configured to invoke Lambda function \(arn) (see --transform-url / --transform-command).")
        }
        do {
            let invoker = LambdaInvoker(endpoint: endpoint, transport: transport)
            return try await invoker.invoke(functionARN: arn, event: event)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw FunctionInvocationError(description: "Lambda function \(arn) failed: \(error)")
        }
    }
}
