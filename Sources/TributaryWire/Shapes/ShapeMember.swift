/// One member of a structure shape, in the order the model lists it (the order AWS reports failures in here).
public struct ShapeMember: Sendable {
    /// The member's name in requests: `DeliveryStreamName`.
    public let name: String
    /// The name of the member's shape: `DeliveryStreamName`, `ExtendedS3DestinationConfiguration`.
    public let shapeName: String
    public let isRequired: Bool
    /// Where a REST protocol carries the member (`uri`, `querystring`, `header`, `headers`); nil for the body.
    public let location: String?
    /// The name of the URI label, query parameter or header that carries the member, when `location` is set.
    public let locationName: String?
    /// The member's name as AWS writes it in a validation path: the first letter lowercased
    /// (`DeliveryStreamName` → `deliveryStreamName`, `SizeInMBs` → `sizeInMBs`, `RoleARN` → `roleARN`).
    public let pathName: String
    /// Position of the member's shape in the model's shape table.
    let shapeIndex: Int

    init(name: String, shapeName: String, shapeIndex: Int, isRequired: Bool, location: String?,
         locationName: String?) {
        self.name = name
        self.shapeName = shapeName
        self.shapeIndex = shapeIndex
        self.isRequired = isRequired
        self.location = location
        self.locationName = locationName
        self.pathName = name.prefix(1).lowercased() + name.dropFirst()
    }
}
