/// The Info and Tracks elements of the document a cluster belongs to: storage keeps them in front of every
/// fragment so that each GetMedia chunk is a complete, playable document.
///
/// Normally these are the upload's raw elements; when the reader had already moved on to the next document, they
/// are rebuilt from the parsed values (same timecode scale, tracks, codecs and codec private data).
struct DocumentHead: Sendable {
    var info: [UInt8]?
    var tracks: [UInt8]?
    var timecodeScale: UInt64 = 1_000_000

    /// Info (a minimal one holding the timecode scale when the upload had none), then Tracks.
    var bytes: [UInt8] {
        (info ?? EBMLWriter.master(.info, [EBMLWriter.unsigned(.timecodeScale, timecodeScale)])) + (tracks ?? [])
    }

    static func infoElement(_ info: MatroskaSegmentInfo) -> [UInt8] {
        var children = [EBMLWriter.unsigned(.timecodeScale, info.timecodeScale)]
        if let duration = info.duration { children.append(EBMLWriter.float(.duration, duration)) }
        if let app = info.muxingApp { children.append(EBMLWriter.string(.muxingApp, app)) }
        if let app = info.writingApp { children.append(EBMLWriter.string(.writingApp, app)) }
        if let title = info.title { children.append(EBMLWriter.string(.title, title)) }
        return EBMLWriter.master(.info, children)
    }

    static func tracksElement(_ tracks: [MatroskaTrack]) -> [UInt8] {
        EBMLWriter.master(.tracks, tracks.map(trackEntry))
    }

    static func trackEntry(_ track: MatroskaTrack) -> [UInt8] {
        var children = [EBMLWriter.unsigned(.trackNumber, track.number)]
        if let uid = track.uid { children.append(EBMLWriter.unsigned(.trackUID, uid)) }
        if let kind = track.kind { children.append(EBMLWriter.unsigned(.trackType, kind.rawValue)) }
        children.append(EBMLWriter.string(.codecID, track.codecID))
        if let bytes = track.codecPrivate { children.append(EBMLWriter.binary(.codecPrivate, bytes)) }
        if let name = track.name { children.append(EBMLWriter.string(.trackName, name)) }
        if let language = track.language { children.append(EBMLWriter.string(.language, language)) }
        if let duration = track.defaultDuration { children.append(EBMLWriter.unsigned(.defaultDuration, duration)) }
        let video = [track.pixelWidth.map { EBMLWriter.unsigned(.pixelWidth, $0) },
                     track.pixelHeight.map { EBMLWriter.unsigned(.pixelHeight, $0) }].compactMap { $0 }
        if !video.isEmpty { children.append(EBMLWriter.master(.video, video)) }
        let audio = [track.samplingFrequency.map { EBMLWriter.float(.samplingFrequency, $0) },
                     track.channels.map { EBMLWriter.unsigned(.channels, $0) },
                     track.bitDepth.map { EBMLWriter.unsigned(.bitDepth, $0) }].compactMap { $0 }
        if !audio.isEmpty { children.append(EBMLWriter.master(.audio, audio)) }
        return EBMLWriter.master(.trackEntry, children)
    }
}
