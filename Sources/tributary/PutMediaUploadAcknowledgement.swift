import Foundation

/// One acknowledgement line of a PutMedia response, e.g.
/// `{"EventType":"PERSISTED","FragmentTimecode":1663277247152,"FragmentNumber":"9134…"}` or
/// `{"EventType":"ERROR","ErrorCode":"INVALID_MKV_DATA","ErrorId":4006}`.
///
/// It exists to tell an ERROR acknowledgement (the upload failed; the command exits 1) from the others. The line
/// itself is printed exactly as received, so nothing else of it is decoded; a line that is not a JSON object is
/// printed too and counts as no error.
struct PutMediaUploadAcknowledgement: Sendable, Equatable {
    /// The `EventType` field (BUFFERING, RECEIVED, PERSISTED, ERROR, IDLE), nil when the line has none.
    let eventType: String?

    init(line: [UInt8]) {
        let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
        eventType = object?["EventType"] as? String
    }

    var isError: Bool { eventType == "ERROR" }
}
