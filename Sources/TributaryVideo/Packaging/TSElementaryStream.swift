/// One track as an elementary stream of the segment's program: its PID, PMT stream type, PES stream id, and how its
/// frames become access units (Annex B video, ADTS audio).
///
/// It exists so PIDs and stream types are decided once, the same way for every segment of a stream: the track at
/// index i of the track list gets PID 0x100 + i, so a playlist's segments agree and a player never sees a PMT
/// change. Codec support and CodecPrivate are checked by `MP4Track`, as for MP4 playback, so both container formats
/// accept and refuse the same tracks.
struct TSElementaryStream: Sendable {
    /// How a track's frames are written.
    enum Payload: Sendable {
        case annexB(TSAnnexBConverter)
        case adts(TSADTSHeader)
    }

    static let firstPID: UInt16 = 0x100
    /// PMT stream_type values (ISO/IEC 13818-1 Table 2-34).
    static let h264StreamType: UInt8 = 0x1B
    static let h265StreamType: UInt8 = 0x24
    static let adtsStreamType: UInt8 = 0x0F
    /// PES stream_id ranges: 16 video streams from 0xE0, 32 audio streams from 0xC0.
    static let firstVideoStreamID: UInt8 = 0xE0
    static let videoStreamIDs = 16
    static let firstAudioStreamID: UInt8 = 0xC0
    static let audioStreamIDs = 32

    let trackNumber: UInt64
    let pid: UInt16
    let streamType: UInt8
    let streamID: UInt8
    let payload: Payload

    var isVideo: Bool {
        if case .annexB = payload { true } else { false }
    }

    /// The streams of `tracks`, in order; throws for a track the TS muxer cannot carry.
    static func streams(for tracks: [MatroskaTrack]) throws(TSPackagingError) -> [TSElementaryStream] {
        var streams: [TSElementaryStream] = []
        var videoCount = 0
        var audioCount = 0
        for (index, track) in tracks.enumerated() {
            let codec = try codec(track)
            let pid = firstPID + UInt16(index)
            switch codec {
            case .avc(let configuration):
                let sets = try readParameterSets(track) { () throws(MP4ConfigurationError) in
                    try TSParameterSets.avc(configuration)
                }
                let converter = TSAnnexBConverter(codec: .h264, nalLengthSize: configuration.nalLengthSize,
                                                  parameterSets: sets)
                let streamID = try nextStreamID(track, first: firstVideoStreamID, limit: videoStreamIDs,
                                                count: &videoCount, kind: "video")
                streams.append(TSElementaryStream(trackNumber: track.number, pid: pid, streamType: h264StreamType,
                                                  streamID: streamID, payload: .annexB(converter)))
            case .hevc(let configuration):
                let sets = try readParameterSets(track) { () throws(MP4ConfigurationError) in
                    try TSParameterSets.hevc(configuration)
                }
                let converter = TSAnnexBConverter(codec: .h265, nalLengthSize: configuration.nalLengthSize,
                                                  parameterSets: sets)
                let streamID = try nextStreamID(track, first: firstVideoStreamID, limit: videoStreamIDs,
                                                count: &videoCount, kind: "video")
                streams.append(TSElementaryStream(trackNumber: track.number, pid: pid, streamType: h265StreamType,
                                                  streamID: streamID, payload: .annexB(converter)))
            case .aac(let configuration):
                let header: TSADTSHeader
                do throws(MP4ConfigurationError) {
                    header = try TSADTSHeader(configuration)
                } catch {
                    throw .unsupportedMediaType(trackNumber: track.number, reason: "cannot be carried in MPEG-TS: "
                                                + error.reason)
                }
                let streamID = try nextStreamID(track, first: firstAudioStreamID, limit: audioStreamIDs,
                                                count: &audioCount, kind: "audio")
                streams.append(TSElementaryStream(trackNumber: track.number, pid: pid, streamType: adtsStreamType,
                                                  streamID: streamID, payload: .adts(header)))
            }
        }
        return streams
    }

    /// The access unit (PES payload) for one of this track's frames.
    func accessUnit(_ frame: MatroskaFrame) throws(TSPackagingError) -> [UInt8] {
        switch payload {
        case .annexB(let converter): try converter.accessUnit(frame)
        case .adts(let header): try header.frame(frame)
        }
    }

    /// The track's codec, checked as for MP4 playback.
    private static func codec(_ track: MatroskaTrack) throws(TSPackagingError) -> MP4CodecConfiguration {
        do throws(MP4PackagingError) {
            return try MP4Track(track).codec
        } catch {
            throw TSPackagingError(error)
        }
    }

    /// The parameter sets of a record; lists that do not fit the record make the CodecPrivate invalid.
    private static func readParameterSets(_ track: MatroskaTrack,
                                          _ read: () throws(MP4ConfigurationError) -> [[UInt8]])
        throws(TSPackagingError) -> [[UInt8]] {
        do throws(MP4ConfigurationError) {
            return try read()
        } catch {
            throw .invalidCodecPrivateData(trackNumber: track.number, reason: error.reason)
        }
    }

    /// The PES stream id for the next track of a kind, `first + count`, within the kind's range.
    private static func nextStreamID(_ track: MatroskaTrack, first: UInt8, limit: Int, count: inout Int,
                                     kind: String) throws(TSPackagingError) -> UInt8 {
        guard count < limit else {
            throw .unsupportedMediaType(trackNumber: track.number, reason: "is one \(kind) track more than the "
                                        + "\(limit) PES stream ids for \(kind) in MPEG-TS")
        }
        defer { count += 1 }
        return first + UInt8(count)
    }
}
