import TributaryWire

/// Feeds each input to the CBOR decoder that reads `application/x-amz-cbor-1.1` request bodies (the Java SDK and
/// the KCL), in both timestamp units: declared lengths are attacker-controlled, so they must be checked against the
/// input before anything is allocated.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? CBORDocumentDecoder.decode(bytes, timestampUnit: .milliseconds)
    _ = try? CBORDocumentDecoder.decode(bytes, timestampUnit: .seconds)
    return 0
}
