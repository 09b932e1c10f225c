import Foundation

/// Request ids for `x-amzn-RequestId`: random UUIDs in lower case, the form AWS uses.
public enum RequestIdentifier {
    public static func make() -> String { UUID().uuidString.lowercased() }
}
