import TributaryLog

/// A reader of a delivery stream's incoming records besides its own delivery (an Analytics application whose input
/// is the delivery stream), and the first buffer position it still needs. Delivery trims the buffer only below the
/// lowest hold, so such a reader loses nothing while it is stopped.
public struct BufferHold: Codable, Equatable, Sendable {
    /// Who holds (unique per reader, e.g. `analytics/<application>/<incarnation>/<input>`).
    public var consumer: String
    public var deliveryStream: String
    public var incarnation: Int64
    public var position: UInt64
}

/// The holds of every delivery stream, persisted.
struct BufferHolds: Sendable {
    static let namespace = "firehose-buffer-holds"
    let catalog: MetadataCatalog<BufferHold>

    init(metadata: any MetadataStore) throws {
        catalog = try MetadataCatalog(metadata: metadata, namespace: Self.namespace) { $0.consumer }
    }

    /// The lowest position a reader of this stream incarnation still needs, if any reader holds one.
    func lowest(deliveryStream: String, incarnation: Int64) -> UInt64? {
        catalog.all().filter { $0.deliveryStream == deliveryStream && $0.incarnation == incarnation }
            .map(\.position).min()
    }

    func set(_ hold: BufferHold) throws {
        if try catalog.update(hold.consumer, { $0 = hold }) == nil {
            try catalog.insert(hold) { _ in }
        }
    }

    func release(consumer: String) throws {
        try catalog.remove(consumer) { _ in true }
    }
}
