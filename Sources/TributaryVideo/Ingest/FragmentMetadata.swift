/// The producer's Tags received since the previous cluster ended: they belong to the next fragment and are stored
/// with it (AWS's producer SDK sends fragment metadata this way).
///
/// It exists to bound what a producer can make the server hold between clusters: the SimpleTag count and the
/// name and value sizes are checked as Tags arrive (4009, FRAGMENT_METADATA_LIMIT_REACHED).
struct FragmentMetadata: Sendable {
    private(set) var tags: [MatroskaTag] = []
    private(set) var simpleTagCount = 0

    mutating func add(_ newTags: [MatroskaTag], limits: PutMediaLimits) throws(PutMediaError) {
        for tag in newTags {
            for simpleTag in tag.simpleTags { try check(simpleTag, limits: limits) }
        }
        tags += newTags
    }

    /// Returns the collected tags and starts collecting for the next fragment.
    mutating func take() -> [MatroskaTag] {
        defer { self = FragmentMetadata() }
        return tags
    }

    private mutating func check(_ tag: MatroskaSimpleTag, limits: PutMediaLimits) throws(PutMediaError) {
        simpleTagCount += 1
        guard simpleTagCount <= limits.maximumFragmentMetadataTags else {
            throw .metadataLimit("more than \(limits.maximumFragmentMetadataTags) metadata tags for one fragment")
        }
        guard tag.name.utf8.count <= limits.maximumFragmentMetadataNameBytes else {
            throw .metadataLimit("metadata name of \(tag.name.utf8.count) bytes, more than "
                + "\(limits.maximumFragmentMetadataNameBytes)")
        }
        let valueBytes = max(tag.string?.utf8.count ?? 0, tag.binary?.count ?? 0)
        guard valueBytes <= limits.maximumFragmentMetadataValueBytes else {
            throw .metadataLimit("metadata value of \(valueBytes) bytes for \(tag.name), more than "
                + "\(limits.maximumFragmentMetadataValueBytes)")
        }
        for child in tag.children { try check(child, limits: limits) }
    }
}
