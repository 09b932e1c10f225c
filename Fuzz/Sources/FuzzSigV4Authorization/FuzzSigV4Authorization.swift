import TributaryWire

/// Parses each input, read as UTF-8 the way the HTTP layer hands over header values, as a SigV4 `Authorization`
/// header, the first thing the verifier reads from an unauthenticated client. A header that parses must also come
/// back unchanged from its own formatting (`headerValue`), since the signer and the verifier share this type.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let header = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let authorization = SigV4Authorization(parsing: header) else { return 0 }
    let formatted = authorization.headerValue
    if formatted.utf8.count <= SigV4Limits.authorizationBytesMax {
        precondition(SigV4Authorization(parsing: formatted) == authorization,
                     "SigV4Authorization does not parse its own headerValue \(formatted.debugDescription)")
    }
    return 0
}
