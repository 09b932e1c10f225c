/// The wire form of an acknowledgement.
extension PutMediaAcknowledgement {
    /// The JSON object AWS sends, members in the order AWS documents them (EventType, FragmentTimecode,
    /// FragmentNumber, ErrorId, ErrorCode), absent members left out, no trailing newline. FragmentNumber is a string
    /// of digits, as AWS's numbers do not fit a 64-bit integer.
    public var json: [UInt8] {
        var members = ["\"EventType\":" + Self.quoted(eventType.rawValue)]
        if let fragmentTimecode { members.append("\"FragmentTimecode\":\(fragmentTimecode)") }
        if let fragmentNumber { members.append("\"FragmentNumber\":" + Self.quoted(fragmentNumber)) }
        if let errorId { members.append("\"ErrorId\":\(errorId)") }
        if let errorCode { members.append("\"ErrorCode\":" + Self.quoted(errorCode)) }
        return Array(("{" + members.joined(separator: ",") + "}").utf8)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
