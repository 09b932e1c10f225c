import Foundation
import Logging

/// One PutMedia connection: feeds the upload's bytes to a `PutMediaSession`, stores each complete fragment and
/// answers the acknowledgements in order (BUFFERING, RECEIVED, PERSISTED per fragment; ERROR ends the upload).
///
/// It exists so the gateway only moves bytes: everything PutMedia decides (what is a fragment, what is refused, when
/// a fragment is durable) happens here and in the session. PERSISTED is sent only after storage made the fragment
/// durable, and only for streams that keep data (retention above 0 hours), as AWS does.
public actor PutMediaUpload {
    private var session: PutMediaSession
    private let fragments: FragmentStore
    private let streamKey: String
    private let persists: Bool
    private let logger: Logger
    /// Whether an ERROR ended the upload; nothing more is read after it.
    public private(set) var isFinished = false

    init(session: PutMediaSession, fragments: FragmentStore, streamKey: String, persists: Bool, logger: Logger) {
        self.session = session
        self.fragments = fragments
        self.streamKey = streamKey
        self.persists = persists
        self.logger = logger
    }

    /// The acknowledgements that the next bytes of the upload complete.
    public func feed(_ bytes: [UInt8]) async -> [PutMediaAcknowledgement] {
        guard !isFinished else { return [] }
        return await apply(session.feed(bytes))
    }

    /// The upload ended: what its last bytes complete (an ERROR when it stopped inside a fragment).
    public func finish() async -> [PutMediaAcknowledgement] {
        guard !isFinished else { return [] }
        let acknowledgements = await apply(session.finish())
        isFinished = true
        return acknowledgements
    }

    private func apply(_ steps: [PutMediaStep]) async -> [PutMediaAcknowledgement] {
        var acknowledgements: [PutMediaAcknowledgement] = []
        for step in steps where !isFinished {
            switch step {
            case .acknowledge(let acknowledgement):
                acknowledgements.append(acknowledgement)
            case .store(let fragment, let timecode):
                do {
                    let stored = try await fragments.append(fragment, stream: streamKey)
                    if persists { acknowledgements.append(.persisted(timecode: timecode, number: stored.number)) }
                } catch {
                    logger.error("PutMedia could not store a fragment",
                                 metadata: ["stream": "\(streamKey)", "error": "\(error)"])
                    let failure = (error as? FragmentStoreError).map { PutMediaError(id: $0.awsErrorID, message: $0.description) }
                        ?? .internalError("The fragment could not be stored")
                    acknowledgements.append(.error(failure, timecode: timecode))
                    isFinished = true
                }
            case .fail(let acknowledgement):
                acknowledgements.append(acknowledgement)
                isFinished = true
            }
        }
        return acknowledgements
    }
}
