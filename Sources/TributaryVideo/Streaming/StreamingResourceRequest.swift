import TributaryWire

/// The query parameters of a playback resource request (GetHLSMasterPlaylist, GetHLSMediaPlaylist,
/// GetDASHManifest, GetMP4InitFragment, GetMP4MediaFragment, GetTSFragment), read with AWS's errors.
///
/// It exists so the gateway hands over the decoded query and gets typed values or an InvalidArgumentException
/// (400) back. Whether the fragment belongs to the session's stream, and whether the track exists, is for the
/// caller to check (ResourceNotFoundException, 404).
public struct StreamingResourceRequest: Sendable, Equatable {
    public var sessionToken: String
    /// `FragmentNumber`: required by GetMP4MediaFragment and GetTSFragment, refused elsewhere as meaningless.
    public var fragmentNumber: FragmentNumber?
    /// `TrackNumber`: which track's init or media fragment (DASH); absent for HLS, whose fragments hold every track.
    public var trackNumber: UInt64?
    /// `FragmentOrdinal`: a media fragment named by its ordinal instead of its number, as live DASH manifests'
    /// SegmentTemplate addresses them.
    public var fragmentOrdinal: UInt64?

    /// Reads `query` (names are case-sensitive, as AWS's). `requiresFragmentNumber` is true for the media fragment
    /// resources.
    public init(query: [String: String], requiresFragmentNumber: Bool) throws {
        guard let token = query["SessionToken"], !token.isEmpty else {
            throw Self.invalid("SessionToken must be specified.")
        }
        sessionToken = token
        fragmentOrdinal = nil
        if requiresFragmentNumber, query["FragmentNumber"] == nil, let text = query["FragmentOrdinal"] {
            guard let ordinal = UInt64(text), text.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw Self.invalid("FragmentOrdinal must be a non-negative integer: \(text)")
            }
            fragmentOrdinal = ordinal
        }
        switch (query["FragmentNumber"], requiresFragmentNumber) {
        case (nil, true) where fragmentOrdinal != nil:
            fragmentNumber = nil
        case (nil, true):
            throw Self.invalid("FragmentNumber must be specified.")
        case (nil, false):
            fragmentNumber = nil
        case (.some, false):
            throw Self.invalid("FragmentNumber is not a parameter of this resource.")
        case (let text?, true):
            guard (1...128).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw Self.invalid("FragmentNumber must match the pattern ^[0-9]+$: \(text)")
            }
            guard let number = FragmentNumber(text) else {
                throw ServiceError(code: "ResourceNotFoundException",
                                   message: "The requested fragment \(text) was not found.", status: 404)
            }
            fragmentNumber = number
        }
        if let text = query["TrackNumber"] {
            guard let number = UInt64(text), number >= 1, text.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw Self.invalid("TrackNumber must be a positive integer: \(text)")
            }
            trackNumber = number
        } else {
            trackNumber = nil
        }
    }

    /// The session the token stands for, if it is a session of `streamingProtocol` (an HLS token does not open a
    /// DASH manifest); the token's own errors otherwise (see `StreamingSession.init(token:nowMs:)`).
    public func session(of streamingProtocol: StreamingSession.StreamingProtocol,
                        nowMs: Int64) throws -> StreamingSession {
        let session = try StreamingSession(token: sessionToken, nowMs: nowMs)
        guard session.streamingProtocol == streamingProtocol else {
            throw Self.invalid("The SessionToken is not a token of a \(streamingProtocol.rawValue) streaming session.")
        }
        return session
    }

    private static func invalid(_ message: String) -> ServiceError {
        ServiceError(code: "InvalidArgumentException", message: message, status: 400)
    }
}
