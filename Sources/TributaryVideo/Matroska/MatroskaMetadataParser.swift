/// Turns the buffered metadata elements of a document (EBML header, Info, Tracks, Tags) into values.
enum MatroskaMetadataParser {
    static func header(_ payload: EBMLPayload) throws(MatroskaError) -> MatroskaHeader {
        var header = MatroskaHeader(docType: "matroska")
        var sawDocType = false
        for child in try payload.children() {
            switch child.id {
            case .docType: header.docType = child.payload.string(); sawDocType = true
            case .docTypeVersion: header.docTypeVersion = try child.payload.unsigned()
            case .docTypeReadVersion: header.docTypeReadVersion = try child.payload.unsigned()
            case .ebmlMaxIDLength:
                let value = try child.payload.unsigned()
                guard value <= UInt64(EBMLVarint.maximumIDLength) else {
                    throw .invalidData(offset: child.payload.streamOffset, reason: "EBMLMaxIDLength \(value)")
                }
            case .ebmlMaxSizeLength:
                let value = try child.payload.unsigned()
                guard value <= UInt64(EBMLVarint.maximumSizeLength) else {
                    throw .invalidData(offset: child.payload.streamOffset, reason: "EBMLMaxSizeLength \(value)")
                }
            default: break
            }
        }
        guard !sawDocType || header.docType == "matroska" || header.docType == "webm" else {
            throw .invalidData(offset: payload.streamOffset, reason: "DocType \"\(header.docType)\" is not Matroska")
        }
        return header
    }

    static func info(_ payload: EBMLPayload) throws(MatroskaError) -> MatroskaSegmentInfo {
        var info = MatroskaSegmentInfo()
        for child in try payload.children() {
            switch child.id {
            case .timecodeScale:
                let scale = try child.payload.unsigned()
                guard scale > 0 else { throw .invalidData(offset: child.payload.streamOffset, reason: "TimecodeScale 0") }
                info.timecodeScale = scale
            case .duration: info.duration = try child.payload.float()
            case .muxingApp: info.muxingApp = child.payload.string()
            case .writingApp: info.writingApp = child.payload.string()
            case .title: info.title = child.payload.string()
            default: break
            }
        }
        return info
    }

    static func tracks(_ payload: EBMLPayload, limits: MatroskaLimits) throws(MatroskaError) -> [MatroskaTrack] {
        var tracks: [MatroskaTrack] = []
        for child in try payload.children() where child.id == .trackEntry {
            let track = try trackEntry(child.payload)
            guard !tracks.contains(where: { $0.number == track.number }) else {
                throw .invalidData(offset: child.payload.streamOffset, reason: "track number \(track.number) declared twice")
            }
            tracks.append(track)
            guard tracks.count <= limits.maximumTracks else {
                throw .tooManyTracks(count: tracks.count, limit: limits.maximumTracks)
            }
        }
        guard !tracks.isEmpty else {
            throw .invalidData(offset: payload.streamOffset, reason: "Tracks declares no TrackEntry")
        }
        return tracks
    }

    static func trackEntry(_ payload: EBMLPayload) throws(MatroskaError) -> MatroskaTrack {
        var track = MatroskaTrack(number: 0)
        for child in try payload.children() {
            switch child.id {
            case .trackNumber: track.number = try child.payload.unsigned()
            case .trackUID: track.uid = try child.payload.unsigned()
            case .trackType: track.kind = MatroskaTrack.Kind(rawValue: try child.payload.unsigned())
            case .codecID: track.codecID = child.payload.string()
            case .codecPrivate: track.codecPrivate = child.payload.array
            case .trackName: track.name = child.payload.string()
            case .language: track.language = child.payload.string()
            case .defaultDuration: track.defaultDuration = try child.payload.unsigned()
            case .video:
                for setting in try child.payload.children() {
                    switch setting.id {
                    case .pixelWidth: track.pixelWidth = try setting.payload.unsigned()
                    case .pixelHeight: track.pixelHeight = try setting.payload.unsigned()
                    default: break
                    }
                }
            case .audio:
                for setting in try child.payload.children() {
                    switch setting.id {
                    case .samplingFrequency: track.samplingFrequency = try setting.payload.float()
                    case .channels: track.channels = try setting.payload.unsigned()
                    case .bitDepth: track.bitDepth = try setting.payload.unsigned()
                    default: break
                    }
                }
            default: break
            }
        }
        guard track.number > 0 else {
            throw .invalidData(offset: payload.streamOffset, reason: "TrackEntry without a TrackNumber")
        }
        return track
    }

    static func tags(_ payload: EBMLPayload) throws(MatroskaError) -> [MatroskaTag] {
        var tags: [MatroskaTag] = []
        for child in try payload.children() where child.id == .tag {
            var tag = MatroskaTag(simpleTags: [])
            for element in try child.payload.children() {
                switch element.id {
                case .targets:
                    for target in try element.payload.children() {
                        switch target.id {
                        case .targetTypeValue: tag.targetTypeValue = try target.payload.unsigned()
                        case .tagTrackUID: tag.trackUIDs.append(try target.payload.unsigned())
                        default: break
                        }
                    }
                case .simpleTag: tag.simpleTags.append(try simpleTag(element.payload, depth: 0))
                default: break
                }
            }
            tags.append(tag)
        }
        return tags
    }

    static func simpleTag(_ payload: EBMLPayload, depth: Int) throws(MatroskaError) -> MatroskaSimpleTag {
        guard depth < 16 else { throw .invalidData(offset: payload.streamOffset, reason: "SimpleTag nested too deep") }
        var tag = MatroskaSimpleTag(name: "")
        for child in try payload.children() {
            switch child.id {
            case .tagName: tag.name = child.payload.string()
            case .tagString: tag.string = child.payload.string()
            case .tagBinary: tag.binary = child.payload.array
            case .simpleTag: tag.children.append(try simpleTag(child.payload, depth: depth + 1))
            default: break
            }
        }
        return tag
    }
}
