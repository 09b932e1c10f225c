/// One named header of an event stream message, kept in an ordered array because the wire keeps their order and
/// names such as `:event-type` are looked up, not iterated as a dictionary.
///
/// Layout on the wire (the value's own layout is on `EventStreamHeaderValue`):
///
/// | Offset | Size | Field                              |
/// |--------|------|------------------------------------|
/// | 0      | 1    | name length n (UInt8)              |
/// | 1      | n    | name, UTF-8                        |
/// | 1 + n  | 1    | value type (0-9)                   |
/// | 2 + n  | ...  | value                              |
public struct EventStreamHeader: Sendable, Equatable {
    /// At most 255 bytes of UTF-8.
    public var name: String
    public var value: EventStreamHeaderValue

    public init(name: String, value: EventStreamHeaderValue) {
        self.name = name
        self.value = value
    }
}
