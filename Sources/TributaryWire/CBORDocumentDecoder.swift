/// Parses CBOR (RFC 8949) bodies, as the AWS SDK for Java and the KCL send them for `application/x-amz-cbor-1.1`,
/// into a `Document`.
///
/// The Java SDK turns CBOR on by default for Kinesis because record data then travels as raw byte strings instead of
/// base64 text. The mapping onto `Document`:
///
/// | CBOR                                             | Document                                             |
/// |--------------------------------------------------|------------------------------------------------------|
/// | unsigned / negative integer (major type 0, 1)    | `.integer`; beyond Int64 `.double`                   |
/// | byte string (2), definite or chunked             | `.blob`                                              |
/// | text string (3), definite or chunked             | `.string` (UTF-8 validated, chunk by chunk)          |
/// | array (4), map (5), definite or indefinite       | `.array`, `.object` (keys must be text; last wins)   |
/// | tag 1 around an integer or float                 | `.timestamp`, scaled by `CBORTimestampUnit`          |
/// | any other tag                                    | its content; the tag is ignored                      |
/// | false, true, null, undefined                     | `.bool`, `.null`                                     |
/// | half, single, double float                       | `.double` (integral floats stay `.double`)           |
///
/// Refused with `DocumentDecodingError`: truncated input, trailing bytes, reserved additional information (28-30),
/// a break outside an indefinite-length item, indefinite integers or tags, other simple values, non-text map keys,
/// a tag 1 around anything but a number, nesting deeper than `WireLimits.nestingDepthMax`, lengths beyond the
/// remaining input (checked before allocating) and invalid UTF-8.
///
/// Timestamps default to milliseconds because that is what `application/x-amz-cbor-1.1` clients write (see
/// `CBORTimestampUnit`); pass `.seconds` for RFC 8949 / Smithy RPC v2 CBOR.
public enum CBORDocumentDecoder {
    public static func decode(_ bytes: [UInt8], timestampUnit: CBORTimestampUnit = .milliseconds) throws -> Document {
        try bytes.withUnsafeBytes { try decode($0, timestampUnit: timestampUnit) }
    }

    public static func decode(
        _ buffer: UnsafeRawBufferPointer, timestampUnit: CBORTimestampUnit = .milliseconds
    ) throws -> Document {
        var reader = CBORReader(bytes: buffer, timestampUnit: timestampUnit)
        let value = try reader.readValue(depth: 0)
        guard reader.index == buffer.count else { throw reader.error("Unexpected data after the CBOR value") }
        return value
    }
}
