import TributaryWire

extension VideoService {
    /// Checks a request against one of the three Kinesis Video models. Kinesis Video answers constraint failures
    /// with InvalidArgumentException (its models declare no ValidationException), keeping the validator's text.
    static func validate(_ request: Document, operation: String, model: ShapeModel) throws {
        do {
            try model.validate(request, operation: operation)
        } catch let error as ServiceError where error.code == "ValidationException" {
            throw VideoError.invalidArgument(error.message ?? "")
        }
    }
}
