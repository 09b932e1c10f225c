import TributaryWire

/// One way a request's credential scope (`date/region/service/aws4_request`) fails to fit the request; AWS lists
/// every problem it finds, one sentence each, in this order.
public enum CredentialScopeProblem: Sendable, Equatable {
    /// The scope names a region this server does not answer for.
    case region(signed: String)
    /// The scope names another service than the one the request reached.
    case service(expected: String)
    case terminator(signed: String)
    /// The scope's date is not the day of the request's time.
    case date(signed: String, requestDateStamp: String, requestAmzDate: String)

    /// AWS's sentence, with its trailing space (AWS joins the sentences without a separator).
    var sentence: String {
        switch self {
        case .region(let signed):
            "Credential should be scoped to a valid region, not '\(signed)'. "
        case .service(let expected):
            "Credential should be scoped to correct service: '\(expected)'. "
        case .terminator(let signed):
            "Credential should be scoped with a valid terminator: '\(SigV4.scopeTerminator)', not '\(signed)'. "
        case .date(let signed, let requestDateStamp, let requestAmzDate):
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'\(signed)' != '\(requestDateStamp)', from '\(requestAmzDate)'. "
        }
    }
}
