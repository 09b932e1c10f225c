/// The opaque `Version` strings of a stream: AWS hands out random alphanumeric strings (they match the model's
/// `[a-zA-Z0-9]+`), changed on every metadata update, so clients can only compare them for equality.
enum VideoStreamVersion {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// A fresh version, `VideoLimits.versionLength` characters long.
    static func next() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<VideoLimits.versionLength).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
