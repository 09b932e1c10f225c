/// The text of a session's HLS master playlist and media playlist (RFC 8216).
///
/// URLs are relative, as AWS writes them: a player resolves them against the playlist's own URL
/// (`…/hls/v1/getHLSMasterPlaylist.m3u8`), so they reach `…/hls/v1/getHLSMediaPlaylist.m3u8` and the fragment
/// resources next to it. The one rendition carries every track muxed (the init fragment and each media fragment
/// hold all tracks), so the master playlist lists a single variant.
public enum HLSPlaylist {
    /// The master playlist: one variant stream with the tracks' RFC 6381 codec strings joined by commas (`codecs`),
    /// the peak bit rate in bits per second, and the picture size when there is video.
    public static func master(session: StreamingSession, codecs: String, bandwidth: Int,
                              resolution: (width: Int, height: Int)?) -> String {
        var attributes = "BANDWIDTH=\(bandwidth),CODECS=\"\(codecs)\""
        if let resolution { attributes += ",RESOLUTION=\(resolution.width)x\(resolution.height)" }
        return lines([
            "#EXTM3U",
            "#EXT-X-VERSION:\(version(session))",
            "#EXT-X-INDEPENDENT-SEGMENTS",
            "#EXT-X-STREAM-INF:\(attributes)",
            "getHLSMediaPlaylist.m3u8?SessionToken=\(session.token)",
        ])
    }

    /// The media playlist listing `window`'s fragments.
    ///
    /// Tags in order: version; target duration (the longest fragment rounded up to whole seconds, at least 1);
    /// media sequence (the first fragment's ordinal); discontinuity sequence; `EXT-X-PLAYLIST-TYPE:VOD` when
    /// complete; the init fragment (fMP4). Then per fragment: `EXT-X-DISCONTINUITY` where the DiscontinuityMode
    /// puts one (never before the first listed fragment, which the discontinuity sequence accounts for),
    /// `EXT-X-PROGRAM-DATE-TIME` (the session's timestamp of the fragment) when DisplayFragmentTimestamp is ALWAYS,
    /// `EXTINF` with the duration, and the fragment's URL. `EXT-X-ENDLIST` closes a complete playlist.
    public static func media(session: StreamingSession, window: PlaybackWindow) -> String {
        let token = session.token
        let longestMs = window.fragments.map(\.fragment.durationMs).max() ?? 0
        var text = [
            "#EXTM3U",
            "#EXT-X-VERSION:\(version(session))",
            "#EXT-X-TARGETDURATION:\(max((longestMs + 999) / 1000, 1))",
            "#EXT-X-MEDIA-SEQUENCE:\(window.fragments.first?.ordinal ?? 0)",
            "#EXT-X-DISCONTINUITY-SEQUENCE:\(window.discontinuitySequence)",
        ]
        if window.isComplete { text.append("#EXT-X-PLAYLIST-TYPE:VOD") }
        if session.containerFormat == .fragmentedMP4 {
            text.append("#EXT-X-MAP:URI=\"getMP4InitFragment.mp4?SessionToken=\(token)\"")
        }
        var previous: StoredFragment?
        for entry in window.fragments {
            let fragment = entry.fragment
            if let previous, session.marksDiscontinuity(from: previous, to: fragment) {
                text.append("#EXT-X-DISCONTINUITY")
            }
            if session.displayFragmentTimestamp == .always {
                let date = StreamingTimeText.dateTime(ms: session.timestampMs(of: fragment))
                text.append("#EXT-X-PROGRAM-DATE-TIME:\(date)")
            }
            text.append("#EXTINF:\(StreamingTimeText.seconds(ms: fragment.durationMs)),")
            text.append(fragmentURL(session: session, token: token, number: fragment.number))
            previous = fragment
        }
        if window.isComplete { text.append("#EXT-X-ENDLIST") }
        return lines(text)
    }

    /// 7 for fragmented MP4 (EXT-X-MAP in a media playlist needs 6; Apple's fMP4 guidance asks for 7), 3 for
    /// transport streams (decimal EXTINF durations).
    private static func version(_ session: StreamingSession) -> Int {
        session.containerFormat == .fragmentedMP4 ? 7 : 3
    }

    private static func fragmentURL(session: StreamingSession, token: String, number: FragmentNumber) -> String {
        switch session.containerFormat {
        case .fragmentedMP4: "getMP4MediaFragment.mp4?SessionToken=\(token)&FragmentNumber=\(number)"
        case .mpegTS: "getTSFragment.ts?SessionToken=\(token)&FragmentNumber=\(number)"
        }
    }

    private static func lines(_ lines: [String]) -> String {
        lines.joined(separator: "\n") + "\n"
    }
}
