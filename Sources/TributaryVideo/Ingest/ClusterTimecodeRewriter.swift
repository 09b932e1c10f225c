/// Writes a received Cluster as storage keeps it: with a known size, and with its Timecode set to the fragment's
/// absolute producer time (in the segment's ticks), every other child copied byte for byte.
///
/// It exists because RELATIVE uploads carry timecodes from the producer's start, while every stored fragment and
/// every GetMedia chunk must carry absolute time.
enum ClusterTimecodeRewriter {
    static func knownSizeCluster(_ cluster: MatroskaCluster, timecode: UInt64) -> [UInt8] {
        guard timecode != cluster.timecode else { return cluster.knownSizeBytes() }
        let payload = cluster.payload
        var rewritten: [UInt8] = []
        rewritten.reserveCapacity(payload.count + 8)
        var index = payload.startIndex
        while index < payload.endIndex {
            // The reader has checked every child of the cluster: known sizes that fit in it.
            guard case .value(let id, let idLength) = EBMLVarint.decodeID(payload[index...]),
                  case .value(let size?, let sizeLength) = EBMLVarint.decodeSize(payload[(index + idLength)...])
            else { preconditionFailure("a cluster the reader accepted has a malformed child") }
            let end = index + idLength + sizeLength + Int(size)
            if id == .timecode {
                rewritten += EBMLWriter.unsigned(.timecode, timecode)
            } else {
                rewritten += payload[index..<end]
            }
            index = end
        }
        guard let size = EBMLVarint.encodeSize(UInt64(rewritten.count), length: 8) else {
            preconditionFailure("a cluster within the reader's size limit fits an 8-byte size")
        }
        return EBMLVarint.encodeID(.cluster) + size + rewritten
    }
}
