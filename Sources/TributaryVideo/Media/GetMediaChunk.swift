/// The Matroska documents GetMedia and GetMediaForFragmentList send, one per stored fragment.
///
/// It exists because consumers (AWS's parser library, ffmpeg, GStreamer) expect every chunk to be a complete
/// document they can decode alone or concatenated with the next one:
///
/// | part                    | content                                                                          |
/// |-------------------------|----------------------------------------------------------------------------------|
/// | EBML header             | DocType matroska                                                                 |
/// | Segment                 | unknown size: it ends where the next chunk's EBML header starts                  |
/// | head                    | the upload's Info and Tracks, as stored                                          |
/// | Tags                    | FRAGMENT_NUMBER, SERVER_TIMESTAMP, PRODUCER_TIMESTAMP (SERVER_SIDE_TIMESTAMP and  |
/// |                         | PRODUCER_SIDE_TIMESTAMP in GetMediaForFragmentList, as AWS names them there)     |
/// | Cluster                 | as stored: known size, absolute producer timecode                                |
/// | producer Tags           | as stored (often absent)                                                         |
/// | Tags (GetMedia only)    | MILLIS_BEHIND_NOW, CONTINUATION_TOKEN                                            |
public enum GetMediaChunk {
    /// One GetMedia chunk, ending with the MILLIS_BEHIND_NOW and CONTINUATION_TOKEN Tags.
    public static func live(_ content: FragmentContent, millisBehindNow: Int64, continuationToken: String) -> [UInt8] {
        document(content, serverTag: GetMediaTagName.serverTimestamp, producerTag: GetMediaTagName.producerTimestamp)
            + EBMLWriter.tags([MatroskaTag(targetTypeValue: 50, simpleTags: [
            MatroskaSimpleTag(name: GetMediaTagName.millisBehindNow, string: String(millisBehindNow)),
            MatroskaSimpleTag(name: GetMediaTagName.continuationToken, string: continuationToken),
        ])])
    }

    /// GetMediaForFragmentList's chunk: the same without the trailing MILLIS_BEHIND_NOW / CONTINUATION_TOKEN Tags.
    public static func archived(_ content: FragmentContent) -> [UInt8] {
        document(content, serverTag: GetMediaTagName.serverSideTimestamp,
                 producerTag: GetMediaTagName.producerSideTimestamp)
    }

    private static func document(_ content: FragmentContent, serverTag: String, producerTag: String) -> [UInt8] {
        let fragment = content.fragment
        let fragmentTags = EBMLWriter.tags([MatroskaTag(targetTypeValue: 50, simpleTags: [
            MatroskaSimpleTag(name: GetMediaTagName.fragmentNumber, string: fragment.number.description),
            MatroskaSimpleTag(name: serverTag, string: GetMediaTagName.seconds(milliseconds: fragment.serverTimestampMs)),
            MatroskaSimpleTag(name: producerTag,
                              string: GetMediaTagName.seconds(milliseconds: fragment.producerTimestampMs)),
        ])])
        var chunk = EBMLWriter.ebmlHeader() + EBMLWriter.unknownSizeHeader(.segment)
        chunk.reserveCapacity(chunk.count + content.head.count + fragmentTags.count + content.cluster.count
            + content.tags.count + 128)
        chunk += content.head
        chunk += fragmentTags
        chunk += content.cluster
        chunk += content.tags
        return chunk
    }

    /// The chunk sent when GetMedia stops on an error: a document whose Segment holds only a Tags element with
    /// AWS_KINESISVIDEO_ERROR_CODE (a description) and AWS_KINESISVIDEO_ERROR_ID (the integer code, e.g. 4000 when
    /// the requested fragment is not found).
    public static func error(code: String, id: Int) -> [UInt8] {
        EBMLWriter.ebmlHeader() + EBMLWriter.unknownSizeHeader(.segment)
            + EBMLWriter.tags([MatroskaTag(targetTypeValue: 50, simpleTags: [
                MatroskaSimpleTag(name: GetMediaTagName.errorCode, string: code),
                MatroskaSimpleTag(name: GetMediaTagName.errorID, string: String(id)),
            ])])
    }
}
