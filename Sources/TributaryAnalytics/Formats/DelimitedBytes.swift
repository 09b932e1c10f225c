/// Splits record bytes at a delimiter of one or more bytes (`\n`, `\r\n`, `|~|`), as CSV mapping cuts a record
/// into rows and a row into fields.
///
/// It works on bytes, not Swift `Character`s, because `\r\n` is a single Character: splitting a String at `\n`
/// would miss it. Fields keep their bytes as they are (no quoting: Kinesis Data Analytics CSV has none).
public enum DelimitedBytes {
    /// The pieces of `bytes` between occurrences of `delimiter`, empty pieces included. An empty delimiter yields
    /// the whole input as one piece.
    public static func split(_ bytes: ArraySlice<UInt8>, by delimiter: [UInt8]) -> [ArraySlice<UInt8>] {
        guard let first = delimiter.first else { return [bytes] }
        var pieces: [ArraySlice<UInt8>] = []
        var pieceStart = bytes.startIndex
        var index = bytes.startIndex
        let lastStart = bytes.endIndex - delimiter.count
        while index <= lastStart {
            if bytes[index] == first, matches(bytes, at: index, delimiter) {
                pieces.append(bytes[pieceStart ..< index])
                index += delimiter.count
                pieceStart = index
            } else {
                index += 1
            }
        }
        pieces.append(bytes[pieceStart ..< bytes.endIndex])
        return pieces
    }

    /// The rows of a record: its pieces between row delimiters, without empty rows (blank lines and the empty
    /// piece after a final delimiter carry no data).
    public static func rows(_ bytes: [UInt8], delimiter: [UInt8]) -> [ArraySlice<UInt8>] {
        split(bytes[...], by: delimiter).filter { !$0.isEmpty }
    }

    /// Whether `bytes` holds `delimiter` anywhere.
    public static func contains(_ bytes: [UInt8], _ delimiter: [UInt8]) -> Bool {
        guard !delimiter.isEmpty, bytes.count >= delimiter.count else { return false }
        for index in 0 ... (bytes.count - delimiter.count) where matches(bytes[...], at: index, delimiter) {
            return true
        }
        return false
    }

    private static func matches(_ bytes: ArraySlice<UInt8>, at index: Int, _ delimiter: [UInt8]) -> Bool {
        for offset in 0 ..< delimiter.count where bytes[index + offset] != delimiter[offset] {
            return false
        }
        return true
    }
}
