/// Bounds of request authentication and of the credentials file, each with its reason.
public enum AuthenticationLimits {
    /// How far a request's signing time may be from the server's clock, either way: Kinesis allows 5 minutes (its
    /// "Signature expired … - 5 min." errors), which bounds how long a captured request can be replayed.
    public static let clockSkewSecondsMax: Int64 = 300
    /// Longest validity of a presigned URL: a SigV4 signing key is good for seven days, so AWS refuses more.
    public static let presignedExpiresSecondsMax: Int64 = 604_800
    /// Largest credentials file read: thousands of keys with policies fit; a bigger file is a mistake (a log or a
    /// dump given by accident) and is refused before it is parsed.
    public static let credentialsFileBytesMax = 4 * 1024 * 1024
    /// Longest access key id: IAM's own bound.
    public static let accessKeyIdCharactersMax = 128
}
