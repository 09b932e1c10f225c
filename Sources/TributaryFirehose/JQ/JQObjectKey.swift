/// An object member's name, hashed and compared by its UTF-8 bytes (see `JQText` for why not by `String`'s rules).
struct JQObjectKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (left: JQObjectKey, right: JQObjectKey) -> Bool {
        JQText.equal(left.text, right.text)
    }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
