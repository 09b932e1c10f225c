import TributaryWire

/// Feeds each input to the JSON decoder that reads every JSON 1.1 request body: any bytes may be refused with an
/// error, none may crash it, hang it or make it allocate beyond the input's size.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? JSONDocumentDecoder.decode(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
