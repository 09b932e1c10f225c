import Foundation
import TributaryWire

/// One answer of a playback resource: its content type and bytes.
public struct StreamingResource: Sendable {
    public var contentType: String
    public var body: [UInt8]
}

extension VideoService {
    /// The GET resources of HLS and DASH sessions, under `/hls/v1/` and `/dash/v1/`, as AWS names them:
    /// getHLSMasterPlaylist.m3u8, getHLSMediaPlaylist.m3u8, getDASHManifest.mpd, getMP4InitFragment.mp4,
    /// getMP4MediaFragment.mp4 and getTSFragment.ts. nil for a path that is none of them.
    ///
    /// Every request is checked against its session token; the media is repackaged from the stored fragments on
    /// each request (fMP4 through `MP4InitSegment` / `MP4MediaFragment`, MPEG-TS through `TSSegment`), nothing is
    /// cached, so memory does not grow with the number of sessions.
    public func streamingResource(path: String, query: [String: String]) throws -> StreamingResource? {
        try streamingResource(path: path, query: query, nowMs: VideoClock.nowMs())
    }

    func streamingResource(path: String, query: [String: String], nowMs: Int64) throws -> StreamingResource? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[1] == "v1" else { return nil }
        let streamingProtocol: StreamingSession.StreamingProtocol
        switch parts[0] {
        case "hls": streamingProtocol = .hls
        case "dash": streamingProtocol = .dash
        default: return nil
        }
        let resource = String(parts[2])
        let allowed: Set<String> = streamingProtocol == .hls
            ? ["getHLSMasterPlaylist.m3u8", "getHLSMediaPlaylist.m3u8", "getMP4InitFragment.mp4",
               "getMP4MediaFragment.mp4", "getTSFragment.ts"]
            : ["getDASHManifest.mpd", "getMP4InitFragment.mp4", "getMP4MediaFragment.mp4"]
        guard allowed.contains(resource) else { return nil }
        let request = try StreamingResourceRequest(
            query: query, requiresFragmentNumber: resource == "getMP4MediaFragment.mp4" || resource == "getTSFragment.ts")
        let session = try request.session(of: streamingProtocol, nowMs: nowMs)
        guard session.hasValidSignature(sessionKey) else {
            throw VideoError.invalidArgument("The SessionToken is not valid.")
        }
        let playback = try SessionPlayback(service: self, session: session)
        switch resource {
        case "getHLSMasterPlaylist.m3u8":
            let window = playback.window(nowMs: nowMs)
            let tracks = try playback.tracks(window: window)
            let video = tracks.first { $0.isVideo }
            let resolution = video.flatMap { track -> (width: Int, height: Int)? in
                if case .video(let width, let height) = track.media { return (Int(width), Int(height)) }
                return nil
            }
            let text = HLSPlaylist.master(session: session, codecs: tracks.map(\.codecString).joined(separator: ","),
                                          bandwidth: playback.bandwidth(window: window), resolution: resolution)
            return StreamingResource(contentType: "application/x-mpegURL", body: Array(text.utf8))
        case "getHLSMediaPlaylist.m3u8":
            let text = HLSPlaylist.media(session: session, window: playback.window(nowMs: nowMs))
            return StreamingResource(contentType: "application/x-mpegURL", body: Array(text.utf8))
        case "getDASHManifest.mpd":
            let window = playback.window(nowMs: nowMs)
            let tracks = try playback.tracks(window: window).map(DASHTrack.init)
            let text = DASHManifest.mpd(session: session, window: window, tracks: tracks, nowMs: nowMs)
            return StreamingResource(contentType: "application/dash+xml", body: Array(text.utf8))
        case "getMP4InitFragment.mp4":
            let tracks = try playback.select(playback.tracks(window: playback.window(nowMs: nowMs)),
                                             trackNumber: request.trackNumber)
            return StreamingResource(contentType: "video/mp4", body: MP4InitSegment.bytes(tracks: tracks))
        case "getMP4MediaFragment.mp4":
            let (media, ordinal, following) = try playback.fragment(request.fragmentNumber,
                                                                    ordinal: request.fragmentOrdinal)
            let tracks = try playback.select(media.tracks.map { track throws(MP4PackagingError) in try MP4Track(track) },
                                             trackNumber: request.trackNumber)
            let bytes = MP4MediaFragment.bytes(sequenceNumber: UInt32(truncatingIfNeeded: ordinal + 1), tracks: tracks,
                                               frames: media.frames, timecodeScale: media.timecodeScale,
                                               followingTimecodes: following)
            return StreamingResource(contentType: "video/mp4", body: bytes)
        default: // getTSFragment.ts
            let (media, ordinal, _) = try playback.fragment(request.fragmentNumber, ordinal: request.fragmentOrdinal)
            let bytes = try TSSegment.make(tracks: media.tracks, frames: media.frames, timecodeScale: media.timecodeScale,
                                           continuityBase: Int(truncatingIfNeeded: ordinal))
            return StreamingResource(contentType: "video/MP2T", body: bytes)
        }
    }
}

/// A session's view of its stream while one resource is answered: the fragments with their ordinals, the window the
/// session lists now, the tracks to package, and single fragments read back for repackaging.
struct SessionPlayback {
    let service: VideoService
    let session: StreamingSession
    let index: [PlaybackFragment]

    init(service: VideoService, session: StreamingSession) throws {
        // The session's stream must still be the same incarnation (a stream deleted and created again under the
        // same name has a new storage key).
        let stream = try service.dataStream(name: session.streamName, arn: nil)
        guard stream.storageKey == session.storageKey else {
            throw VideoError.resourceNotFound("The requested stream is not found or not active.")
        }
        self.service = service
        self.session = session
        index = try service.fragments.fragmentOrdinals(stream: session.storageKey)
            .map { PlaybackFragment(ordinal: $0.ordinal, fragment: $0.fragment) }
    }

    func window(nowMs: Int64) -> PlaybackWindow {
        service.sessionFragments(session, index: index, nowMs: nowMs)
    }

    /// The tracks of the window's first fragment (the newest fragment when the window is empty).
    func tracks(window: PlaybackWindow) throws -> [MP4Track] {
        guard let fragment = window.fragments.first?.fragment ?? index.last?.fragment,
              let content = try service.fragments.content(fragment.number, stream: session.storageKey) else {
            throw VideoError.resourceNotFound("No fragments found in the stream for the streaming request.")
        }
        return try FragmentMedia(content).tracks.map { track throws(MP4PackagingError) in try MP4Track(track) }
    }

    /// Every track, or the one `trackNumber` names (DASH).
    func select(_ tracks: [MP4Track], trackNumber: UInt64?) throws -> [MP4Track] {
        guard let trackNumber else { return tracks }
        let selected = tracks.filter { $0.trackNumber == trackNumber }
        guard !selected.isEmpty else {
            throw VideoError.resourceNotFound("The requested track \(trackNumber) was not found.")
        }
        return selected
    }

    /// Bits per second over the window's fragments (at least 1).
    func bandwidth(window: PlaybackWindow) -> Int {
        let bytes = window.fragments.reduce(0) { $0 + $1.fragment.sizeBytes }
        let milliseconds = window.fragments.reduce(Int64(0)) { $0 + max($1.fragment.durationMs, 0) }
        guard milliseconds > 0 else { return max(bytes * 8, 1) }
        return max(Int(Int64(bytes) * 8_000 / milliseconds), 1)
    }

    /// A stored fragment of the session's stream (by number, or by ordinal), its ordinal, and the first timecodes
    /// of the fragment after it (so its last frames get their exact durations).
    func fragment(_ number: FragmentNumber?, ordinal: UInt64?) throws -> (FragmentMedia, UInt64, [UInt64: Int64]) {
        let position = index.firstIndex { entry in
            if let number { return entry.fragment.number == number }
            return entry.ordinal == ordinal
        }
        guard let position,
              let content = try service.fragments.content(index[position].fragment.number, stream: session.storageKey)
        else {
            let name = number?.description ?? ordinal.map { "with ordinal \($0)" } ?? ""
            throw VideoError.resourceNotFound("The requested fragment \(name) was not found.")
        }
        var following: [UInt64: Int64] = [:]
        if position + 1 < index.count,
           let next = try service.fragments.content(index[position + 1].fragment.number, stream: session.storageKey) {
            following = try FragmentMedia(next).firstTimecodes
        }
        return (try FragmentMedia(content), index[position].ordinal, following)
    }
}
