/// The text of a session's MPEG-DASH manifest (ISO/IEC 23009-1 MPD).
///
/// Shape: one Period; per track an AdaptationSet with one Representation. A complete session has a SegmentList (a
/// fragment number cannot be derived from `$Number$` or `$Time$`, so every fragment gets its own SegmentURL); a live
/// one a SegmentTemplate addressing fragments by ordinal (`FragmentOrdinal=$Number$`), since a player refreshing a
/// sliding SegmentList has nothing stable to find its place by. Both carry a SegmentTimeline with one `S` per
/// fragment and an explicit `t`, so gaps between fragments stay gaps. URLs are relative to the manifest's URL and
/// XML-escaped.
///
/// Timing agrees with the media fragments: a fragment's `tfdt` is its producer timestamp in the track's timescale
/// (`producerTimestampMs × timescale / 1000`, rounded down, as the MP4 writer computes it), and `S@t` is exactly
/// that. A complete session is a static MPD whose presentationTimeOffset is the first fragment's time, so playback
/// starts at 0. A live one is dynamic, and its timeline must not move between reloads, so its availabilityStartTime
/// is 1970-01-01 and its presentationTimeOffset 0: media time is then wall-clock time, and a player finds the live
/// edge from its clock.
public enum DASHManifest {
    /// The XML namespace of the `kvs:ts` (fragment timestamp, ms since 1970) and `kvs:fn` (fragment number) attributes.
    public static let kinesisVideoNamespace = "urn:tributary:kinesisvideo:dash"

    /// A manifest is refreshed this often, as AWS recommends to players of live sessions.
    static let minimumUpdatePeriodMs: Int64 = 1_000

    public static func mpd(session: StreamingSession, window: PlaybackWindow, tracks: [DASHTrack],
                           nowMs: Int64) -> String {
        let fragments = window.fragments.map(\.fragment)
        let firstMs = fragments.first?.producerTimestampMs ?? 0
        let endMs = fragments.map { $0.producerTimestampMs + max($0.durationMs, 0) }.max() ?? firstMs
        let longestMs = fragments.map(\.durationMs).max() ?? 0
        var attributes = [
            ("xmlns", "urn:mpeg:dash:schema:mpd:2011"),
            ("xmlns:kvs", kinesisVideoNamespace),
            ("profiles", "urn:mpeg:dash:profile:full:2011"),
            ("minBufferTime", StreamingTimeText.duration(ms: max(longestMs, 1000))),
        ]
        if window.isComplete {
            attributes += [("type", "static"),
                           ("mediaPresentationDuration", StreamingTimeText.duration(ms: endMs - firstMs))]
        } else {
            attributes += [
                ("type", "dynamic"),
                ("availabilityStartTime", StreamingTimeText.dateTime(ms: 0)),
                ("publishTime", StreamingTimeText.dateTime(ms: nowMs)),
                ("minimumUpdatePeriod", StreamingTimeText.duration(ms: minimumUpdatePeriodMs)),
                ("timeShiftBufferDepth", StreamingTimeText.duration(ms: max(endMs - firstMs, longestMs))),
            ]
        }
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<MPD\(render(attributes))>",
                   "  <Period id=\"0\" start=\"PT0S\">"]
        let bandwidth = bitsPerSecond(fragments)
        for track in tracks {
            xml += adaptationSet(session: session, window: window, track: track, bandwidth: bandwidth,
                                 originMs: window.isComplete ? firstMs : 0)
        }
        xml += ["  </Period>", "</MPD>"]
        return xml.joined(separator: "\n") + "\n"
    }

    private static func adaptationSet(session: StreamingSession, window: PlaybackWindow, track: DASHTrack,
                                      bandwidth: Int, originMs: Int64) -> [String] {
        let token = session.token
        let timescale = Int64(track.timescale)
        var set: [(String, String)] = [("id", "\(track.number)"), ("segmentAlignment", "true")]
        var representation: [(String, String)] = [("id", "\(track.number)"), ("codecs", track.codecs),
                                                  ("bandwidth", "\(bandwidth)")]
        var channels: Int?
        switch track.kind {
        case .video(let width, let height):
            set += [("contentType", "video"), ("mimeType", "video/mp4"), ("startWithSAP", "1")]
            if width > 0, height > 0 { representation += [("width", "\(width)"), ("height", "\(height)")] }
        case .audio(let samplingRate, let count):
            set += [("contentType", "audio"), ("mimeType", "audio/mp4")]
            representation.append(("audioSamplingRate", "\(samplingRate)"))
            channels = count
        }
        var xml = ["    <AdaptationSet\(render(set))>", "      <Representation\(render(representation))>"]
        if let channels {
            xml.append("        <AudioChannelConfiguration"
                       + render([("schemeIdUri", "urn:mpeg:dash:23003:3:audio_channel_configuration:2011"),
                                 ("value", "\(channels)")]) + "/>")
        }
        let offset = originMs * timescale / 1000
        let initialization = "getMP4InitFragment.mp4?SessionToken=\(token)&TrackNumber=\(track.number)"
        let timeline = ["          <SegmentTimeline>"] + window.fragments.map { entry in
            "            <S" + render(timelineAttributes(session: session, fragment: entry.fragment,
                                                       timescale: timescale)) + "/>"
        } + ["          </SegmentTimeline>"]
        if window.isComplete {
            // A finished session lists each fragment's URL by its fragment number.
            xml.append("        <SegmentList"
                       + render([("timescale", "\(timescale)"), ("presentationTimeOffset", "\(offset)")]) + ">")
            xml.append("          <Initialization" + render([("sourceURL", initialization)]) + "/>")
            xml += timeline
            for entry in window.fragments {
                let url = "getMP4MediaFragment.mp4?SessionToken=\(token)&FragmentNumber=\(entry.fragment.number)"
                    + "&TrackNumber=\(track.number)"
                xml.append("          <SegmentURL" + render([("media", url)]) + "/>")
            }
            xml += ["        </SegmentList>", "      </Representation>", "    </AdaptationSet>"]
            return xml
        }
        // A live session's list slides: a template numbered by fragment ordinal ($Number$, starting at the first
        // listed fragment's) lets a player that refreshes the manifest find where it was by time and number alone.
        let media = "getMP4MediaFragment.mp4?SessionToken=\(token)&FragmentOrdinal=$Number$&TrackNumber=\(track.number)"
        xml.append("        <SegmentTemplate"
                   + render([("timescale", "\(timescale)"), ("presentationTimeOffset", "\(offset)"),
                             ("startNumber", "\(window.fragments.first?.ordinal ?? 0)"),
                             ("initialization", initialization), ("media", media)]) + ">")
        xml += timeline
        xml += ["        </SegmentTemplate>", "      </Representation>", "    </AdaptationSet>"]
        return xml
    }

    /// `S@t` is the fragment's decode time and `S@d` runs to the decode time of its end, both rounded down as the
    /// MP4 writer rounds, so consecutive fragments tile the timeline without drift.
    private static func timelineAttributes(session: StreamingSession, fragment: StoredFragment,
                                           timescale: Int64) -> [(String, String)] {
        let start = fragment.producerTimestampMs * timescale / 1000
        let end = (fragment.producerTimestampMs + max(fragment.durationMs, 0)) * timescale / 1000
        var attributes = [("t", "\(start)"), ("d", "\(end - start)")]
        if session.displayFragmentTimestamp == .always {
            attributes.append(("kvs:ts", "\(session.timestampMs(of: fragment))"))
        }
        if session.displayFragmentNumber == .always {
            attributes.append(("kvs:fn", fragment.number.description))
        }
        return attributes
    }

    /// The listed fragments' average bit rate (every track together: the stored clusters hold them all), at least 1
    /// as the MPD requires a positive bandwidth.
    private static func bitsPerSecond(_ fragments: [StoredFragment]) -> Int {
        let bytes = fragments.reduce(0) { $0 + $1.sizeBytes }
        let durationMs = fragments.reduce(Int64(0)) { $0 + max($1.durationMs, 0) }
        guard durationMs > 0 else { return max(bytes * 8, 1) }
        return max(Int(Int64(bytes) * 8 * 1000 / durationMs), 1)
    }

    private static func render(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined()
    }

    /// XML attribute text: the five predefined entities.
    private static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
