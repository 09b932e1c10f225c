/// Bounds on what the SigV4 parsers accept from a client, with their reasons.
public enum SigV4Limits {
    /// Longest `Authorization` header parsed: a real one is about 200 bytes plus 30 per signed header; anything
    /// far past that is hostile and is refused before it is split.
    public static let authorizationBytesMax = 8192
    /// Most signed headers accepted: AWS SDKs sign under a dozen; the bound caps the verifier's work per request.
    public static let signedHeaderCountMax = 64
    /// Last second a timestamp may name (9999-12-31T23:59:59Z): `x-amz-date` has four year digits.
    public static let secondsSinceEpochMax: Int64 = 253_402_300_799
}
