/// Parses JSON text (RFC 8259) into a `Document`, working directly on bytes.
///
/// Why hand-made: the gateway's hot path is a PutRecords body of up to 500 records, and Foundation's
/// `JSONSerialization` / `JSONDecoder` spend about ten times as long on it as this parser (which builds the
/// `Document` in one pass with no intermediate objects).
///
/// What it accepts, exactly:
/// - one JSON value, optionally surrounded by whitespace (space, tab, line feed, carriage return); anything after
///   it is an error;
/// - numbers without fraction or exponent that fit `Int64` become `.integer`, all others `.double`; a number
///   beyond `Double`'s range is an error;
/// - strings must be valid UTF-8 with no raw control characters (U+0000...U+001F); escapes are the eight of
///   RFC 8259 §7 plus `\uXXXX`, where a high surrogate must be followed by an escaped low surrogate;
/// - objects keep the last value of a repeated member name;
/// - arrays and objects may nest at most `WireLimits.nestingDepthMax` deep (a bound on recursion, so hostile input
///   cannot exhaust the stack). How large a body may be is the caller's bound.
///
/// The decoder is stateless and safe to call from any thread.
public enum JSONDocumentDecoder {
    public static func decode(_ bytes: [UInt8]) throws -> Document {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    public static func decode(_ buffer: UnsafeRawBufferPointer) throws -> Document {
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            throw DocumentDecodingError("Unexpected end of JSON input at offset 0")
        }
        var parser = JSONParser(start: base, count: buffer.count)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.isAtEnd else { throw parser.error("Unexpected data after the JSON value") }
        return value
    }
}
