/// PutMedia's `x-amzn-fragment-timecode-type` header: how to read each Cluster's Timecode.
///
/// It exists because the same upload bytes mean different producer timestamps: ABSOLUTE cluster timecodes are
/// milliseconds since 1970 already, RELATIVE ones are offsets from `x-amzn-producer-start-timestamp`.
public enum FragmentTimecodeType: String, Sendable {
    case absolute = "ABSOLUTE"
    case relative = "RELATIVE"
}
