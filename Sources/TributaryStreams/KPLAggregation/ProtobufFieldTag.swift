/// The key in front of every protobuf field: which field follows and how its value is encoded.
///
/// On the wire it is one varint holding `fieldNumber << 3 | wireType`. `offset` is where that varint starts in
/// the record's data, kept so errors can point at the field.
struct ProtobufFieldTag: Sendable, Equatable {
    var fieldNumber: Int
    var wireType: ProtobufWireType
    var offset: Int
}
