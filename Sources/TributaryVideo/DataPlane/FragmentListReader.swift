import Synchronization

/// GetMediaForFragmentList's body: the listed fragments, in the order given, each as a complete Matroska chunk.
///
/// The list was checked when the request was accepted; a fragment removed by retention since then is skipped.
final class FragmentListReader: MediaChunkSource {
    private let fragments: FragmentStore
    private let streamKey: String
    private let remaining: Mutex<ArraySlice<FragmentNumber>>

    init(fragments: FragmentStore, streamKey: String, numbers: [FragmentNumber]) {
        self.fragments = fragments
        self.streamKey = streamKey
        self.remaining = Mutex(numbers[...])
    }

    func next() async throws -> [UInt8]? {
        while let number = remaining.withLock({ $0.popFirst() }) {
            if let content = try fragments.content(number, stream: streamKey) {
                return GetMediaChunk.archived(content)
            }
        }
        return nil
    }
}
