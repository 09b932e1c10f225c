/// What the integrator must do next for a PutMedia upload, in order.
///
/// It exists so that `PutMediaSession` stays a pure state machine: it never writes to the connection or to
/// storage, it returns these steps and the caller performs them.
public enum PutMediaStep: Equatable, Sendable {
    /// Send this acknowledgement line (BUFFERING when a cluster starts, RECEIVED when it ends).
    case acknowledge(PutMediaAcknowledgement)
    /// Store this fragment (it follows its RECEIVED), then send `.persisted(timecode: fragmentTimecode, number:)`.
    case store(FragmentInput, fragmentTimecode: Int64)
    /// Send this ERROR acknowledgement and end the answer; the session gives no further steps.
    case fail(PutMediaAcknowledgement)
}
